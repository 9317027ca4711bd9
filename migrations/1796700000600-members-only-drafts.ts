import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Members-only drafts with scheduled publication (issue #19, decision 0041). A version issued
 * members-only has one row here: until when, who restricted it, and the digest of its text as
 * issued (the same one its issuing audit event commits to). The scheduler sets `published_at`
 * once, at or after `members_only_until`; nothing else ever changes. Kept apart from
 * document_versions so that table's immutability guard stays as it is.
 */
export class MembersOnlyDrafts1796700000600 implements MigrationInterface {
  name = 'MembersOnlyDrafts1796700000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE version_publications (
        version_id uuid PRIMARY KEY REFERENCES document_versions(id),
        document_id uuid NOT NULL REFERENCES documents(id),
        members_only_until timestamptz NOT NULL,
        text_digest text NOT NULL CHECK (text_digest ~ '^[0-9a-f]{64}$'),
        restricted_by uuid NOT NULL REFERENCES people(id),
        restricted_at timestamptz NOT NULL,
        published_at timestamptz,
        CHECK (members_only_until > restricted_at),
        CHECK (published_at IS NULL OR published_at >= members_only_until)
      );
      CREATE INDEX version_publications_document_idx ON version_publications (document_id);
      CREATE INDEX version_publications_due_idx ON version_publications (members_only_until) WHERE published_at IS NULL;

      CREATE FUNCTION version_publications_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'a version''s publication terms are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.published_at IS NOT NULL OR NEW.published_at IS NULL OR NEW.version_id <> OLD.version_id OR NEW.document_id <> OLD.document_id
           OR NEW.members_only_until <> OLD.members_only_until OR NEW.text_digest <> OLD.text_digest
           OR NEW.restricted_by <> OLD.restricted_by OR NEW.restricted_at <> OLD.restricted_at THEN
          RAISE EXCEPTION 'publication terms are fixed at issue: a version can only be published, once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER version_publications_guard BEFORE UPDATE OR DELETE ON version_publications FOR EACH ROW EXECUTE FUNCTION version_publications_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE version_publications; DROP FUNCTION version_publications_guard();`);
  }
}
