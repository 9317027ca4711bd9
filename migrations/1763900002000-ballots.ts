import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ballots, their frozen electorates and the votes. The database guards what it can:
 * - one vote per voter per ballot (primary key), and only from the frozen electorate (foreign key);
 * - an electorate is never edited; a ballot's terms never change; a closed ballot and its votes are final;
 * - at most one open ballot per subject.
 */
export class Ballots1763900002000 implements MigrationInterface {
  name = 'Ballots1763900002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ballots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_groups(id),
        subject_type text NOT NULL CHECK (subject_type IN ('amendment','adoption','chair-confirmation','chair-removal','motion')),
        subject_id uuid,
        title text NOT NULL,
        description text,
        rule text NOT NULL CHECK (rule IN ('majority','supermajority','chambered','consensus')),
        counting_unit text NOT NULL CHECK (counting_unit IN ('person','organisation')),
        -- share (0..1) of the electorate that must take part; 0 means no quorum
        quorum numeric(5,4) NOT NULL CHECK (quorum >= 0 AND quorum <= 1),
        quorum_per_stakeholder_group boolean NOT NULL DEFAULT false,
        visibility text NOT NULL CHECK (visibility IN ('roll-call','secret')),
        tallies text NOT NULL CHECK (tallies IN ('live','hidden-until-close')),
        require_reason_for_no boolean NOT NULL DEFAULT false,
        warnings jsonb,
        opened_by uuid NOT NULL REFERENCES people(id),
        opened_by_snapshot jsonb,
        opened_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        electorate_size int NOT NULL CHECK (electorate_size >= 0),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
        closed_at timestamptz,
        -- null when the scheduler closed it at its closing time
        closed_by uuid REFERENCES people(id),
        result jsonb,
        outcome text CHECK (outcome IN ('passed','failed','no-quorum')),
        CHECK (closes_at > opened_at),
        CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
        CHECK ((status = 'closed') = (result IS NOT NULL)),
        CHECK ((status = 'closed') = (outcome IS NOT NULL))
      );
      CREATE INDEX ballots_group_idx ON ballots (working_group_id, opened_at DESC, id);
      CREATE INDEX ballots_due_idx ON ballots (closes_at) WHERE status = 'open';
      CREATE UNIQUE INDEX ballots_one_open_per_subject ON ballots (subject_type, subject_id) WHERE status = 'open' AND subject_id IS NOT NULL;

      CREATE FUNCTION ballots_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'ballots are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.status = 'closed' THEN RAISE EXCEPTION 'a closed ballot is final' USING ERRCODE = 'P0001'; END IF;
        IF NEW.id <> OLD.id OR NEW.working_group_id <> OLD.working_group_id OR NEW.subject_type <> OLD.subject_type
           OR NEW.subject_id IS DISTINCT FROM OLD.subject_id OR NEW.title <> OLD.title OR NEW.description IS DISTINCT FROM OLD.description
           OR NEW.rule <> OLD.rule OR NEW.counting_unit <> OLD.counting_unit OR NEW.quorum <> OLD.quorum
           OR NEW.quorum_per_stakeholder_group <> OLD.quorum_per_stakeholder_group OR NEW.visibility <> OLD.visibility
           OR NEW.tallies <> OLD.tallies OR NEW.require_reason_for_no <> OLD.require_reason_for_no
           OR NEW.warnings IS DISTINCT FROM OLD.warnings OR NEW.opened_by <> OLD.opened_by
           OR NEW.opened_by_snapshot IS DISTINCT FROM OLD.opened_by_snapshot OR NEW.opened_at <> OLD.opened_at
           OR NEW.closes_at <> OLD.closes_at OR NEW.electorate_size <> OLD.electorate_size THEN
          RAISE EXCEPTION 'a ballot''s terms never change: an open ballot can only be closed, once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER ballots_guard BEFORE UPDATE OR DELETE ON ballots FOR EACH ROW EXECUTE FUNCTION ballots_guard();

      -- The electorate, frozen when the ballot opened, each voter with the snapshot they vote under.
      -- stakeholder_group and organisation_id repeat the snapshot's, so running tallies aggregate in SQL.
      CREATE TABLE ballot_electors (
        ballot_id uuid NOT NULL REFERENCES ballots(id),
        person_id uuid NOT NULL REFERENCES people(id),
        name text NOT NULL,
        snapshot jsonb NOT NULL,
        stakeholder_group text NOT NULL CHECK (stakeholder_group IN ('government','private-sector','civil-society')),
        organisation_id uuid NOT NULL,
        PRIMARY KEY (ballot_id, person_id),
        CHECK (snapshot->>'stakeholderGroup' = stakeholder_group AND snapshot->>'organisationId' = organisation_id::text)
      );
      CREATE INDEX ballot_electors_roll_idx ON ballot_electors (ballot_id, name, person_id);

      CREATE FUNCTION ballot_electors_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'an electorate is frozen when its ballot opens' USING ERRCODE = 'P0001';
      END $$;
      CREATE TRIGGER ballot_electors_guard BEFORE UPDATE OR DELETE ON ballot_electors FOR EACH ROW EXECUTE FUNCTION ballot_electors_guard();

      -- One row per voter per ballot: the current vote. Every cast and change is also an audit event.
      -- salt: for secret ballots, the audit event records sha256(ballot|voter|choice|salt) instead of the choice.
      CREATE TABLE votes (
        ballot_id uuid NOT NULL,
        voter_id uuid NOT NULL,
        choice text NOT NULL CHECK (choice IN ('yes','no','abstain','recuse')),
        reason text,
        snapshot jsonb,
        salt text NOT NULL,
        cast_at timestamptz NOT NULL,
        changed_at timestamptz NOT NULL,
        changes int NOT NULL DEFAULT 0 CHECK (changes >= 0),
        PRIMARY KEY (ballot_id, voter_id),
        FOREIGN KEY (ballot_id, voter_id) REFERENCES ballot_electors (ballot_id, person_id),
        CHECK (choice <> 'recuse' OR coalesce(btrim(reason), '') <> '')
      );

      CREATE FUNCTION votes_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE s text;
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'votes are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF TG_OP = 'UPDATE' AND (NEW.ballot_id <> OLD.ballot_id OR NEW.voter_id <> OLD.voter_id OR NEW.cast_at <> OLD.cast_at) THEN
          RAISE EXCEPTION 'a vote can change its choice, never its ballot or voter' USING ERRCODE = 'P0001';
        END IF;
        SELECT status INTO s FROM ballots WHERE id = NEW.ballot_id;
        IF s <> 'open' THEN RAISE EXCEPTION 'the ballot is closed' USING ERRCODE = 'P0001'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER votes_guard BEFORE INSERT OR UPDATE OR DELETE ON votes FOR EACH ROW EXECUTE FUNCTION votes_guard();

      ALTER TABLE chair_terms ADD CONSTRAINT chair_terms_confirming_ballot_fkey FOREIGN KEY (confirming_ballot_id) REFERENCES ballots(id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE chair_terms DROP CONSTRAINT chair_terms_confirming_ballot_fkey;
      DROP TABLE votes; DROP FUNCTION votes_guard;
      DROP TABLE ballot_electors; DROP FUNCTION ballot_electors_guard;
      DROP TABLE ballots; DROP FUNCTION ballots_guard;
    `);
  }
}
