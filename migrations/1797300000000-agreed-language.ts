import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agreed-language library (issue #25, decision 0054).
 * - `citations`: agreed language a proposed text quotes, as its proposer cited it and the server
 *   checked it (the cited version adopted and readable by them, the passage verbatim in its clause
 *   and in the proposed text). Either an amendment's (its text) or a chair's text's (one clause of
 *   the version it issued). Written in the proposing transaction, never edited: provenance reads
 *   precedent from here and from the adopted text, never from anything a client sends later.
 * - The library itself reads `search_entries` (clauses) of adopted versions: no table of its own.
 */
export class AgreedLanguage1797300000000 implements MigrationInterface {
  name = 'AgreedLanguage1797300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE citations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        amendment_id uuid REFERENCES amendments(id),
        version_id uuid REFERENCES document_versions(id),
        -- the citing clause: an amendment's target (replace) or the clause it inserts; a clause of the chair's text
        clause_id uuid NOT NULL,
        position int NOT NULL,
        source_version_id uuid NOT NULL REFERENCES document_versions(id),
        source_clause_id uuid NOT NULL,
        passage text NOT NULL CHECK (length(passage) > 0),
        created_at timestamptz NOT NULL,
        CHECK ((amendment_id IS NULL) <> (version_id IS NULL)),
        UNIQUE NULLS NOT DISTINCT (amendment_id, version_id, clause_id, position)
      );
      CREATE INDEX citations_document_idx ON citations (document_id);
      CREATE INDEX citations_amendment_idx ON citations (amendment_id) WHERE amendment_id IS NOT NULL;
      CREATE INDEX citations_source_idx ON citations (source_version_id, source_clause_id);

      -- A citation is a record: once written it is neither changed nor removed.
      CREATE FUNCTION citations_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'citations are immutable'; END $$;
      CREATE TRIGGER citations_immutable BEFORE UPDATE OR DELETE ON citations FOR EACH ROW EXECUTE FUNCTION citations_immutable();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE citations; DROP FUNCTION citations_immutable()`);
  }
}
