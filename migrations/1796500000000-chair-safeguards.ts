import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The chair's safeguards (issue #17):
 * - `ballots.close_reason`: why a chair closed a ballot before its closing time (required then; null
 *   for ballots closed at their time, by an operator, or before this column existed).
 * - `document_versions.note`: the note the chair or rapporteur wrote when consolidating the version
 *   (null for first versions and for versions consolidated before this column existed).
 */
export class ChairSafeguards1796500000000 implements MigrationInterface {
  name = 'ChairSafeguards1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ballots ADD COLUMN close_reason text`);
    await q.query(`ALTER TABLE document_versions ADD COLUMN note text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_versions DROP COLUMN note`);
    await q.query(`ALTER TABLE ballots DROP COLUMN close_reason`);
  }
}
