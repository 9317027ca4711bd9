import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search everything (issue #25, decision 0053).
 * - Extensions `unaccent` and `pg_trgm`; `parley_unaccent(text)`, the IMMUTABLE wrapper an index
 *   expression needs (unaccent() itself is only STABLE).
 * - One text search configuration per content language, each folding accents before stemming so
 *   "securite" finds "sécurité" and ts_headline still marks the words as written: `parley_english`,
 *   `parley_french`, `parley_spanish`, `parley_russian`; Arabic, Chinese and text of no known
 *   language use `parley_simple` (no stemming), and Arabic and Chinese rows are also matched by
 *   substring through a trigram index (Chinese is written without spaces between words). Text of
 *   no known language (ballots, names, mandates) is indexed both as `parley_simple` and as English.
 * - `search_entries`: one row per searchable thing (a clause in one version, a comment, an
 *   amendment with its rationale, a ballot, an explanation of position, a person, an organisation,
 *   a working group), with what filters and access control need (group, document, the version whose
 *   members-only terms govern it, language, the author's affiliation snapshot at the time of the
 *   act) and its tsvector. Maintained by triggers on the source tables, in the same transaction as
 *   the write; a GIN index on the tsvector, a trigram index on names.
 */
const CONFIGS = [
  ['parley_english', 'english', 'english_stem'],
  ['parley_french', 'french', 'french_stem'],
  ['parley_spanish', 'spanish', 'spanish_stem'],
  ['parley_russian', 'russian', 'russian_stem'],
  ['parley_simple', 'simple', 'simple'],
] as const;

/** Each source table: its trigger's events and the SELECT that makes its entry from NEW. */
const SOURCES: { table: string; events: string; select: string }[] = [
  {
    table: 'version_clauses',
    events: 'INSERT',
    select: `SELECT 'clause', NEW.clause_id, d.working_group_id, d.id, NEW.version_id, v.number, NEW.clause_id, d.original_language,
                    v.created_by, v.author_snapshot, v.created_at, NULL::text, NEW.text, NULL::text
               FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.id = NEW.version_id`,
  },
  {
    table: 'comments',
    events: 'INSERT',
    select: `SELECT 'comment', NEW.id, d.working_group_id, d.id, NEW.version_id, NEW.version_number, NEW.clause_id,
                    coalesce(NEW.written_language, d.original_language), NEW.author_id, NEW.author_snapshot, NEW.created_at, NULL::text, NEW.body, NEW.kind
               FROM documents d WHERE d.id = NEW.document_id`,
  },
  {
    table: 'amendments',
    events: 'INSERT OR UPDATE OF status',
    select: `SELECT 'amendment', NEW.id, d.working_group_id, d.id, v.id, NEW.base_version, NEW.target_clause_id,
                    coalesce(NEW.written_language, d.original_language), NEW.author_id, NEW.author_snapshot, NEW.created_at, NULL::text,
                    concat_ws(E'\\n', NEW.text, NEW.rationale), NEW.status
               FROM documents d LEFT JOIN document_versions v ON v.document_id = d.id AND v.number = NEW.base_version WHERE d.id = NEW.document_id`,
  },
  {
    table: 'ballots',
    events: 'INSERT OR UPDATE OF status',
    select: `SELECT 'ballot', NEW.id, NEW.working_group_id, NULL::uuid, NULL::uuid, NULL::int, NULL::uuid, NULL::text,
                    NEW.opened_by, NEW.opened_by_snapshot, NEW.opened_at, NEW.title, coalesce(NEW.description, ''), NEW.status`,
  },
  {
    table: 'explanations_of_position',
    events: 'INSERT',
    select: `SELECT 'explanation', NEW.id, d.working_group_id, d.id, NEW.version_id, NEW.version_number, NULL::uuid, d.original_language,
                    NEW.placed_by, NEW.placed_snapshot, NEW.placed_at, NEW.organisation_name, NEW.text, NEW.kind
               FROM documents d WHERE d.id = NEW.document_id`,
  },
  {
    table: 'people',
    events: 'INSERT OR UPDATE OF name',
    select: `SELECT 'person', NEW.id, NULL::uuid, NULL::uuid, NULL::uuid, NULL::int, NULL::uuid, NULL::text,
                    NEW.id, NULL::jsonb, NEW.created_at, NEW.name, NEW.name, NULL::text`,
  },
  {
    table: 'organisations',
    events: 'INSERT OR UPDATE OF name, stakeholder_group, subtype',
    select: `SELECT 'organisation', NEW.id, NULL::uuid, NULL::uuid, NULL::uuid, NULL::int, NULL::uuid, NULL::text,
                    NULL::uuid, NULL::jsonb, NEW.created_at, NEW.name, NEW.name, NEW.subtype`,
  },
  {
    table: 'working_groups',
    events: 'INSERT OR UPDATE OF name, mandate, status',
    select: `SELECT 'working-group', NEW.id, NEW.id, NULL::uuid, NULL::uuid, NULL::int, NULL::uuid, NULL::text,
                    NEW.convener_id, NEW.convener_snapshot, NEW.created_at, NEW.name, NEW.mandate, NEW.status`,
  },
];

const COLUMNS = 'kind, source_id, working_group_id, document_id, version_id, version_number, clause_id, language, author_id, snapshot, at, title, body, detail';

export class Search1797200000000 implements MigrationInterface {
  name = 'Search1797200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // Qualified names: index builds and maintenance run expressions with search_path = pg_catalog (PostgreSQL 17+).
    const [{ schema }] = (await q.query(`SELECT n.nspname AS schema FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace WHERE x.extname = 'unaccent'`)) as { schema: string }[];
    const [{ here }] = (await q.query(`SELECT current_schema() AS here`)) as { here: string }[];
    await q.query(`
      CREATE FUNCTION parley_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT ${schema}.unaccent('${schema}.unaccent'::regdictionary, $1) $$`);
    for (const [name, copy, stem] of CONFIGS) {
      await q.query(`CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = ${copy})`);
      await q.query(`ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR hword, hword_part, word WITH ${schema}.unaccent, ${stem}`);
    }
    await q.query(`
      CREATE FUNCTION parley_search_config(language text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE language WHEN 'en' THEN '${here}.parley_english' WHEN 'fr' THEN '${here}.parley_french' WHEN 'es' THEN '${here}.parley_spanish'
                             WHEN 'ru' THEN '${here}.parley_russian' ELSE '${here}.parley_simple' END::regconfig $$`);

    await q.query(`
      CREATE TABLE search_entries (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('clause','comment','amendment','ballot','explanation','person','organisation','working-group')),
        source_id uuid NOT NULL,
        working_group_id uuid,
        document_id uuid,
        -- the version whose members-only terms (version_publications) govern who reads this entry
        version_id uuid,
        version_number int,
        clause_id uuid,
        language text CHECK (language IN ('ar','zh','en','fr','ru','es')),
        author_id uuid,
        snapshot jsonb,
        organisation_id uuid,
        stakeholder_group text,
        at timestamptz NOT NULL,
        title text,
        body text NOT NULL,
        -- a comment's kind, an amendment's or a ballot's status, an explanation's kind, an organisation's sub-type
        detail text,
        tsv tsvector NOT NULL,
        UNIQUE NULLS NOT DISTINCT (kind, source_id, version_id)
      );
      CREATE INDEX search_entries_tsv_idx ON search_entries USING gin (tsv);
      CREATE INDEX search_entries_name_idx ON search_entries USING gin (parley_unaccent(title) gin_trgm_ops) WHERE kind IN ('person','organisation','working-group');
      CREATE INDEX search_entries_unspaced_idx ON search_entries USING gin (body gin_trgm_ops) WHERE language IN ('ar','zh');

      -- Completes an entry (its organisation, stakeholder group and tsvector) and writes it: the one place an entry is made.
      CREATE FUNCTION search_entry_put(e search_entries) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        e.organisation_id := CASE e.kind WHEN 'organisation' THEN e.source_id ELSE (e.snapshot->>'organisationId')::uuid END;
        e.stakeholder_group := CASE e.kind WHEN 'organisation' THEN (SELECT stakeholder_group FROM organisations WHERE id = e.source_id)
                                           ELSE e.snapshot->>'stakeholderGroup' END;
        e.tsv := setweight(to_tsvector(parley_search_config(e.language), coalesce(e.title, '')), 'A')
              || setweight(to_tsvector(parley_search_config(e.language), e.body), 'B');
        -- Text of no known language (ballots, names, groups' mandates) is also read as English, the platform's first language.
        IF e.language IS NULL THEN
          e.tsv := e.tsv || setweight(to_tsvector('${here}.parley_english', coalesce(e.title, '')), 'A') || setweight(to_tsvector('${here}.parley_english', e.body), 'B');
        END IF;
        INSERT INTO search_entries (${COLUMNS}, organisation_id, stakeholder_group, tsv)
        VALUES (e.kind, e.source_id, e.working_group_id, e.document_id, e.version_id, e.version_number, e.clause_id, e.language,
                e.author_id, e.snapshot, e.at, e.title, e.body, e.detail, e.organisation_id, e.stakeholder_group, e.tsv)
        ON CONFLICT (kind, source_id, version_id) DO UPDATE
          SET title = EXCLUDED.title, body = EXCLUDED.body, detail = EXCLUDED.detail, stakeholder_group = EXCLUDED.stakeholder_group, tsv = EXCLUDED.tsv;
      END $$;
    `);

    for (const s of SOURCES) {
      const fn = `search_index_${s.table}`;
      await q.query(`
        CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE e search_entries;
        BEGIN
          FOR e.kind, e.source_id, e.working_group_id, e.document_id, e.version_id, e.version_number, e.clause_id, e.language,
              e.author_id, e.snapshot, e.at, e.title, e.body, e.detail IN ${s.select}
          LOOP
            PERFORM search_entry_put(e);
          END LOOP;
          RETURN NULL;
        END $$`);
      await q.query(`CREATE TRIGGER search_index AFTER ${s.events} ON ${s.table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
      // Backfill: what the trigger would have made of every existing row.
      await q.query(`
        DO $$ DECLARE e search_entries; "new" ${s.table}; BEGIN
          FOR NEW IN SELECT * FROM ${s.table} LOOP
            FOR e.kind, e.source_id, e.working_group_id, e.document_id, e.version_id, e.version_number, e.clause_id, e.language,
                e.author_id, e.snapshot, e.at, e.title, e.body, e.detail IN ${s.select}
            LOOP PERFORM search_entry_put(e); END LOOP;
          END LOOP;
        END $$`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const s of SOURCES) {
      await q.query(`DROP TRIGGER search_index ON ${s.table}; DROP FUNCTION search_index_${s.table}()`);
    }
    await q.query(`DROP FUNCTION search_entry_put(search_entries); DROP TABLE search_entries; DROP FUNCTION parley_search_config(text)`);
    for (const [name] of CONFIGS) await q.query(`DROP TEXT SEARCH CONFIGURATION ${name}`);
    await q.query(`DROP FUNCTION parley_unaccent(text)`);
  }
}
