import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Explanations of position (issue #19, decision record 0037):
 * - `explanations_of_position`: a delegation's (an organisation's, named as it was) position,
 *   reservation or disassociation on a version under adoption or adopted, made by one of its
 *   delegates (their affiliation snapshot kept), before or after the decision. Append-only: never
 *   edited, never withdrawn.
 * - `explanation_paragraphs`: the paragraphs (clauses of that very version) a statement names, in
 *   the order given. A delegation disassociates from a paragraph of a version once (unique index).
 */
export class ExplanationsOfPosition1796700000200 implements MigrationInterface {
  name = 'ExplanationsOfPosition1796700000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE explanations_of_position (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id),
        version_id uuid NOT NULL REFERENCES document_versions(id),
        version_number int NOT NULL CHECK (version_number >= 1),
        kind text NOT NULL CHECK (kind IN ('position','reservation','disassociation')),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        organisation_name text NOT NULL,
        text text NOT NULL CHECK (btrim(text) <> ''),
        timing text NOT NULL CHECK (timing IN ('before','after')),
        placed_by uuid NOT NULL REFERENCES people(id),
        placed_snapshot jsonb NOT NULL,
        placed_at timestamptz NOT NULL
      );
      CREATE INDEX explanations_of_position_version_idx ON explanations_of_position (document_id, version_number, placed_at, id);

      CREATE TABLE explanation_paragraphs (
        explanation_id uuid NOT NULL REFERENCES explanations_of_position(id),
        ordinal int NOT NULL,
        version_id uuid NOT NULL,
        clause_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        kind text NOT NULL,
        PRIMARY KEY (explanation_id, ordinal),
        UNIQUE (explanation_id, clause_id),
        FOREIGN KEY (version_id, clause_id) REFERENCES version_clauses (version_id, clause_id)
      );
      -- a delegation disassociates from a paragraph of a version once
      CREATE UNIQUE INDEX explanation_paragraphs_one_disassociation ON explanation_paragraphs (version_id, clause_id, organisation_id) WHERE kind = 'disassociation';

      CREATE FUNCTION explanations_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'an explanation of position is on the record: never edited or deleted' USING ERRCODE = 'P0001';
      END $$;
      CREATE TRIGGER explanations_of_position_guard BEFORE UPDATE OR DELETE ON explanations_of_position FOR EACH ROW EXECUTE FUNCTION explanations_guard();
      CREATE TRIGGER explanation_paragraphs_guard BEFORE UPDATE OR DELETE ON explanation_paragraphs FOR EACH ROW EXECUTE FUNCTION explanations_guard();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE explanation_paragraphs; DROP TABLE explanations_of_position; DROP FUNCTION explanations_guard;`);
  }
}
