import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Brackets and options (issue #18, decision record 0031). A bracket marks a passage of one clause as
 * not agreed, anchored like a comment quote (clause id, passage text and its offsets in the version it
 * was opened on); options are alternative wordings for it. The database keeps history honest:
 * - nothing here is ever deleted;
 * - what a bracket is (document, version, clause, passage, offsets, reason, who asked, when) never
 *   changes; its removal (option chosen or text agreed, with a reason, by whom, when) is recorded
 *   once; a chosen option must be one of its own options; once removed with a chosen option,
 *   consolidation records once the version it was dealt with in and whether it was applied;
 * - an option's text, rationale, proposer and time never change; it may only be marked merged
 *   into something else, once (streamlining).
 */
export class Brackets1796600000000 implements MigrationInterface {
  name = 'Brackets1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE brackets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        version_id uuid NOT NULL,
        opened_in_version int NOT NULL CHECK (opened_in_version >= 1),
        clause_id uuid NOT NULL,
        passage text NOT NULL CHECK (passage <> ''),
        passage_start int NOT NULL CHECK (passage_start >= 0),
        passage_end int NOT NULL,
        reason text NOT NULL CHECK (btrim(reason) <> ''),
        requested_by uuid NOT NULL REFERENCES people(id),
        requester_snapshot jsonb NOT NULL,
        requested_at timestamptz NOT NULL,
        resolution text CHECK (resolution IN ('option-chosen','text-agreed')),
        chosen_option_id uuid,
        removal_reason text CHECK (removal_reason IS NULL OR btrim(removal_reason) <> ''),
        removed_by uuid REFERENCES people(id),
        remover_snapshot jsonb,
        removed_at timestamptz,
        consolidated_in_version int,
        consolidation text CHECK (consolidation IN ('applied','not-applied')),
        FOREIGN KEY (version_id, clause_id) REFERENCES version_clauses (version_id, clause_id),
        CHECK (passage_end = passage_start + char_length(passage)),
        CHECK ((resolution IS NULL) = (removal_reason IS NULL) AND (resolution IS NULL) = (removed_by IS NULL)
               AND (resolution IS NULL) = (remover_snapshot IS NULL) AND (resolution IS NULL) = (removed_at IS NULL)),
        CHECK ((resolution = 'option-chosen') = (chosen_option_id IS NOT NULL)),
        CHECK ((consolidated_in_version IS NULL) = (consolidation IS NULL)),
        CHECK (consolidated_in_version IS NULL OR (resolution = 'option-chosen' AND consolidated_in_version > opened_in_version))
      );
      CREATE INDEX brackets_document_idx ON brackets (document_id, clause_id, requested_at, id);
      CREATE INDEX brackets_open_idx ON brackets (document_id, clause_id) WHERE resolution IS NULL;
      CREATE INDEX brackets_unapplied_idx ON brackets (document_id) WHERE resolution = 'option-chosen' AND consolidated_in_version IS NULL;

      CREATE TABLE bracket_options (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bracket_id uuid NOT NULL REFERENCES brackets(id),
        text text NOT NULL CHECK (btrim(text) <> ''),
        rationale text CHECK (rationale IS NULL OR btrim(rationale) <> ''),
        proposed_by uuid NOT NULL REFERENCES people(id),
        proposer_snapshot jsonb NOT NULL,
        proposed_at timestamptz NOT NULL,
        -- what streamlining merged this option into (set once; what it names is the streamliner's record)
        merged_into uuid,
        -- the order options were proposed in, also within one transaction (several come with a bracket)
        seq bigint GENERATED ALWAYS AS IDENTITY,
        UNIQUE (id, bracket_id)
      );
      CREATE INDEX bracket_options_bracket_idx ON bracket_options (bracket_id, seq);
      ALTER TABLE brackets ADD FOREIGN KEY (chosen_option_id, id) REFERENCES bracket_options (id, bracket_id);

      CREATE FUNCTION brackets_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'brackets are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF NEW.id <> OLD.id OR NEW.document_id <> OLD.document_id OR NEW.version_id <> OLD.version_id
           OR NEW.opened_in_version <> OLD.opened_in_version OR NEW.clause_id <> OLD.clause_id OR NEW.passage <> OLD.passage
           OR NEW.passage_start <> OLD.passage_start OR NEW.passage_end <> OLD.passage_end OR NEW.reason <> OLD.reason
           OR NEW.requested_by <> OLD.requested_by OR NEW.requester_snapshot <> OLD.requester_snapshot OR NEW.requested_at <> OLD.requested_at THEN
          RAISE EXCEPTION 'what a bracket is never changes' USING ERRCODE = 'P0001';
        END IF;
        IF OLD.resolution IS NOT NULL AND (NEW.resolution IS DISTINCT FROM OLD.resolution OR NEW.chosen_option_id IS DISTINCT FROM OLD.chosen_option_id
           OR NEW.removal_reason IS DISTINCT FROM OLD.removal_reason OR NEW.removed_by IS DISTINCT FROM OLD.removed_by
           OR NEW.remover_snapshot IS DISTINCT FROM OLD.remover_snapshot OR NEW.removed_at IS DISTINCT FROM OLD.removed_at) THEN
          RAISE EXCEPTION 'a bracket''s removal is recorded once' USING ERRCODE = 'P0001';
        END IF;
        IF OLD.consolidated_in_version IS NOT NULL AND (NEW.consolidated_in_version IS DISTINCT FROM OLD.consolidated_in_version
           OR NEW.consolidation IS DISTINCT FROM OLD.consolidation) THEN
          RAISE EXCEPTION 'a chosen option is consolidated once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER brackets_guard BEFORE UPDATE OR DELETE ON brackets FOR EACH ROW EXECUTE FUNCTION brackets_guard();

      CREATE FUNCTION bracket_options_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'options are never deleted' USING ERRCODE = 'P0001'; END IF;
        IF NEW.id <> OLD.id OR NEW.bracket_id <> OLD.bracket_id OR NEW.text <> OLD.text OR NEW.rationale IS DISTINCT FROM OLD.rationale
           OR NEW.proposed_by <> OLD.proposed_by OR NEW.proposer_snapshot <> OLD.proposer_snapshot OR NEW.proposed_at <> OLD.proposed_at
           OR (OLD.merged_into IS NOT NULL AND NEW.merged_into IS DISTINCT FROM OLD.merged_into) THEN
          RAISE EXCEPTION 'an option never changes: it can only be marked merged, once' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER bracket_options_guard BEFORE UPDATE OR DELETE ON bracket_options FOR EACH ROW EXECUTE FUNCTION bracket_options_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE brackets DROP CONSTRAINT brackets_chosen_option_id_id_fkey;
      DROP TABLE bracket_options; DROP FUNCTION bracket_options_guard;
      DROP TABLE brackets; DROP FUNCTION brackets_guard;
    `);
  }
}
