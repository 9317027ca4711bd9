import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A working group's rules of procedure (issue #19): silence minimum, circulation period, last call,
 * non-objection period, proxies. Stored as one JSON object; a rule missing from it (every group
 * created before) reads as its default (libs/domain/src/procedures/rules.ts).
 */
export class ProcedureRules1796700000000 implements MigrationInterface {
  name = 'ProcedureRules1796700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE working_groups ADD COLUMN procedure_rules jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(procedure_rules) = 'object')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE working_groups DROP COLUMN procedure_rules`);
  }
}
