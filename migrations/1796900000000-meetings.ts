import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings (issue #21, decision 0043): a working group's sessions, their agenda, attendance, the
 * list of speakers and each turn at the floor, and the report drafted from the record.
 * - `meetings`: planned → open → closed, once each (the trigger refuses going back); the online link
 *   is kept here only (the audit records that there is one, not the address).
 * - `meeting_agenda_items`: ordered items, each optionally linked to a document (and version and
 *   clauses), an amendment, a ballot or a silence procedure of the same group (the service checks).
 * - `meeting_attendance`: one record per person and meeting, with the affiliation snapshot at check-in
 *   and whether they counted towards the quorum (a voting member then). Never edited.
 * - `meeting_floor_requests`: each request for the floor and the turn it became; at most one speaking
 *   per meeting and one waiting request per person, item and kind (the database settles races).
 *   A turn's seconds are written when it ends and never change.
 * - `meetings.report_document_id`: the report is a document of the group (drafted, edited as chair's
 *   texts, adopted by ballot or silence like any text); one per meeting.
 */
export class Meetings1796900000000 implements MigrationInterface {
  name = 'Meetings1796900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_groups(id),
        title text NOT NULL CHECK (btrim(title) <> ''),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        time_zone text NOT NULL CHECK (btrim(time_zone) <> ''),
        place text CHECK (place IS NULL OR btrim(place) <> ''),
        online_url text CHECK (online_url IS NULL OR online_url ~ '^https://'),
        turn_limit_seconds int CHECK (turn_limit_seconds IS NULL OR turn_limit_seconds BETWEEN 10 AND 3600),
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','open','closed')),
        current_item_id uuid,
        created_by uuid NOT NULL REFERENCES people(id),
        created_snapshot jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        opened_at timestamptz,
        opened_by uuid REFERENCES people(id),
        closed_at timestamptz,
        closed_by uuid REFERENCES people(id),
        report_document_id uuid UNIQUE REFERENCES documents(id),
        CHECK (ends_at > starts_at),
        CHECK (place IS NOT NULL OR online_url IS NOT NULL),
        CHECK ((status = 'planned') = (opened_at IS NULL) AND (opened_at IS NULL) = (opened_by IS NULL)),
        CHECK ((status = 'closed') = (closed_at IS NOT NULL) AND (closed_at IS NULL) = (closed_by IS NULL)),
        CHECK (report_document_id IS NULL OR status = 'closed')
      );
      CREATE INDEX meetings_group_idx ON meetings (working_group_id, starts_at);

      CREATE FUNCTION meetings_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'meetings are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF NEW.id <> OLD.id OR NEW.working_group_id <> OLD.working_group_id OR NEW.created_by <> OLD.created_by
           OR NEW.created_at <> OLD.created_at OR NEW.created_snapshot <> OLD.created_snapshot
           OR (OLD.status = 'open' AND NEW.status = 'planned') OR (OLD.status = 'closed' AND NEW.status <> 'closed')
           OR (OLD.report_document_id IS NOT NULL AND NEW.report_document_id IS DISTINCT FROM OLD.report_document_id) THEN
          RAISE EXCEPTION 'a meeting goes planned, open, closed, once each' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER meetings_guard BEFORE UPDATE OR DELETE ON meetings FOR EACH ROW EXECUTE FUNCTION meetings_guard();

      CREATE TABLE meeting_agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id),
        position int NOT NULL CHECK (position >= 1),
        title text NOT NULL CHECK (btrim(title) <> ''),
        notes text,
        document_id uuid REFERENCES documents(id),
        version_number int CHECK (version_number IS NULL OR version_number >= 1),
        clause_ids uuid[] NOT NULL DEFAULT '{}',
        amendment_id uuid REFERENCES amendments(id),
        ballot_id uuid REFERENCES ballots(id),
        silence_id uuid REFERENCES silence_procedures(id),
        CHECK (version_number IS NULL OR document_id IS NOT NULL),
        CHECK (cardinality(clause_ids) = 0 OR document_id IS NOT NULL),
        CONSTRAINT meeting_agenda_items_position UNIQUE (meeting_id, position) DEFERRABLE INITIALLY DEFERRED
      );
      ALTER TABLE meetings ADD CONSTRAINT meetings_current_item FOREIGN KEY (current_item_id) REFERENCES meeting_agenda_items(id);

      CREATE TABLE meeting_attendance (
        meeting_id uuid NOT NULL REFERENCES meetings(id),
        person_id uuid NOT NULL REFERENCES people(id),
        mode text NOT NULL CHECK (mode IN ('in-person','online')),
        snapshot jsonb NOT NULL,
        voting boolean NOT NULL,
        checked_in_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL REFERENCES people(id),
        PRIMARY KEY (meeting_id, person_id)
      );

      CREATE TABLE meeting_floor_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings(id),
        agenda_item_id uuid NOT NULL REFERENCES meeting_agenda_items(id),
        person_id uuid NOT NULL REFERENCES people(id),
        snapshot jsonb NOT NULL,
        kind text NOT NULL CHECK (kind IN ('speech','point-of-order')),
        state text NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting','speaking','done','withdrawn')),
        requested_at timestamptz NOT NULL,
        requested_by uuid NOT NULL REFERENCES people(id),
        given_at timestamptz,
        given_by uuid REFERENCES people(id),
        ended_at timestamptz,
        ended_by uuid REFERENCES people(id),
        seconds int CHECK (seconds IS NULL OR seconds >= 0),
        CHECK ((state IN ('speaking','done')) = (given_at IS NOT NULL) AND (given_at IS NULL) = (given_by IS NULL)),
        CHECK ((state IN ('done','withdrawn')) = (ended_at IS NOT NULL) AND (ended_at IS NULL) = (ended_by IS NULL)),
        CHECK ((state = 'done') = (seconds IS NOT NULL))
      );
      CREATE UNIQUE INDEX meeting_floor_one_speaking ON meeting_floor_requests (meeting_id) WHERE state = 'speaking';
      CREATE UNIQUE INDEX meeting_floor_one_waiting ON meeting_floor_requests (agenda_item_id, person_id, kind) WHERE state = 'waiting';
      CREATE INDEX meeting_floor_meeting_idx ON meeting_floor_requests (meeting_id, requested_at);

      CREATE FUNCTION meeting_floor_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'requests for the floor are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.state IN ('done','withdrawn') OR NEW.id <> OLD.id OR NEW.meeting_id <> OLD.meeting_id OR NEW.agenda_item_id <> OLD.agenda_item_id
           OR NEW.person_id <> OLD.person_id OR NEW.snapshot <> OLD.snapshot OR NEW.kind <> OLD.kind OR NEW.requested_at <> OLD.requested_at
           OR (OLD.state = 'speaking' AND NEW.state NOT IN ('speaking','done')) THEN
          RAISE EXCEPTION 'a request for the floor goes waiting, speaking, done (or withdrawn), once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER meeting_floor_guard BEFORE UPDATE OR DELETE ON meeting_floor_requests FOR EACH ROW EXECUTE FUNCTION meeting_floor_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE meeting_floor_requests; DROP FUNCTION meeting_floor_guard();
      DROP TABLE meeting_attendance;
      ALTER TABLE meetings DROP CONSTRAINT meetings_current_item;
      DROP TABLE meeting_agenda_items;
      DROP TABLE meetings; DROP FUNCTION meetings_guard();
    `);
  }
}
