import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The front door (GET /api/home) reads the newest of a few things across every group; each read is
 * an index scan of a handful of rows, however large the platform grows: the latest adopted versions,
 * the latest endorsements still standing, and the comments still waiting for a disposition (per
 * document, oldest first). Open ballots by closing time already have ballots_due_idx.
 */
export class FrontDoorIndexes1796498939368 implements MigrationInterface {
  name = 'FrontDoorIndexes1796498939368';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX document_versions_adopted_idx ON document_versions (adopted_at DESC, id DESC) WHERE adopted_at IS NOT NULL;
      CREATE INDEX endorsements_recent_idx ON endorsements (endorsed_at DESC, id DESC) WHERE withdrawn_at IS NULL;
      CREATE INDEX comments_awaiting_idx ON comments (document_id, created_at, id) WHERE parent_id IS NULL AND disposition IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX comments_awaiting_idx;
      DROP INDEX endorsements_recent_idx;
      DROP INDEX document_versions_adopted_idx;
    `);
  }
}
