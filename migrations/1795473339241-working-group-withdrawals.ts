import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Withdrawals: a person withdraws their own pending join request, and a nominee or their nominator
 * withdraws a nomination the nominee has not answered yet. Both stay on the record: a join request
 * moves pending -> withdrawn once (decided_by is the person themself, reason their optional note);
 * a nomination moves nominated -> withdrawn once, saying who withdrew it.
 */
export class WorkingGroupWithdrawals1795473339241 implements MigrationInterface {
  name = 'WorkingGroupWithdrawals1795473339241';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE join_requests DROP CONSTRAINT join_requests_status_check;
      ALTER TABLE join_requests ADD CONSTRAINT join_requests_status_check CHECK (status IN ('pending','admitted','refused','withdrawn'));
      ALTER TABLE join_requests ADD CONSTRAINT join_requests_withdrawn_by_requester CHECK (status <> 'withdrawn' OR decided_by = person_id);

      ALTER TABLE chair_nominations ADD COLUMN withdrawn_by uuid REFERENCES people(id);
      ALTER TABLE chair_nominations DROP CONSTRAINT chair_nominations_status_check;
      ALTER TABLE chair_nominations ADD CONSTRAINT chair_nominations_status_check
        CHECK (status IN ('nominated','declined','balloting','confirmed','rejected','lapsed','withdrawn'));
      ALTER TABLE chair_nominations ADD CONSTRAINT chair_nominations_withdrawn_by
        CHECK ((status = 'withdrawn') = (withdrawn_by IS NOT NULL) AND (withdrawn_by IS NULL OR withdrawn_by IN (nominee_id, nominated_by)));

      CREATE OR REPLACE FUNCTION chair_nominations_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'chair nominations are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF NEW.id <> OLD.id OR NEW.working_group_id <> OLD.working_group_id OR NEW.nominee_id <> OLD.nominee_id
           OR NEW.nominee_snapshot <> OLD.nominee_snapshot OR NEW.nominated_by <> OLD.nominated_by OR NEW.nominator_snapshot <> OLD.nominator_snapshot
           OR NEW.statement IS DISTINCT FROM OLD.statement OR NEW.term_ends_on IS DISTINCT FROM OLD.term_ends_on OR NEW.created_at <> OLD.created_at
           OR NOT ((OLD.status = 'nominated' AND NEW.status IN ('declined','balloting','withdrawn'))
                   OR (OLD.status = 'balloting' AND NEW.status IN ('confirmed','rejected','lapsed')))
           OR (OLD.ballot_id IS NOT NULL AND NEW.ballot_id IS DISTINCT FROM OLD.ballot_id)
           OR (OLD.withdrawn_by IS NOT NULL AND NEW.withdrawn_by IS DISTINCT FROM OLD.withdrawn_by) THEN
          RAISE EXCEPTION 'chair nominations are history: each step happens once, forward only' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION chair_nominations_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'chair nominations are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF NEW.id <> OLD.id OR NEW.working_group_id <> OLD.working_group_id OR NEW.nominee_id <> OLD.nominee_id
           OR NEW.nominee_snapshot <> OLD.nominee_snapshot OR NEW.nominated_by <> OLD.nominated_by OR NEW.nominator_snapshot <> OLD.nominator_snapshot
           OR NEW.statement IS DISTINCT FROM OLD.statement OR NEW.term_ends_on IS DISTINCT FROM OLD.term_ends_on OR NEW.created_at <> OLD.created_at
           OR NOT ((OLD.status = 'nominated' AND NEW.status IN ('declined','balloting'))
                   OR (OLD.status = 'balloting' AND NEW.status IN ('confirmed','rejected','lapsed')))
           OR (OLD.ballot_id IS NOT NULL AND NEW.ballot_id IS DISTINCT FROM OLD.ballot_id) THEN
          RAISE EXCEPTION 'chair nominations are history: each step happens once, forward only' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      ALTER TABLE chair_nominations DROP CONSTRAINT chair_nominations_withdrawn_by;
      ALTER TABLE chair_nominations DROP CONSTRAINT chair_nominations_status_check;
      ALTER TABLE chair_nominations ADD CONSTRAINT chair_nominations_status_check
        CHECK (status IN ('nominated','declined','balloting','confirmed','rejected','lapsed'));
      ALTER TABLE chair_nominations DROP COLUMN withdrawn_by;
      ALTER TABLE join_requests DROP CONSTRAINT join_requests_withdrawn_by_requester;
      ALTER TABLE join_requests DROP CONSTRAINT join_requests_status_check;
      ALTER TABLE join_requests ADD CONSTRAINT join_requests_status_check CHECK (status IN ('pending','admitted','refused'));
    `);
  }
}
