import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accreditation by non-objection (issue #19, decision record 0039).
 * - `working_groups.join_policy` takes `non-objection`.
 * - `join_request_circulations`: a request made under non-objection, and when its circulation ends
 *   (fixed at the request from the group's `nonObjectionHours`: a later change of the join policy or
 *   of the period does not change requests already pending).
 * - `join_request_objections`: signed, reasoned objections; never deleted, withdrawn at most once;
 *   one standing objection per member per request (a unique index).
 */
export class NonObjection1796700000400 implements MigrationInterface {
  name = 'NonObjection1796700000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE working_groups DROP CONSTRAINT working_groups_join_policy_check;
      ALTER TABLE working_groups ADD CONSTRAINT working_groups_join_policy_check CHECK (join_policy IN ('open','approval','non-objection'));

      CREATE TABLE join_request_circulations (
        join_request_id uuid PRIMARY KEY REFERENCES join_requests(id),
        working_group_id uuid NOT NULL REFERENCES working_groups(id),
        hours int NOT NULL CHECK (hours >= 1),
        ends_at timestamptz NOT NULL
      );
      CREATE INDEX join_request_circulations_group_idx ON join_request_circulations (working_group_id, ends_at);
      CREATE FUNCTION join_request_circulations_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a circulation is fixed when the request is made' USING ERRCODE = 'P0001';
      END $$;
      CREATE TRIGGER join_request_circulations_guard BEFORE UPDATE OR DELETE ON join_request_circulations FOR EACH ROW EXECUTE FUNCTION join_request_circulations_guard();

      CREATE TABLE join_request_objections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        join_request_id uuid NOT NULL REFERENCES join_request_circulations(join_request_id),
        person_id uuid NOT NULL REFERENCES people(id),
        snapshot jsonb NOT NULL,
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        raised_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        withdrawal_note text,
        CHECK (withdrawn_at IS NOT NULL OR withdrawal_note IS NULL)
      );
      CREATE UNIQUE INDEX join_request_objections_one_standing ON join_request_objections (join_request_id, person_id) WHERE withdrawn_at IS NULL;
      CREATE INDEX join_request_objections_request_idx ON join_request_objections (join_request_id, raised_at);
      CREATE FUNCTION join_request_objections_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'objections are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.withdrawn_at IS NOT NULL OR NEW.join_request_id <> OLD.join_request_id OR NEW.person_id <> OLD.person_id OR NEW.snapshot <> OLD.snapshot
           OR NEW.reason <> OLD.reason OR NEW.raised_at <> OLD.raised_at THEN
          RAISE EXCEPTION 'an objection is history: it is withdrawn at most once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER join_request_objections_guard BEFORE UPDATE OR DELETE ON join_request_objections FOR EACH ROW EXECUTE FUNCTION join_request_objections_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE join_request_objections; DROP FUNCTION join_request_objections_guard;
      DROP TABLE join_request_circulations; DROP FUNCTION join_request_circulations_guard;
      ALTER TABLE working_groups DROP CONSTRAINT working_groups_join_policy_check;
      ALTER TABLE working_groups ADD CONSTRAINT working_groups_join_policy_check CHECK (join_policy IN ('open','approval'));
    `);
  }
}
