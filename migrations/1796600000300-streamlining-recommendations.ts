import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Streamlining and the chair's recommendations (decision record 0034).
 * - Amendments gain the status `merged` (final), with `merged_into` naming the proposal they were merged
 *   into (set once, with that status); `proposed → merged` by streamlining, `balloting → merged` by a passed
 *   recommendations ballot. Amendments under a recommendations ballot are `balloting` with
 *   `recommendations_ballot_id` (their own `ballot_id` stays empty); when it fails they go back to
 *   `proposed`. Nothing else about an amendment's life changes.
 * - `streamlined_sources`: which amendments a chair's streamlined proposal merges (never changed).
 * - `amendment_recommendations`: every recommendation the chair gave, append-only; the latest is current.
 * - `recommendations_ballots` and their items: which amendments, under which recommendation, a ballot
 *   decides; at close the outcome (set once) and each amendment's resulting status (set once).
 * - A bracket's options merged by streamlining point at the new option (`bracket_options.merged_into`, A's column).
 * - Ballots gain the subject type `recommendations`; groups created before get its default rule.
 */
export class StreamliningRecommendations1796600000300 implements MigrationInterface {
  name = 'StreamliningRecommendations1796600000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE c record;
      BEGIN
        FOR c IN SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'amendments'::regclass AND contype = 'c' LOOP
          IF c.def LIKE '%''outdated''%' AND c.def LIKE '%''withdrawn''%' THEN EXECUTE format('ALTER TABLE amendments DROP CONSTRAINT %I', c.conname); END IF;
          IF c.def LIKE '%ballot_id IS NOT NULL%' AND c.def LIKE '%balloting%' THEN EXECUTE format('ALTER TABLE amendments DROP CONSTRAINT %I', c.conname); END IF;
        END LOOP;
        FOR c IN SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'ballots'::regclass AND contype = 'c' LOOP
          IF c.def LIKE '%subject_type%' AND c.def LIKE '%chair-removal%' THEN EXECUTE format('ALTER TABLE ballots DROP CONSTRAINT %I', c.conname); END IF;
        END LOOP;
      END $$;
      ALTER TABLE ballots ADD CONSTRAINT ballots_subject_type_check CHECK (subject_type IN ('amendment','adoption','chair-confirmation','chair-removal','motion','recommendations'));
      UPDATE working_groups SET decision_rules = decision_rules || '{"recommendations":"majority"}'::jsonb WHERE NOT (decision_rules ? 'recommendations');

      ALTER TABLE amendments ADD COLUMN merged_into uuid REFERENCES amendments(id);
      ALTER TABLE amendments ADD COLUMN recommendations_ballot_id uuid REFERENCES ballots(id);
      ALTER TABLE amendments ADD CONSTRAINT amendments_status_check CHECK (status IN ('proposed','withdrawn','balloting','accepted','rejected','outdated','merged'));
      ALTER TABLE amendments ADD CONSTRAINT amendments_decided_by_ballot CHECK (status NOT IN ('balloting','accepted','rejected') OR ballot_id IS NOT NULL OR recommendations_ballot_id IS NOT NULL);
      ALTER TABLE amendments ADD CONSTRAINT amendments_merged_into CHECK ((status = 'merged') = (merged_into IS NOT NULL) AND merged_into IS DISTINCT FROM id);
      CREATE INDEX amendments_merged_into_idx ON amendments (merged_into) WHERE merged_into IS NOT NULL;

