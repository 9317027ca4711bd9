import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Division of the question, order of voting and last call (issue #19, decision record 0038).
 * - `division_requests`: a voting member asks for a separate ballot on clauses of a version, with a
 *   reason; the chair puts it to a ballot (`balloting`, `ballot_id`) or declines it with a reason; the
 *   ballot's close sets `retained` or `deleted` (once); a deletion is applied by the next
 *   consolidation (`consolidated_in_version`, set once). Never deleted.
 * - Ballots gain the subject type `division`; groups created before get its default rule.
 * - `voting_orders`: each order of voting a chair set on a clause's competing amendments, with a
 *   reason, append-only; the latest per clause is the one in force.
 * - `last_calls`: one last call per version, its window fixed when opened; never changed.
 */
export class DivisionOrderLastCall1796700000300 implements MigrationInterface {
  name = 'DivisionOrderLastCall1796700000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE ballots DROP CONSTRAINT ballots_subject_type_check;
      ALTER TABLE ballots ADD CONSTRAINT ballots_subject_type_check CHECK (subject_type IN ('amendment','adoption','chair-confirmation','chair-removal','motion','recommendations','division'));
      UPDATE working_groups SET decision_rules = decision_rules || '{"division":"majority"}'::jsonb WHERE NOT (decision_rules ? 'division');

      CREATE TABLE division_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        version_id uuid NOT NULL REFERENCES document_versions(id),
        version_number int NOT NULL CHECK (version_number >= 1),
        clause_ids uuid[] NOT NULL CHECK (cardinality(clause_ids) BETWEEN 1 AND 50),
        reason text NOT NULL CHECK (btrim(reason) <> ''),
        requested_by uuid NOT NULL REFERENCES people(id),
        requested_snapshot jsonb NOT NULL,
        requested_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','balloting','declined','retained','deleted')),
        decided_by uuid REFERENCES people(id),
        decided_snapshot jsonb,
        decided_at timestamptz,
        decline_reason text CHECK (decline_reason IS NULL OR btrim(decline_reason) <> ''),
        ballot_id uuid UNIQUE REFERENCES ballots(id),
        closed_at timestamptz,
        consolidated_in_version int,
        CHECK ((status = 'pending') = (decided_by IS NULL) AND (decided_by IS NULL) = (decided_at IS NULL) AND (decided_by IS NULL) = (decided_snapshot IS NULL)),
        CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),
        CHECK ((status IN ('balloting','retained','deleted')) = (ballot_id IS NOT NULL)),
        CHECK ((status IN ('retained','deleted')) = (closed_at IS NOT NULL)),
        CHECK (consolidated_in_version IS NULL OR status = 'deleted')
      );
      CREATE INDEX division_requests_document_idx ON division_requests (document_id, requested_at);

      CREATE FUNCTION division_requests_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'division requests are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF NEW.id <> OLD.id OR NEW.document_id <> OLD.document_id OR NEW.version_id <> OLD.version_id OR NEW.clause_ids <> OLD.clause_ids
           OR NEW.reason <> OLD.reason OR NEW.requested_by <> OLD.requested_by OR NEW.requested_snapshot <> OLD.requested_snapshot OR NEW.requested_at <> OLD.requested_at
           OR (OLD.decided_by IS NOT NULL AND (NEW.decided_by IS DISTINCT FROM OLD.decided_by OR NEW.decided_at IS DISTINCT FROM OLD.decided_at))
           OR (OLD.ballot_id IS NOT NULL AND NEW.ballot_id IS DISTINCT FROM OLD.ballot_id)
           OR (OLD.consolidated_in_version IS NOT NULL AND NEW.consolidated_in_version IS DISTINCT FROM OLD.consolidated_in_version) THEN
          RAISE EXCEPTION 'a division request only moves forward' USING ERRCODE = 'P0001';
        END IF;
        IF NEW.status <> OLD.status AND NOT ((OLD.status = 'pending' AND NEW.status IN ('balloting','declined')) OR (OLD.status = 'balloting' AND NEW.status IN ('retained','deleted'))) THEN
          RAISE EXCEPTION 'a division request cannot go from % to %', OLD.status, NEW.status USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER division_requests_guard BEFORE UPDATE OR DELETE ON division_requests FOR EACH ROW EXECUTE FUNCTION division_requests_guard();

      CREATE TABLE voting_orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        clause_id uuid NOT NULL,
        amendment_ids uuid[] NOT NULL CHECK (cardinality(amendment_ids) >= 2),
        reason text NOT NULL CHECK (btrim(reason) <> ''),
        set_by uuid NOT NULL REFERENCES people(id),
        set_snapshot jsonb NOT NULL,
        set_at timestamptz NOT NULL
      );
      CREATE INDEX voting_orders_latest_idx ON voting_orders (document_id, clause_id, set_at DESC, id DESC);

      CREATE TABLE last_calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        version_id uuid NOT NULL REFERENCES document_versions(id),
        version_number int NOT NULL CHECK (version_number >= 1),
        days int NOT NULL CHECK (days BETWEEN 1 AND 60),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        note text CHECK (note IS NULL OR btrim(note) <> ''),
        opened_by uuid NOT NULL REFERENCES people(id),
        opened_snapshot jsonb NOT NULL,
        UNIQUE (document_id, version_number),
        CHECK (closes_at = opens_at + make_interval(days => days))
      );

      CREATE FUNCTION procedures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are never changed or deleted', TG_TABLE_NAME USING ERRCODE = 'P0001';
      END $$;
      CREATE TRIGGER voting_orders_guard BEFORE UPDATE OR DELETE ON voting_orders FOR EACH ROW EXECUTE FUNCTION procedures_append_only();
      CREATE TRIGGER last_calls_guard BEFORE UPDATE OR DELETE ON last_calls FOR EACH ROW EXECUTE FUNCTION procedures_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE last_calls; DROP TABLE voting_orders; DROP FUNCTION procedures_append_only;
      DROP TABLE division_requests; DROP FUNCTION division_requests_guard;
      ALTER TABLE ballots DROP CONSTRAINT ballots_subject_type_check;
      ALTER TABLE ballots ADD CONSTRAINT ballots_subject_type_check CHECK (subject_type IN ('amendment','adoption','chair-confirmation','chair-removal','motion','recommendations'));
    `);
  }
}
