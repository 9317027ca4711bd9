import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clause status and agreed ad ref (issue #18, decision record 0032):
 * - `clause_statuses`: every move of a clause's status, append-only (who, with which affiliation, when,
 *   with what note, on which version). The status of a clause is its latest row; nothing is ever updated.
 * - `clause_ad_refs`: a delegation (an organisation, named as it was) agrees a clause ad referendum until a
 *   day; it ends once, lifted (the capital confirmed), withdrawn, or lapsed (past its day when the
 *   delegation gave a new one). One open ad ref per delegation per clause; expiry is derived from the date.
 */
export class ClauseStatus1796600000100 implements MigrationInterface {
  name = 'ClauseStatus1796600000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clause_statuses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        clause_id uuid NOT NULL,
        version_id uuid NOT NULL,
        version_number int NOT NULL CHECK (version_number >= 1),
        status text NOT NULL CHECK (status IN ('not-read','under-negotiation','informal-group','agreed')),
        note text CHECK (note IS NULL OR btrim(note) <> ''),
        actor_id uuid NOT NULL REFERENCES people(id),
        actor_snapshot jsonb NOT NULL,
        at timestamptz NOT NULL,
        FOREIGN KEY (version_id, clause_id) REFERENCES version_clauses (version_id, clause_id)
      );
      -- the latest status of every clause of a document in one index scan (DISTINCT ON), and one clause's history
      CREATE INDEX clause_statuses_latest_idx ON clause_statuses (document_id, clause_id, at DESC, id DESC);

      CREATE FUNCTION clause_statuses_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'clause status history is never edited or deleted: a move is a new row' USING ERRCODE = 'P0001';
      END $$;
      CREATE TRIGGER clause_statuses_guard BEFORE UPDATE OR DELETE ON clause_statuses FOR EACH ROW EXECUTE FUNCTION clause_statuses_guard();

      CREATE TABLE clause_ad_refs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        clause_id uuid NOT NULL,
        version_id uuid NOT NULL,
        version_number int NOT NULL CHECK (version_number >= 1),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        organisation_name text NOT NULL,
        expires_on date NOT NULL,
        note text CHECK (note IS NULL OR btrim(note) <> ''),
        agreed_by uuid NOT NULL REFERENCES people(id),
        agreed_snapshot jsonb NOT NULL,
        agreed_at timestamptz NOT NULL,
        ended text CHECK (ended IN ('lifted','withdrawn','lapsed')),
        end_note text,
        ended_by uuid REFERENCES people(id),
        ended_snapshot jsonb,
        ended_at timestamptz,
        FOREIGN KEY (version_id, clause_id) REFERENCES version_clauses (version_id, clause_id),
        CHECK ((ended IS NULL) = (ended_at IS NULL)),
        CHECK ((ended_by IS NULL) = (ended_snapshot IS NULL)),
        CHECK (ended_by IS NULL OR ended IS NOT NULL),
        CHECK (end_note IS NULL OR ended IS NOT NULL)
      );
      -- one open ad ref per delegation per clause
      CREATE UNIQUE INDEX clause_ad_refs_one_open ON clause_ad_refs (document_id, clause_id, organisation_id) WHERE ended IS NULL;
      CREATE INDEX clause_ad_refs_document_idx ON clause_ad_refs (document_id, clause_id, agreed_at);

      CREATE FUNCTION clause_ad_refs_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'ad refs are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.ended IS NOT NULL OR NEW.ended IS NULL OR NEW.id <> OLD.id OR NEW.document_id <> OLD.document_id OR NEW.clause_id <> OLD.clause_id
           OR NEW.version_id <> OLD.version_id OR NEW.version_number <> OLD.version_number OR NEW.organisation_id <> OLD.organisation_id
           OR NEW.organisation_name <> OLD.organisation_name OR NEW.expires_on <> OLD.expires_on OR NEW.note IS DISTINCT FROM OLD.note
           OR NEW.agreed_by <> OLD.agreed_by OR NEW.agreed_snapshot <> OLD.agreed_snapshot OR NEW.agreed_at <> OLD.agreed_at THEN
          RAISE EXCEPTION 'an ad ref only ends, once (lifted, withdrawn or lapsed)' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER clause_ad_refs_guard BEFORE UPDATE OR DELETE ON clause_ad_refs FOR EACH ROW EXECUTE FUNCTION clause_ad_refs_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE clause_ad_refs; DROP FUNCTION clause_ad_refs_guard;
      DROP TABLE clause_statuses; DROP FUNCTION clause_statuses_guard;
    `);
  }
}
