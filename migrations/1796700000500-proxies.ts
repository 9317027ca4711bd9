import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Proxy votes with a public trail (issue #19, decision record 0040):
 * - `proxies`: a voting member (grantor) gives their vote in a working group to another voting member
 *   (holder), for one ballot or for a period of days. Names and affiliations are kept as they were when
 *   given. A proxy is never deleted and only ends, once: revoked by its grantor, or ended when either
 *   person leaves, is removed or stops voting in the group.
 * - `votes.cast_by` / `cast_by_snapshot` / `proxy_id`: a vote written by a holder for its grantor (the
 *   row stays the grantor's, counted under the grantor's frozen affiliation); null on a vote cast by the voter.
 */
export class Proxies1796700000500 implements MigrationInterface {
  name = 'Proxies1796700000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE proxies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_groups(id),
        grantor_id uuid NOT NULL REFERENCES people(id),
        grantor_name text NOT NULL,
        grantor_snapshot jsonb NOT NULL,
        holder_id uuid NOT NULL REFERENCES people(id),
        holder_name text NOT NULL,
        holder_snapshot jsonb NOT NULL,
        scope text NOT NULL CHECK (scope IN ('ballot','period')),
        ballot_id uuid REFERENCES ballots(id),
        from_day date,
        to_day date,
        given_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason text CHECK (end_reason IN ('revoked','grantor-left','holder-left','grantor-removed','holder-removed','grantor-not-voting','holder-not-voting','grantor-affiliation-ended','holder-affiliation-ended')),
        ended_by uuid REFERENCES people(id),
        CHECK (grantor_id <> holder_id),
        CHECK ((scope = 'ballot') = (ballot_id IS NOT NULL)),
        CHECK ((scope = 'period') = (from_day IS NOT NULL AND to_day IS NOT NULL)),
        CHECK (from_day IS NULL OR from_day <= to_day),
        CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
        CHECK (ended_by IS NULL OR ended_at IS NOT NULL)
      );
      CREATE INDEX proxies_group_idx ON proxies (working_group_id, given_at DESC, id DESC);
      CREATE INDEX proxies_holder_live_idx ON proxies (working_group_id, holder_id) WHERE ended_at IS NULL;
      CREATE INDEX proxies_grantor_live_idx ON proxies (working_group_id, grantor_id) WHERE ended_at IS NULL;

      CREATE FUNCTION proxies_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'proxies are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.ended_at IS NOT NULL OR NEW.ended_at IS NULL OR NEW.id <> OLD.id OR NEW.working_group_id <> OLD.working_group_id
           OR NEW.grantor_id <> OLD.grantor_id OR NEW.holder_id <> OLD.holder_id OR NEW.scope <> OLD.scope
           OR NEW.ballot_id IS DISTINCT FROM OLD.ballot_id OR NEW.from_day IS DISTINCT FROM OLD.from_day OR NEW.to_day IS DISTINCT FROM OLD.to_day
           OR NEW.given_at <> OLD.given_at OR NEW.grantor_snapshot <> OLD.grantor_snapshot OR NEW.holder_snapshot <> OLD.holder_snapshot THEN
          RAISE EXCEPTION 'a proxy only ends, once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER proxies_guard BEFORE UPDATE OR DELETE ON proxies FOR EACH ROW EXECUTE FUNCTION proxies_guard();

      ALTER TABLE votes
        ADD COLUMN cast_by uuid REFERENCES people(id),
        ADD COLUMN cast_by_snapshot jsonb,
        ADD COLUMN proxy_id uuid REFERENCES proxies(id),
        ADD CONSTRAINT votes_cast_by_proxy CHECK ((cast_by IS NULL) = (proxy_id IS NULL)),
        ADD CONSTRAINT votes_cast_by_other CHECK (cast_by IS NULL OR cast_by <> voter_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE votes DROP CONSTRAINT votes_cast_by_other, DROP CONSTRAINT votes_cast_by_proxy, DROP COLUMN proxy_id, DROP COLUMN cast_by_snapshot, DROP COLUMN cast_by;
      DROP TABLE proxies; DROP FUNCTION proxies_guard;
    `);
  }
}
