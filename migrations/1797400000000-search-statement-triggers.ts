import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search at a million comments (issue #25, decision 0053).
 * - Comments and clause versions are only ever inserted: their entries are now written by one
 *   statement per INSERT (an AFTER … FOR EACH STATEMENT trigger reading the transition table), the
 *   same columns and tsvector as `search_entry_put`, set-based. A single comment costs what it did;
 *   a batch (a version's hundred clauses, a bulk load) costs one INSERT … SELECT, not a PL/pgSQL
 *   call per row. The trigger keeps its name (`search_index`), so disabling it is unchanged.
 * - `search_entry_tsv(language, title, body)`: the entry's tsvector, the one definition both paths use.
 */
/** The INSERT that indexes comments or clause versions read from `rows` (the transition table, or NEW as a one-row table). */
const INDEX_COMMENTS = (rows: string) => `
  INSERT INTO search_entries (kind, source_id, working_group_id, document_id, version_id, version_number, clause_id, language, author_id, snapshot, at,
                              title, body, detail, organisation_id, stakeholder_group, tsv)
  SELECT 'comment', c.id, d.working_group_id, d.id, c.version_id, c.version_number, c.clause_id, l.language, c.author_id, c.author_snapshot, c.created_at,
         NULL, c.body, c.kind, (c.author_snapshot->>'organisationId')::uuid, c.author_snapshot->>'stakeholderGroup', search_entry_tsv(l.language, NULL, c.body)
    FROM ${rows} c JOIN documents d ON d.id = c.document_id
   CROSS JOIN LATERAL (SELECT coalesce(c.written_language, d.original_language) AS language) l
  ON CONFLICT (kind, source_id, version_id) DO UPDATE
    SET body = EXCLUDED.body, detail = EXCLUDED.detail, stakeholder_group = EXCLUDED.stakeholder_group, tsv = EXCLUDED.tsv`;
const INDEX_CLAUSES = (rows: string) => `
  INSERT INTO search_entries (kind, source_id, working_group_id, document_id, version_id, version_number, clause_id, language, author_id, snapshot, at,
                              title, body, detail, organisation_id, stakeholder_group, tsv)
  SELECT 'clause', n.clause_id, d.working_group_id, d.id, n.version_id, v.number, n.clause_id, d.original_language, v.created_by, v.author_snapshot, v.created_at,
         NULL, n.text, NULL, (v.author_snapshot->>'organisationId')::uuid, v.author_snapshot->>'stakeholderGroup', search_entry_tsv(d.original_language, NULL, n.text)
    FROM ${rows} n JOIN document_versions v ON v.id = n.version_id JOIN documents d ON d.id = v.document_id
  ON CONFLICT (kind, source_id, version_id) DO UPDATE
    SET body = EXCLUDED.body, stakeholder_group = EXCLUDED.stakeholder_group, tsv = EXCLUDED.tsv`;
const TABLES = [
  { table: 'comments', insert: INDEX_COMMENTS },
  { table: 'version_clauses', insert: INDEX_CLAUSES },
];

/** The trigger function and trigger for `table`, per statement (transition table) or per row (NEW). */
async function triggers(q: QueryRunner, perStatement: boolean): Promise<void> {
  for (const { table, insert } of TABLES) {
    await q.query(`DROP TRIGGER search_index ON ${table}; DROP FUNCTION search_index_${table}()`);
    await q.query(`
      CREATE FUNCTION search_index_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${insert(perStatement ? 'added' : '(SELECT NEW.*)')}; RETURN NULL; END $$`);
    await q.query(
      perStatement
        ? `CREATE TRIGGER search_index AFTER INSERT ON ${table} REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION search_index_${table}()`
        : `CREATE TRIGGER search_index AFTER INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION search_index_${table}()`,
    );
  }
}

export class SearchStatementTriggers1797400000000 implements MigrationInterface {
  name = 'SearchStatementTriggers1797400000000';

  async up(q: QueryRunner): Promise<void> {
    const [{ here }] = (await q.query(`SELECT current_schema() AS here`)) as { here: string }[];
    await q.query(`
      CREATE FUNCTION search_entry_tsv(language text, title text, body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector(${here}.parley_search_config(language), coalesce(title, '')), 'A')
            || setweight(to_tsvector(${here}.parley_search_config(language), body), 'B')
            || CASE WHEN language IS NULL
                    THEN setweight(to_tsvector('${here}.parley_english', coalesce(title, '')), 'A') || setweight(to_tsvector('${here}.parley_english', body), 'B')
                    ELSE ''::tsvector END $$`);
    await triggers(q, true);
  }

  async down(q: QueryRunner): Promise<void> {
    await triggers(q, false);
    await q.query(`DROP FUNCTION search_entry_tsv(text, text, text)`);
  }
}
