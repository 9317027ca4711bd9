import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Affiliations are confirmed by the organisation, not just declared (docs/decisions/0017).
 * - `focal_points`: who speaks for an organisation's roster, appointed by a steward (the first) or by
 *   a focal point; an appointment ends once, never deleted.
 * - `affiliations.confirmation_status`: pending -> confirmed | refused, confirmed -> ended; who
 *   confirmed (never the person themself) and who refused or ended it, with the reason. Existing
 *   affiliations become `pending`: nobody vouched for them, so they are shown and counted as
 *   unconfirmed until a focal point (or a steward, with a reason) confirms them.
 * - `working_groups.requires_confirmed_affiliations` (default on, existing groups included): only
 *   confirmed affiliations are admitted as voting members.
 */
export class AffiliationConfirmation1796499025645 implements MigrationInterface {
  name = 'AffiliationConfirmation1796499025645';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE affiliations
        ADD COLUMN confirmation_status text NOT NULL DEFAULT 'pending' CHECK (confirmation_status IN ('pending','confirmed','refused','ended')),
        ADD COLUMN confirmed_by uuid REFERENCES people(id),
        ADD COLUMN confirmed_as text CHECK (confirmed_as IN ('focal-point','steward')),
        ADD COLUMN confirmed_at timestamptz,
        ADD COLUMN confirmation_reason text,
        ADD COLUMN confirmation_closed_by uuid REFERENCES people(id),
        ADD COLUMN confirmation_closed_as text CHECK (confirmation_closed_as IN ('focal-point','steward')),
        ADD COLUMN confirmation_closed_at timestamptz,
        ADD COLUMN confirmation_closed_reason text,
        ADD CONSTRAINT affiliations_not_self_confirmed CHECK (confirmed_by <> person_id AND confirmation_closed_by <> person_id),
        ADD CONSTRAINT affiliations_confirmation_shape CHECK (
          (confirmed_by IS NULL) = (confirmed_at IS NULL) AND (confirmed_by IS NULL) = (confirmed_as IS NULL)
          AND (confirmation_closed_by IS NULL) = (confirmation_closed_at IS NULL) AND (confirmation_closed_by IS NULL) = (confirmation_closed_as IS NULL)
          AND (confirmation_closed_by IS NULL) = (confirmation_closed_reason IS NULL)
          AND CASE confirmation_status
            WHEN 'pending' THEN confirmed_by IS NULL AND confirmation_closed_by IS NULL
            WHEN 'confirmed' THEN confirmed_by IS NOT NULL AND confirmation_closed_by IS NULL
            WHEN 'refused' THEN confirmed_by IS NULL AND confirmation_closed_by IS NOT NULL
            ELSE confirmed_by IS NOT NULL AND confirmation_closed_by IS NOT NULL
          END);
      CREATE INDEX affiliations_pending_idx ON affiliations (organisation_id, created_at) WHERE confirmation_status = 'pending';

      -- History, as before, plus: a confirmation moves forward only (pending -> confirmed | refused,
      -- confirmed -> ended), and who confirmed or closed it is written once.
      CREATE OR REPLACE FUNCTION affiliations_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'affiliations are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF NEW.person_id <> OLD.person_id OR NEW.organisation_id <> OLD.organisation_id OR NEW.title <> OLD.title
           OR NEW.start_date <> OLD.start_date OR NEW.created_at <> OLD.created_at
           OR (OLD.end_date IS NOT NULL AND NEW.end_date IS DISTINCT FROM OLD.end_date) THEN
          RAISE EXCEPTION 'affiliations are never rewritten: only an open affiliation can be ended' USING ERRCODE = 'P0001';
        END IF;
        IF NEW.confirmation_status <> OLD.confirmation_status AND NOT (
             (OLD.confirmation_status = 'pending' AND NEW.confirmation_status IN ('confirmed','refused'))
          OR (OLD.confirmation_status = 'confirmed' AND NEW.confirmation_status = 'ended')) THEN
          RAISE EXCEPTION 'an affiliation''s confirmation moves forward only' USING ERRCODE = 'P0001';
        END IF;
        IF (OLD.confirmed_by IS NOT NULL AND (NEW.confirmed_by, NEW.confirmed_as, NEW.confirmed_at, NEW.confirmation_reason) IS DISTINCT FROM (OLD.confirmed_by, OLD.confirmed_as, OLD.confirmed_at, OLD.confirmation_reason))
           OR (OLD.confirmation_closed_by IS NOT NULL AND (NEW.confirmation_closed_by, NEW.confirmation_closed_as, NEW.confirmation_closed_at, NEW.confirmation_closed_reason) IS DISTINCT FROM (OLD.confirmation_closed_by, OLD.confirmation_closed_as, OLD.confirmation_closed_at, OLD.confirmation_closed_reason)) THEN
          RAISE EXCEPTION 'who confirmed, refused or ended an affiliation is never rewritten' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;

