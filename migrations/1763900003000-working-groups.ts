import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Join requests, chair nominations and chair-removal motions. Like memberships and chair terms,
 * they are history: never deleted, and each moves forward through its states once.
 */
export class WorkingGroups1763900003000 implements MigrationInterface {
  name = 'WorkingGroups1763900003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE join_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_groups(id),
        person_id uuid NOT NULL REFERENCES people(id),
        kind text NOT NULL CHECK (kind IN ('member','observer')),
        statement text NOT NULL,
        snapshot jsonb NOT NULL,
        requested_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','admitted','refused')),
        decided_by uuid REFERENCES people(id),
        decider_snapshot jsonb,
        decided_at timestamptz,
        reason text,
        membership_id uuid REFERENCES memberships(id),
        CHECK ((status = 'pending') = (decided_at IS NULL)),
        CHECK (status <> 'admitted' OR membership_id IS NOT NULL),
        CHECK (status <> 'refused' OR reason IS NOT NULL)
      );
      CREATE UNIQUE INDEX join_requests_one_pending ON join_requests (working_group_id, person_id) WHERE status = 'pending';
      CREATE INDEX join_requests_group_idx ON join_requests (working_group_id, requested_at);

      CREATE FUNCTION join_requests_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'join requests are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.status <> 'pending' OR NEW.working_group_id <> OLD.working_group_id OR NEW.person_id <> OLD.person_id OR NEW.kind <> OLD.kind
           OR NEW.statement <> OLD.statement OR NEW.snapshot <> OLD.snapshot OR NEW.requested_at <> OLD.requested_at THEN
          RAISE EXCEPTION 'join requests are history: a pending request is decided once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER join_requests_guard BEFORE UPDATE OR DELETE ON join_requests FOR EACH ROW EXECUTE FUNCTION join_requests_guard();

      -- A nomination: nominated -> declined, or -> balloting -> confirmed | rejected | lapsed.
      CREATE TABLE chair_nominations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_groups(id),
        nominee_id uuid NOT NULL REFERENCES people(id),
        nominee_snapshot jsonb NOT NULL,
        nominated_by uuid NOT NULL REFERENCES people(id),
        nominator_snapshot jsonb NOT NULL,
        statement text,
        term_ends_on date,
        created_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'nominated' CHECK (status IN ('nominated','declined','balloting','confirmed','rejected','lapsed')),
        responded_at timestamptz,
        response_note text,
        ballot_id uuid,
        ballot_outcome text CHECK (ballot_outcome IN ('passed','failed','no-quorum')),
        ballot_closed_at timestamptz,
        ballot_totals jsonb,
        chair_term_id uuid REFERENCES chair_terms(id),
        closed_at timestamptz,
        closed_note text,
        CHECK (status = 'nominated' OR responded_at IS NOT NULL),
        CHECK (status NOT IN ('balloting','confirmed','rejected','lapsed') OR ballot_id IS NOT NULL),
        CHECK (status <> 'confirmed' OR chair_term_id IS NOT NULL)
      );
      CREATE UNIQUE INDEX chair_nominations_one_open ON chair_nominations (working_group_id, nominee_id) WHERE status IN ('nominated','balloting');
      CREATE UNIQUE INDEX chair_nominations_ballot_key ON chair_nominations (ballot_id) WHERE ballot_id IS NOT NULL;
      CREATE INDEX chair_nominations_group_idx ON chair_nominations (working_group_id, created_at);

      CREATE FUNCTION chair_nominations_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
      CREATE TRIGGER chair_nominations_guard BEFORE UPDATE OR DELETE ON chair_nominations FOR EACH ROW EXECUTE FUNCTION chair_nominations_guard();

      -- A motion to remove a chair, decided by a chair-removal ballot: balloting -> carried | failed | moot.
      CREATE TABLE chair_removal_motions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_groups(id),
        chair_term_id uuid NOT NULL REFERENCES chair_terms(id),
        proposed_by uuid NOT NULL REFERENCES people(id),
        proposer_snapshot jsonb NOT NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL,
        ballot_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'balloting' CHECK (status IN ('balloting','carried','failed','moot')),
        ballot_outcome text CHECK (ballot_outcome IN ('passed','failed','no-quorum')),
        closed_at timestamptz,
        CHECK ((status = 'balloting') = (closed_at IS NULL))
      );
      CREATE UNIQUE INDEX chair_removal_motions_one_open ON chair_removal_motions (chair_term_id) WHERE status = 'balloting';
      CREATE UNIQUE INDEX chair_removal_motions_ballot_key ON chair_removal_motions (ballot_id);

      CREATE FUNCTION chair_removal_motions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'chair-removal motions are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.status <> 'balloting' OR NEW.id <> OLD.id OR NEW.chair_term_id <> OLD.chair_term_id OR NEW.proposed_by <> OLD.proposed_by
           OR NEW.reason <> OLD.reason OR NEW.ballot_id <> OLD.ballot_id OR NEW.created_at <> OLD.created_at THEN
          RAISE EXCEPTION 'chair-removal motions are history: a motion is closed once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER chair_removal_motions_guard BEFORE UPDATE OR DELETE ON chair_removal_motions FOR EACH ROW EXECUTE FUNCTION chair_removal_motions_guard();

      -- Why a term ended, in words (a resignation's note, a removal motion's reason).
      -- chair_terms_guard lets an open term be ended once; this column is set in that same update.
      ALTER TABLE chair_terms ADD COLUMN end_note text;
      CREATE OR REPLACE FUNCTION chair_terms_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'chair terms are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.ended_at IS NOT NULL OR NEW.id <> OLD.id OR NEW.working_group_id <> OLD.working_group_id OR NEW.person_id <> OLD.person_id
           OR NEW.snapshot <> OLD.snapshot OR NEW.confirming_ballot_id IS DISTINCT FROM OLD.confirming_ballot_id
           OR NEW.nomination_id IS DISTINCT FROM OLD.nomination_id OR NEW.started_at <> OLD.started_at OR NEW.ends_at IS DISTINCT FROM OLD.ends_at
           OR (NEW.ended_at IS NULL AND NEW.end_note IS NOT NULL) THEN
          RAISE EXCEPTION 'chair terms are never edited: a current term can only be ended, once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE INDEX chair_terms_snapshot_org_idx ON chair_terms ((snapshot->>'organisationId'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX chair_terms_snapshot_org_idx;
      CREATE OR REPLACE FUNCTION chair_terms_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'chair terms are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.ended_at IS NOT NULL OR NEW.id <> OLD.id OR NEW.working_group_id <> OLD.working_group_id OR NEW.person_id <> OLD.person_id
           OR NEW.snapshot <> OLD.snapshot OR NEW.confirming_ballot_id IS DISTINCT FROM OLD.confirming_ballot_id
           OR NEW.nomination_id IS DISTINCT FROM OLD.nomination_id OR NEW.started_at <> OLD.started_at OR NEW.ends_at IS DISTINCT FROM OLD.ends_at THEN
          RAISE EXCEPTION 'chair terms are never edited: a current term can only be ended, once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      ALTER TABLE chair_terms DROP COLUMN end_note;
      DROP TABLE chair_removal_motions; DROP FUNCTION chair_removal_motions_guard;
      DROP TABLE chair_nominations; DROP FUNCTION chair_nominations_guard;
      DROP TABLE join_requests; DROP FUNCTION join_requests_guard;
    `);
  }
}
