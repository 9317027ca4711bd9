import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a person's list of active sessions shows (issue #24, decision 0051):
 * - how the session was opened (`signed_in_via`: password or identity provider, and which provider);
 * - the user agent (at most 512 characters) and the network it came from, never the address:
 *   `ip_range` is the IPv4 /24 or IPv6 /48;
 * - `last_used_at`, written at most once a minute per session, in batches, off the request's path;
 * - who ended it and how (`revoked_by`, `revoked_reason`).
 * Sessions opened before had a password behind them; their last use is taken as their start.
 */
export class SessionDevices1797100000200 implements MigrationInterface {
  name = 'SessionDevices1797100000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sessions
        ADD COLUMN signed_in_via text NOT NULL DEFAULT 'password' CHECK (signed_in_via IN ('password', 'identity-provider')),
        ADD COLUMN identity_provider_id text,
        ADD COLUMN user_agent text CHECK (length(user_agent) <= 512),
        ADD COLUMN ip_range text,
        ADD COLUMN last_used_at timestamptz,
        ADD COLUMN revoked_by uuid REFERENCES people(id),
        ADD COLUMN revoked_reason text CHECK (revoked_reason IN ('signed-out', 'ended-by-person', 'ended-by-steward')),
        ADD CONSTRAINT sessions_provider_when_identity_provider CHECK ((signed_in_via = 'identity-provider') = (identity_provider_id IS NOT NULL))
    `);
    await q.query(`UPDATE sessions SET last_used_at = created_at`);
    await q.query(`ALTER TABLE sessions ALTER COLUMN last_used_at SET NOT NULL, ALTER COLUMN last_used_at SET DEFAULT now()`);
    // Room in each page for the new version of a row whose last use is written (no index covers
    // last_used_at): a heap-only update, without new index entries.
    await q.query(`ALTER TABLE sessions SET (fillfactor = 80)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sessions RESET (fillfactor)`);
    await q.query(`
      ALTER TABLE sessions DROP CONSTRAINT sessions_provider_when_identity_provider,
        DROP COLUMN signed_in_via, DROP COLUMN identity_provider_id, DROP COLUMN user_agent, DROP COLUMN ip_range,
        DROP COLUMN last_used_at, DROP COLUMN revoked_by, DROP COLUMN revoked_reason
    `);
  }
}
