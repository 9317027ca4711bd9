import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Endorsements of adopted texts, on behalf of organisations.
 * - One active endorsement per organisation per version (a partial unique index): an organisation
 *   that withdrew may endorse again, which makes a new row.
 * - A row is never deleted and its content never changes; withdrawal is recorded on it once
 *   (when, by whom, with what affiliation, why). The trigger refuses anything else.
 * - The endorser's snapshot is of their affiliation to the endorsing organisation.
 * Indexes serve the signatory list of a version, in the order organisations signed.
 */
export class Endorsements1763900006000 implements MigrationInterface {
  name = 'Endorsements1763900006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE endorsements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_groups(id),
        document_id uuid NOT NULL REFERENCES documents(id),
        version_number int NOT NULL CHECK (version_number >= 1),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        endorsed_by uuid NOT NULL REFERENCES people(id),
        endorser_snapshot jsonb NOT NULL CHECK (endorser_snapshot->>'organisationId' = organisation_id::text),
        endorsed_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        withdrawn_by uuid REFERENCES people(id),
        withdrawer_snapshot jsonb,
        withdrawal_reason text,
        CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL) AND (withdrawn_at IS NULL) = (withdrawer_snapshot IS NULL)),
        CHECK (withdrawn_at IS NOT NULL OR withdrawal_reason IS NULL),
        CHECK (withdrawn_at IS NULL OR withdrawn_at >= endorsed_at),
        FOREIGN KEY (document_id, version_number) REFERENCES document_versions (document_id, number)
      );
      CREATE UNIQUE INDEX endorsements_one_active ON endorsements (document_id, version_number, organisation_id) WHERE withdrawn_at IS NULL;
      CREATE INDEX endorsements_version_idx ON endorsements (document_id, version_number, endorsed_at, id);
      CREATE INDEX endorsements_organisation_idx ON endorsements (organisation_id);

      CREATE FUNCTION endorsements_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('DELETE', 'TRUNCATE') THEN RAISE EXCEPTION 'endorsements are never deleted: withdraw one instead' USING ERRCODE = 'P0001'; END IF;
        IF OLD.withdrawn_at IS NOT NULL THEN RAISE EXCEPTION 'a withdrawn endorsement is final' USING ERRCODE = 'P0001'; END IF;
        IF NEW.id <> OLD.id OR NEW.working_group_id <> OLD.working_group_id OR NEW.document_id <> OLD.document_id
           OR NEW.version_number <> OLD.version_number OR NEW.organisation_id <> OLD.organisation_id OR NEW.endorsed_by <> OLD.endorsed_by
           OR NEW.endorser_snapshot <> OLD.endorser_snapshot OR NEW.endorsed_at <> OLD.endorsed_at THEN
          RAISE EXCEPTION 'an endorsement never changes: it can only be withdrawn, once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER endorsements_guard BEFORE UPDATE OR DELETE ON endorsements FOR EACH ROW EXECUTE FUNCTION endorsements_guard();
      CREATE TRIGGER endorsements_no_truncate BEFORE TRUNCATE ON endorsements FOR EACH STATEMENT EXECUTE FUNCTION endorsements_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE endorsements; DROP FUNCTION endorsements_guard;`);
  }
}
