import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Silence procedure (issue #19, decision 0036):
 * - `silence_procedures`: a chair puts the current version of a document under silence until a
 *   deadline, past the adoption warnings it records; it ends once: `passed` (the scheduler adopts the
 *   version at the deadline), `broken` (an objection), or `withdrawn` (by a chair, with a reason).
 *   At most one under way per document.
 * - `silence_objections`: the objection that broke silence, signed (person, affiliation snapshot) and
 *   reasoned. Exactly one per procedure (the first breaks it), never edited.
 * - `document_versions.adoption_silence_id`: a version is adopted by a ballot or by a silence
 *   procedure: `adopted_at` is set exactly when one of the two is. Older rows are unchanged.
 */
export class SilenceProcedures1796700000100 implements MigrationInterface {
  name = 'SilenceProcedures1796700000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE silence_procedures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        working_group_id uuid NOT NULL REFERENCES working_groups(id),
        version_id uuid NOT NULL REFERENCES document_versions(id),
        version_number int NOT NULL CHECK (version_number >= 1),
        started_by uuid NOT NULL REFERENCES people(id),
        started_snapshot jsonb NOT NULL,
        started_at timestamptz NOT NULL,
        deadline timestamptz NOT NULL,
        warnings jsonb,
        state text NOT NULL DEFAULT 'under-way' CHECK (state IN ('under-way','passed','broken','withdrawn')),
        ended_at timestamptz,
        withdrawn_by uuid REFERENCES people(id),
        withdrawn_snapshot jsonb,
        withdrawal_reason text CHECK (withdrawal_reason IS NULL OR btrim(withdrawal_reason) <> ''),
        CHECK (deadline > started_at),
        CHECK ((state = 'under-way') = (ended_at IS NULL)),
        CHECK ((state = 'withdrawn') = (withdrawn_by IS NOT NULL)),
        CHECK ((withdrawn_by IS NULL) = (withdrawn_snapshot IS NULL) AND (withdrawn_by IS NULL) = (withdrawal_reason IS NULL))
      );
      -- one procedure under way per document; the scheduler's due procedures; a document's and a group's procedures
      CREATE UNIQUE INDEX silence_procedures_one_under_way ON silence_procedures (document_id) WHERE state = 'under-way';
      CREATE INDEX silence_procedures_due_idx ON silence_procedures (deadline) WHERE state = 'under-way';
      CREATE INDEX silence_procedures_document_idx ON silence_procedures (document_id, started_at DESC);
      CREATE INDEX silence_procedures_group_idx ON silence_procedures (working_group_id, started_at DESC);

      CREATE FUNCTION silence_procedures_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'silence procedures are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.state <> 'under-way' OR NEW.id <> OLD.id OR NEW.document_id <> OLD.document_id OR NEW.working_group_id <> OLD.working_group_id
           OR NEW.version_id <> OLD.version_id OR NEW.version_number <> OLD.version_number OR NEW.started_by <> OLD.started_by
           OR NEW.started_snapshot <> OLD.started_snapshot OR NEW.started_at <> OLD.started_at OR NEW.deadline <> OLD.deadline
           OR NEW.warnings IS DISTINCT FROM OLD.warnings THEN
          RAISE EXCEPTION 'a silence procedure only ends, once (passed, broken or withdrawn)' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER silence_procedures_guard BEFORE UPDATE OR DELETE ON silence_procedures FOR EACH ROW EXECUTE FUNCTION silence_procedures_guard();

      CREATE TABLE silence_objections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        silence_id uuid NOT NULL UNIQUE REFERENCES silence_procedures(id),
        person_id uuid NOT NULL REFERENCES people(id),
        snapshot jsonb NOT NULL,
        reason text NOT NULL CHECK (btrim(reason) <> ''),
        at timestamptz NOT NULL
      );
      CREATE FUNCTION silence_objections_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'an objection is never edited or deleted' USING ERRCODE = 'P0001';
      END $$;
      CREATE TRIGGER silence_objections_guard BEFORE UPDATE OR DELETE ON silence_objections FOR EACH ROW EXECUTE FUNCTION silence_objections_guard();

      ALTER TABLE document_versions ADD COLUMN adoption_silence_id uuid REFERENCES silence_procedures(id);
      DO $$
      DECLARE c text;
      BEGIN
        FOR c IN SELECT conname FROM pg_constraint WHERE conrelid = 'document_versions'::regclass AND contype = 'c'
                   AND pg_get_constraintdef(oid) LIKE '%adoption_ballot_id%' LOOP
          EXECUTE format('ALTER TABLE document_versions DROP CONSTRAINT %I', c);
        END LOOP;
      END $$;
      ALTER TABLE document_versions ADD CONSTRAINT document_versions_adopted_by_one CHECK (
        (adopted_at IS NULL) = (adoption_ballot_id IS NULL AND adoption_silence_id IS NULL)
        AND (adoption_ballot_id IS NULL OR adoption_silence_id IS NULL));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE document_versions DROP CONSTRAINT document_versions_adopted_by_one;
      ALTER TABLE document_versions DROP COLUMN adoption_silence_id;
      ALTER TABLE document_versions ADD CHECK ((adopted_at IS NULL) = (adoption_ballot_id IS NULL));
      DROP TABLE silence_objections; DROP FUNCTION silence_objections_guard;
      DROP TABLE silence_procedures; DROP FUNCTION silence_procedures_guard;
    `);
  }
}
