import { MigrationInterface, QueryRunner } from 'typeorm';

/** People, sessions, organisations, affiliations, declarations, and the append-only audit log. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email text NOT NULL CHECK (email = lower(email)),
        password_hash text NOT NULL,
        is_steward boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX people_email_key ON people (email);

      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people(id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE INDEX sessions_person_idx ON sessions (person_id);

      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        stakeholder_group text NOT NULL CHECK (stakeholder_group IN ('government','private-sector','civil-society')),
        subtype text NOT NULL CHECK (
          (stakeholder_group = 'government' AND subtype IN ('national','local','intergovernmental')) OR
          (stakeholder_group = 'private-sector' AND subtype IN ('company','business-association')) OR
          (stakeholder_group = 'civil-society' AND subtype IN ('ngo','academia','technical-community','individual'))),
        country char(2) CHECK (country ~ '^[A-Z]{2}$'),
        website text,
        lobbying_register_id text,
        verified_at timestamptz,
        verified_by uuid REFERENCES people(id),
        created_by uuid REFERENCES people(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name));
      CREATE INDEX organisations_group_idx ON organisations (stakeholder_group, subtype);

      CREATE TABLE affiliations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        title text NOT NULL,
        start_date date NOT NULL,
        end_date date,
        is_primary boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date IS NULL OR end_date > start_date)
      );
      CREATE INDEX affiliations_person_idx ON affiliations (person_id);
      CREATE UNIQUE INDEX affiliations_one_primary ON affiliations (person_id) WHERE is_primary;

      -- Affiliations are history: only the end date (once) and the primary flag may change; no deletes.
      CREATE FUNCTION affiliations_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'affiliations are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF NEW.person_id <> OLD.person_id OR NEW.organisation_id <> OLD.organisation_id OR NEW.title <> OLD.title
           OR NEW.start_date <> OLD.start_date OR NEW.created_at <> OLD.created_at
           OR (OLD.end_date IS NOT NULL AND NEW.end_date IS DISTINCT FROM OLD.end_date) THEN
          RAISE EXCEPTION 'affiliations are never rewritten: only an open affiliation can be ended' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER affiliations_guard BEFORE UPDATE OR DELETE ON affiliations FOR EACH ROW EXECUTE FUNCTION affiliations_guard();

      CREATE TABLE declarations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people(id),
        kind text NOT NULL CHECK (kind IN ('employment','board','equity','funding','consultancy','other')),
        organisation_id uuid REFERENCES organisations(id),
        organisation_name text NOT NULL,
        note text NOT NULL,
        since date,
        declared_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX declarations_person_idx ON declarations (person_id);

      -- The audit log: one hash chain per scope ('platform', 'wg:<id>').
      CREATE TABLE audit_events (
        scope text NOT NULL,
        sequence bigint NOT NULL CHECK (sequence > 0),
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        actor_name text,
        actor_snapshot jsonb,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        change jsonb NOT NULL,
        change_digest char(64) NOT NULL,
        previous_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        PRIMARY KEY (scope, sequence)
      );
      CREATE INDEX audit_events_actor_idx ON audit_events (actor_id);
      CREATE INDEX audit_events_subject_idx ON audit_events (subject_type, subject_id);
      CREATE INDEX audit_events_time_idx ON audit_events (occurred_at);

      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit log is append-only: % is refused', TG_OP USING ERRCODE = 'P0001';
      END $$;
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

      -- Each chain's head, updated under the chain's advisory lock: next sequence and previous hash without scanning.
      CREATE TABLE audit_chains (
        scope text PRIMARY KEY,
        last_sequence bigint NOT NULL,
        last_hash char(64) NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_chains; DROP TRIGGER audit_events_no_truncate ON audit_events; DROP TABLE audit_events;
      DROP FUNCTION audit_events_append_only; DROP TABLE declarations; DROP TABLE affiliations; DROP FUNCTION affiliations_guard;
      DROP TABLE organisations; DROP TABLE sessions; DROP TABLE people;
    `);
  }
}
