import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live collaboration across API instances.
 * - `socket_io_attachments`: @socket.io/postgres-adapter sends messages over NOTIFY, whose payload
 *   is limited to 8,000 bytes; larger ones (a long document's events) go through this table, which the
 *   adapter cleans itself. The adapter does not create it.
 * - `realtime_deployment`: one row, the id every instance on this database shares; it names the
 *   Redis channels when REDIS_URL is set, so two deployments on one Redis never hear each other.
 */
export class SocketIoAttachments1763900005000 implements MigrationInterface {
  name = 'SocketIoAttachments1763900005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE socket_io_attachments (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      );
      CREATE TABLE realtime_deployment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        one_row boolean NOT NULL DEFAULT true UNIQUE CHECK (one_row)
      );
      INSERT INTO realtime_deployment DEFAULT VALUES;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE realtime_deployment; DROP TABLE socket_io_attachments;`);
  }
}