      CREATE OR REPLACE FUNCTION amendments_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'amendments are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF NEW.id <> OLD.id OR NEW.document_id <> OLD.document_id OR NEW.kind <> OLD.kind OR NEW.base_version <> OLD.base_version
           OR NEW.target_clause_id IS DISTINCT FROM OLD.target_clause_id OR NEW.target_text IS DISTINCT FROM OLD.target_text
           OR NEW.text IS DISTINCT FROM OLD.text OR NEW.new_clause_kind IS DISTINCT FROM OLD.new_clause_kind OR NEW.rationale <> OLD.rationale
           OR NEW.author_id <> OLD.author_id OR NEW.author_snapshot <> OLD.author_snapshot OR NEW.created_at <> OLD.created_at
           OR (OLD.ballot_id IS NOT NULL AND NEW.ballot_id IS DISTINCT FROM OLD.ballot_id)
           OR (OLD.decided_at IS NOT NULL AND NEW.decided_at IS DISTINCT FROM OLD.decided_at)
           OR (OLD.applied_in_version IS NOT NULL AND NEW.applied_in_version IS DISTINCT FROM OLD.applied_in_version)
           OR (OLD.merged_into IS NOT NULL AND NEW.merged_into IS DISTINCT FROM OLD.merged_into)
           OR (NEW.recommendations_ballot_id IS DISTINCT FROM OLD.recommendations_ballot_id AND NOT (OLD.status = 'proposed' AND NEW.status = 'balloting'))
           OR NEW.applies_to_version < OLD.applies_to_version THEN
          RAISE EXCEPTION 'an amendment''s content never changes' USING ERRCODE = 'P0001';
        END IF;
        IF NEW.status <> OLD.status AND NOT (
             (OLD.status = 'proposed' AND NEW.status IN ('withdrawn','balloting','outdated','merged'))
          OR (OLD.status = 'balloting' AND NEW.status IN ('accepted','rejected','outdated','merged'))
          -- a recommendations ballot that failed: its amendments are open again
          OR (OLD.status = 'balloting' AND NEW.status = 'proposed' AND OLD.ballot_id IS NULL AND OLD.recommendations_ballot_id IS NOT NULL)
          OR (OLD.status = 'accepted' AND NEW.status = 'outdated' AND OLD.applied_in_version IS NULL)) THEN
          RAISE EXCEPTION 'an amendment cannot go from % to %', OLD.status, NEW.status USING ERRCODE = 'P0001';
        END IF;
        IF OLD.status IN ('withdrawn','rejected','outdated','merged') THEN RAISE EXCEPTION 'a % amendment is final', OLD.status USING ERRCODE = 'P0001'; END IF;
        RETURN NEW;
      END $$;

      -- Options of a bracket merged by streamlining name the option they were merged into (column of migration 1796600000000).
      ALTER TABLE bracket_options ADD CONSTRAINT bracket_options_merged_into_fkey FOREIGN KEY (merged_into) REFERENCES bracket_options(id);
      ALTER TABLE bracket_options ADD CONSTRAINT bracket_options_not_merged_into_itself CHECK (merged_into IS DISTINCT FROM id);

      CREATE TABLE streamlined_sources (
        proposal_id uuid NOT NULL REFERENCES amendments(id),
        source_id uuid NOT NULL UNIQUE REFERENCES amendments(id),
        position int NOT NULL CHECK (position >= 0),
        PRIMARY KEY (proposal_id, source_id),
        CHECK (proposal_id <> source_id)
      );
      CREATE FUNCTION streamlined_sources_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'what a streamlined proposal merges never changes' USING ERRCODE = 'P0001';
      END $$;
      CREATE TRIGGER streamlined_sources_guard BEFORE UPDATE OR DELETE ON streamlined_sources FOR EACH ROW EXECUTE FUNCTION streamlined_sources_guard();

