import { MigrationInterface, QueryRunner } from 'typeorm';

const LANGUAGE = `IN ('ar','zh','en','fr','ru','es')`;

/**
 * The language of what people write (issue #23, decision 0047).
 * - `comments.written_language`, `amendments.written_language`: the UN language a comment or reply,
 *   or an amendment's text and rationale, was written in; null = unknown (rows written before).
 * - `person_translations`: translations participants add of a comment or of an amendment's
 *   rationale, each with the translator and their affiliation snapshot then. Never official, never
 *   edited (a better translation is another row).
 */
export class WrittenLanguage1797000000001 implements MigrationInterface {
  name = 'WrittenLanguage1797000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE comments ADD COLUMN written_language text CHECK (written_language ${LANGUAGE})`);
    await q.query(`ALTER TABLE amendments ADD COLUMN written_language text CHECK (written_language ${LANGUAGE})`);
    await q.query(`
      CREATE TABLE person_translations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        comment_id uuid REFERENCES comments(id),
        amendment_id uuid REFERENCES amendments(id),
        language text NOT NULL CHECK (language ${LANGUAGE}),
        text text NOT NULL CHECK (btrim(text) <> ''),
        translator_id uuid NOT NULL REFERENCES people(id),
        translator_snapshot jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        CHECK (num_nonnulls(comment_id, amendment_id) = 1)
      )`);
    await q.query(`CREATE INDEX person_translations_comment ON person_translations (comment_id, created_at) WHERE comment_id IS NOT NULL`);
    await q.query(`CREATE INDEX person_translations_amendment ON person_translations (amendment_id, created_at) WHERE amendment_id IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION person_translations_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'a translation a participant added is never edited or removed'; END $$`);
    await q.query(`CREATE TRIGGER person_translations_never_change BEFORE UPDATE OR DELETE ON person_translations FOR EACH ROW EXECUTE FUNCTION person_translations_never_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE person_translations`);
    await q.query(`DROP FUNCTION person_translations_never_change()`);
    await q.query(`ALTER TABLE amendments DROP COLUMN written_language`);
    await q.query(`ALTER TABLE comments DROP COLUMN written_language`);
  }
}
