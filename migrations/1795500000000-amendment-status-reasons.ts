import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Amendments keep why they are outdated or rejected in machine form (a code and its facts, see
 * AmendmentStatusReason) beside the English note, so pages can say it in the reader's language.
 * Rows from before have none: the web shows their English note.
 */
export class AmendmentStatusReasons1795500000000 implements MigrationInterface {
  name = 'AmendmentStatusReasons1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE amendments ADD COLUMN status_reason jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE amendments DROP COLUMN status_reason`);
  }
}
