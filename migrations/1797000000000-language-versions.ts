import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Language versions of a text (issue #23, decision 0045).
 * - `documents.original_language`: the language the text is negotiated in (one of the six UN
 *   languages; `en` for every document written before). It changes only while the document has
 *   its first version alone (the trigger refuses it afterwards).
 * - `working_groups.authentic_languages`: the languages the group declares authentic besides each
 *   document's original; a version is not put to adoption while one of them lags (or the chair
 *   confirms a recorded warning).
 * - `clause_translations`: each save of a clause's translation into a language, made on a version,
 *   with the original text it was made from, the translator and their affiliation snapshot. Rows
 *   are never edited or deleted: a later save supersedes an earlier one. A version reads, for each
 *   clause and language, the latest save made on it or an earlier version (so translations carry
 *   forward); it is outdated when the original text it was made from is not the clause's text.
 */
export class LanguageVersions1797000000000 implements MigrationInterface {
  name = 'LanguageVersions1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE documents ADD COLUMN original_language text NOT NULL DEFAULT 'en' CHECK (original_language IN ('ar','zh','en','fr','ru','es'));
      CREATE FUNCTION documents_original_language_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.original_language <> OLD.original_language AND OLD.current_version <> 1 THEN
          RAISE EXCEPTION 'the original language changes only while the document has one version' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER documents_original_language_guard BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION documents_original_language_guard();

      ALTER TABLE working_groups ADD COLUMN authentic_languages text[] NOT NULL DEFAULT '{}'
        CHECK (authentic_languages <@ ARRAY['ar','zh','en','fr','ru','es']::text[]);

      CREATE TABLE clause_translations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        version_id uuid NOT NULL REFERENCES document_versions(id),
        version_number int NOT NULL CHECK (version_number >= 1),
        clause_id uuid NOT NULL,
        language text NOT NULL CHECK (language IN ('ar','zh','en','fr','ru','es')),
        text text NOT NULL CHECK (btrim(text) <> ''),
        source_text text NOT NULL,
        translator_id uuid NOT NULL REFERENCES people(id),
        translator_snapshot jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        -- the order saves were made in, taken under the document's lock: created_at is a transaction's start time and two concurrent saves may share or invert it
        seq bigserial NOT NULL UNIQUE,
        FOREIGN KEY (version_id, clause_id) REFERENCES version_clauses (version_id, clause_id)
      );
      -- the latest save per clause and language at or before a version
      CREATE INDEX clause_translations_latest_idx ON clause_translations (document_id, language, clause_id, version_number DESC, seq DESC);

      CREATE FUNCTION clause_translations_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a saved translation never changes: save a new one' USING ERRCODE = 'P0001';
      END $$;
      CREATE TRIGGER clause_translations_guard BEFORE UPDATE OR DELETE ON clause_translations FOR EACH ROW EXECUTE FUNCTION clause_translations_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE clause_translations; DROP FUNCTION clause_translations_guard;
      ALTER TABLE working_groups DROP COLUMN authentic_languages;
      DROP TRIGGER documents_original_language_guard ON documents; DROP FUNCTION documents_original_language_guard;
      ALTER TABLE documents DROP COLUMN original_language;
    `);
  }
}