      CREATE TABLE amendment_recommendations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        amendment_id uuid NOT NULL REFERENCES amendments(id),
        document_id uuid NOT NULL REFERENCES documents(id),
        recommendation text NOT NULL CHECK (recommendation IN ('accept','reject','accept-as-modified','merged-into')),
        reason text NOT NULL CHECK (btrim(reason) <> ''),
        target_amendment_id uuid REFERENCES amendments(id),
        given_by uuid NOT NULL REFERENCES people(id),
        given_by_snapshot jsonb NOT NULL,
        given_at timestamptz NOT NULL,
        CHECK ((recommendation IN ('accept-as-modified','merged-into')) = (target_amendment_id IS NOT NULL)),
        CHECK (target_amendment_id IS DISTINCT FROM amendment_id)
      );
      CREATE INDEX amendment_recommendations_amendment_idx ON amendment_recommendations (amendment_id, given_at DESC, id DESC);
      CREATE FUNCTION amendment_recommendations_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'recommendations are never changed or deleted: a new one is recorded' USING ERRCODE = 'P0001';
      END $$;
      CREATE TRIGGER amendment_recommendations_guard BEFORE UPDATE OR DELETE ON amendment_recommendations FOR EACH ROW EXECUTE FUNCTION amendment_recommendations_guard();

      CREATE TABLE recommendations_ballots (
        ballot_id uuid PRIMARY KEY REFERENCES ballots(id),
        document_id uuid NOT NULL REFERENCES documents(id),
        version_number int NOT NULL,
        opened_by uuid NOT NULL REFERENCES people(id),
        opened_by_snapshot jsonb NOT NULL,
        opened_at timestamptz NOT NULL,
        outcome text CHECK (outcome IN ('passed','failed','no-quorum')),
        closed_at timestamptz,
        CHECK ((outcome IS NULL) = (closed_at IS NULL))
      );
      CREATE UNIQUE INDEX recommendations_ballots_one_open ON recommendations_ballots (document_id) WHERE outcome IS NULL;
      CREATE TABLE recommendations_ballot_items (
        ballot_id uuid NOT NULL REFERENCES recommendations_ballots(ballot_id),
        amendment_id uuid NOT NULL REFERENCES amendments(id),
        recommendation_id uuid NOT NULL REFERENCES amendment_recommendations(id),
        position int NOT NULL,
        resulting_status text CHECK (resulting_status IN ('accepted','rejected','merged','proposed')),
        PRIMARY KEY (ballot_id, amendment_id)
      );
      CREATE FUNCTION recommendations_ballots_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'recommendations ballots are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF TG_TABLE_NAME = 'recommendations_ballots' THEN
          IF OLD.outcome IS NOT NULL OR NEW.ballot_id <> OLD.ballot_id OR NEW.document_id <> OLD.document_id OR NEW.version_number <> OLD.version_number
             OR NEW.opened_by <> OLD.opened_by OR NEW.opened_by_snapshot <> OLD.opened_by_snapshot OR NEW.opened_at <> OLD.opened_at THEN
            RAISE EXCEPTION 'a recommendations ballot only closes, once' USING ERRCODE = 'P0001';
          END IF;
        ELSE
          IF OLD.resulting_status IS NOT NULL OR NEW.ballot_id <> OLD.ballot_id OR NEW.amendment_id <> OLD.amendment_id
             OR NEW.recommendation_id <> OLD.recommendation_id OR NEW.position <> OLD.position THEN
            RAISE EXCEPTION 'what a recommendations ballot decided never changes' USING ERRCODE = 'P0001';
          END IF;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER recommendations_ballots_guard BEFORE UPDATE OR DELETE ON recommendations_ballots FOR EACH ROW EXECUTE FUNCTION recommendations_ballots_guard();
      CREATE TRIGGER recommendations_ballot_items_guard BEFORE UPDATE OR DELETE ON recommendations_ballot_items FOR EACH ROW EXECUTE FUNCTION recommendations_ballots_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE recommendations_ballot_items; DROP TABLE recommendations_ballots; DROP FUNCTION recommendations_ballots_guard;
      DROP TABLE amendment_recommendations; DROP FUNCTION amendment_recommendations_guard;
      DROP TABLE streamlined_sources; DROP FUNCTION streamlined_sources_guard;
      ALTER TABLE bracket_options DROP CONSTRAINT bracket_options_not_merged_into_itself, DROP CONSTRAINT bracket_options_merged_into_fkey;
      ALTER TABLE amendments DROP CONSTRAINT amendments_merged_into, DROP CONSTRAINT amendments_decided_by_ballot, DROP CONSTRAINT amendments_status_check;
      ALTER TABLE amendments DROP COLUMN recommendations_ballot_id, DROP COLUMN merged_into;
      ALTER TABLE amendments ADD CHECK (status IN ('proposed','withdrawn','balloting','accepted','rejected','outdated'));
      ALTER TABLE amendments ADD CHECK (status NOT IN ('balloting','accepted','rejected') OR ballot_id IS NOT NULL);
      ALTER TABLE ballots DROP CONSTRAINT ballots_subject_type_check;
      ALTER TABLE ballots ADD CHECK (subject_type IN ('amendment','adoption','chair-confirmation','chair-removal','motion'));
    `);
  }
}