      CREATE TABLE focal_points (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        person_id uuid NOT NULL REFERENCES people(id),
        appointed_by uuid NOT NULL REFERENCES people(id),
        appointed_as text NOT NULL CHECK (appointed_as IN ('focal-point','steward')),
        appointed_at timestamptz NOT NULL,
        appointment_reason text,
        ended_at timestamptz,
        ended_by uuid REFERENCES people(id),
        ended_as text CHECK (ended_as IN ('focal-point','steward')),
        end_reason text,
        CHECK (appointed_by <> person_id),
        CHECK ((ended_at IS NULL) = (ended_by IS NULL) AND (ended_at IS NULL) = (ended_as IS NULL))
      );
      CREATE UNIQUE INDEX focal_points_one_current ON focal_points (organisation_id, person_id) WHERE ended_at IS NULL;
      CREATE INDEX focal_points_person_idx ON focal_points (person_id) WHERE ended_at IS NULL;

      CREATE FUNCTION focal_points_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'focal-point appointments are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.ended_at IS NOT NULL
           OR (NEW.organisation_id, NEW.person_id, NEW.appointed_by, NEW.appointed_as, NEW.appointed_at, NEW.appointment_reason)
              IS DISTINCT FROM (OLD.organisation_id, OLD.person_id, OLD.appointed_by, OLD.appointed_as, OLD.appointed_at, OLD.appointment_reason) THEN
          RAISE EXCEPTION 'a focal-point appointment is never rewritten: it ends, once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER focal_points_guard BEFORE UPDATE OR DELETE ON focal_points FOR EACH ROW EXECUTE FUNCTION focal_points_guard();

      ALTER TABLE working_groups ADD COLUMN requires_confirmed_affiliations boolean NOT NULL DEFAULT true;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE working_groups DROP COLUMN requires_confirmed_affiliations;
      DROP TRIGGER focal_points_guard ON focal_points;
      DROP FUNCTION focal_points_guard;
      DROP TABLE focal_points;
      CREATE OR REPLACE FUNCTION affiliations_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'affiliations are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF NEW.person_id <> OLD.person_id OR NEW.organisation_id <> OLD.organisation_id OR NEW.title <> OLD.title
           OR NEW.start_date <> OLD.start_date OR NEW.created_at <> OLD.created_at
           OR (OLD.end_date IS NOT NULL AND NEW.end_date IS DISTINCT FROM OLD.end_date) THEN
          RAISE EXCEPTION 'affiliations are never rewritten: only an open affiliation can be ended' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      DROP INDEX affiliations_pending_idx;
      ALTER TABLE affiliations DROP CONSTRAINT affiliations_confirmation_shape, DROP CONSTRAINT affiliations_not_self_confirmed,
        DROP COLUMN confirmation_status, DROP COLUMN confirmed_by, DROP COLUMN confirmed_as, DROP COLUMN confirmed_at, DROP COLUMN confirmation_reason,
        DROP COLUMN confirmation_closed_by, DROP COLUMN confirmation_closed_as, DROP COLUMN confirmation_closed_at, DROP COLUMN confirmation_closed_reason;
    `);
  }
}
