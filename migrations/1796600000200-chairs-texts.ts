import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chair's texts (issue #18, decision 0033): a version a chair or rapporteur issues as the chair's
 * text carries its label ("Zero draft", "Rev.1", or the group's own symbol), an optional document
 * symbol, its standing (non-paper, draft, final), the office it is issued under (chair,
 * co-facilitators, secretariat) and its pen holder with their affiliation snapshot at the issue.
 * All of it is set when the version is created and never changes: the versions' guard now covers
 * these columns (and the consolidation note). A chair's text records a consolidation-like report
 * (nothing applied; the amendments it outdated and carried forward), so versions after the first
 * still always have one.
 */
export class ChairsTexts1796600000200 implements MigrationInterface {
  name = 'ChairsTexts1796600000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE document_versions
        ADD COLUMN chairs_text_label text,
        ADD COLUMN chairs_text_symbol text,
        ADD COLUMN chairs_text_standing text CHECK (chairs_text_standing IN ('non-paper','draft','final')),
        ADD COLUMN chairs_text_office text CHECK (chairs_text_office IN ('chair','co-facilitators','secretariat')),
        ADD COLUMN pen_holder_id uuid REFERENCES people(id),
        ADD COLUMN pen_holder_snapshot jsonb,
        ADD CONSTRAINT document_versions_chairs_text_whole CHECK (
          (chairs_text_label IS NULL) = (chairs_text_standing IS NULL) AND (chairs_text_label IS NULL) = (chairs_text_office IS NULL)
          AND (chairs_text_label IS NULL) = (pen_holder_id IS NULL) AND (chairs_text_label IS NULL) = (pen_holder_snapshot IS NULL)
          AND (chairs_text_label IS NOT NULL OR chairs_text_symbol IS NULL)),
        ADD CONSTRAINT document_versions_chairs_text_label CHECK (chairs_text_label IS NULL OR btrim(chairs_text_label) <> ''),
        ADD CONSTRAINT document_versions_chairs_text_later CHECK (chairs_text_label IS NULL OR number > 1);

      CREATE OR REPLACE FUNCTION document_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'versions are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.adopted_at IS NOT NULL OR NEW.adopted_at IS NULL OR NEW.id <> OLD.id OR NEW.document_id <> OLD.document_id
           OR NEW.number <> OLD.number OR NEW.created_by <> OLD.created_by OR NEW.author_snapshot <> OLD.author_snapshot
           OR NEW.created_at <> OLD.created_at OR NEW.consolidation IS DISTINCT FROM OLD.consolidation
           OR NEW.note IS DISTINCT FROM OLD.note
           OR NEW.chairs_text_label IS DISTINCT FROM OLD.chairs_text_label OR NEW.chairs_text_symbol IS DISTINCT FROM OLD.chairs_text_symbol
           OR NEW.chairs_text_standing IS DISTINCT FROM OLD.chairs_text_standing OR NEW.chairs_text_office IS DISTINCT FROM OLD.chairs_text_office
           OR NEW.pen_holder_id IS DISTINCT FROM OLD.pen_holder_id OR NEW.pen_holder_snapshot IS DISTINCT FROM OLD.pen_holder_snapshot THEN
          RAISE EXCEPTION 'versions are immutable: a version can only be marked adopted, once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION document_versions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'versions are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF OLD.adopted_at IS NOT NULL OR NEW.adopted_at IS NULL OR NEW.id <> OLD.id OR NEW.document_id <> OLD.document_id
           OR NEW.number <> OLD.number OR NEW.created_by <> OLD.created_by OR NEW.author_snapshot <> OLD.author_snapshot
           OR NEW.created_at <> OLD.created_at OR NEW.consolidation IS DISTINCT FROM OLD.consolidation THEN
          RAISE EXCEPTION 'versions are immutable: a version can only be marked adopted, once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      ALTER TABLE document_versions
        DROP CONSTRAINT document_versions_chairs_text_later, DROP CONSTRAINT document_versions_chairs_text_label,
        DROP CONSTRAINT document_versions_chairs_text_whole,
        DROP COLUMN pen_holder_snapshot, DROP COLUMN pen_holder_id, DROP COLUMN chairs_text_office,
        DROP COLUMN chairs_text_standing, DROP COLUMN chairs_text_symbol, DROP COLUMN chairs_text_label;
    `);
  }
}
