import { MigrationInterface, QueryRunner } from 'typeorm';

/** Working groups, memberships and chair terms: the tables other contexts read through WorkingGroupAccess. */
export class WorkingGroupsCore1763900001000 implements MigrationInterface {
  name = 'WorkingGroupsCore1763900001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE working_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        mandate text NOT NULL,
        status text NOT NULL DEFAULT 'forming' CHECK (status IN ('forming','active','closed')),
        join_policy text NOT NULL CHECK (join_policy IN ('open','approval')),
        -- decision rule per ballot kind, e.g. {"amendment":"majority","adoption":"chambered",...}
        decision_rules jsonb NOT NULL,
        quorum numeric(5,4) NOT NULL DEFAULT 0.5 CHECK (quorum >= 0 AND quorum <= 1),
        quorum_per_stakeholder_group boolean NOT NULL DEFAULT false,
        max_stakeholder_group_share numeric(5,4) NOT NULL DEFAULT 0.5 CHECK (max_stakeholder_group_share > 0 AND max_stakeholder_group_share <= 1),
        max_voting_members_per_organisation int NOT NULL DEFAULT 2 CHECK (max_voting_members_per_organisation >= 1),
        convener_id uuid NOT NULL REFERENCES people(id),
        convener_snapshot jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX working_groups_name_key ON working_groups (lower(name));

      -- A membership is never deleted: leaving or removal closes it (left_at), a new admission opens a new row.
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_groups(id),
        person_id uuid NOT NULL REFERENCES people(id),
        kind text NOT NULL CHECK (kind IN ('member','observer')),
        is_rapporteur boolean NOT NULL DEFAULT false,
        admission_snapshot jsonb NOT NULL,
        statement text,
        admitted_at timestamptz NOT NULL,
        admitted_by uuid REFERENCES people(id),
        left_at timestamptz,
        left_reason text,
        removed_by uuid REFERENCES people(id)
      );
      CREATE UNIQUE INDEX memberships_one_open ON memberships (working_group_id, person_id) WHERE left_at IS NULL;
      CREATE INDEX memberships_person_idx ON memberships (person_id);

      CREATE FUNCTION memberships_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'memberships are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF NEW.working_group_id <> OLD.working_group_id OR NEW.person_id <> OLD.person_id OR NEW.admission_snapshot <> OLD.admission_snapshot
           OR NEW.admitted_at <> OLD.admitted_at OR (OLD.left_at IS NOT NULL AND NEW.left_at IS DISTINCT FROM OLD.left_at) THEN
          RAISE EXCEPTION 'memberships are history: only roles can change, and an open membership can be closed once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER memberships_guard BEFORE UPDATE OR DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION memberships_guard();

      -- Who chaired what. A term is never edited or deleted; ending it sets ended_at and end_reason, once.
      -- confirming_ballot_id is null only for imported history (chairs nobody confirmed), which the alarms show.
      CREATE TABLE chair_terms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_groups(id),
        person_id uuid NOT NULL REFERENCES people(id),
        snapshot jsonb NOT NULL,
        confirming_ballot_id uuid,
        nomination_id uuid,
        started_at timestamptz NOT NULL,
        ends_at timestamptz,
        ended_at timestamptz,
        end_reason text CHECK (end_reason IN ('resigned','removed-by-ballot','term-ended','left-group')),
        CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
        CHECK (ends_at IS NULL OR ends_at > started_at)
      );
      CREATE INDEX chair_terms_group_idx ON chair_terms (working_group_id, started_at);
      CREATE INDEX chair_terms_person_idx ON chair_terms (person_id);
      CREATE UNIQUE INDEX chair_terms_one_open ON chair_terms (working_group_id, person_id) WHERE ended_at IS NULL;

      CREATE FUNCTION chair_terms_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'chair terms are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.ended_at IS NOT NULL OR NEW.id <> OLD.id OR NEW.working_group_id <> OLD.working_group_id OR NEW.person_id <> OLD.person_id
           OR NEW.snapshot <> OLD.snapshot OR NEW.confirming_ballot_id IS DISTINCT FROM OLD.confirming_ballot_id
           OR NEW.nomination_id IS DISTINCT FROM OLD.nomination_id OR NEW.started_at <> OLD.started_at OR NEW.ends_at IS DISTINCT FROM OLD.ends_at THEN
          RAISE EXCEPTION 'chair terms are never edited: a current term can only be ended, once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER chair_terms_guard BEFORE UPDATE OR DELETE ON chair_terms FOR EACH ROW EXECUTE FUNCTION chair_terms_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE chair_terms; DROP FUNCTION chair_terms_guard; DROP TABLE memberships; DROP FUNCTION memberships_guard; DROP TABLE working_groups;`);
  }
}
