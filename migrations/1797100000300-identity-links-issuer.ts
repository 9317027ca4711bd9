import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security review of issue #24 (decision 0049, H1 and M4):
 * - each link keeps the issuer that stated its subject (`identity_provider_links.issuer`): a sign-in
 *   finds a link only when the ID token's `iss` is that issuer, so a provider pointed at another
 *   issuer never reaches the identities linked through the old one;
 * - a session can be ended because the provider it was opened through stopped vouching
 *   (`revoked_reason = 'provider-ended'`: disabled or re-pointed by a steward, unlinked, vouch ended).
 */
export class IdentityLinksIssuer1797100000300 implements MigrationInterface {
  name = 'IdentityLinksIssuer1797100000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE identity_provider_links ADD COLUMN issuer text`);
    await q.query(`UPDATE identity_provider_links l SET issuer = p.issuer FROM identity_providers p WHERE p.id = l.provider_id`);
    await q.query(`ALTER TABLE identity_provider_links ALTER COLUMN issuer SET NOT NULL`);
    await q.query(`ALTER TABLE sessions DROP CONSTRAINT sessions_revoked_reason_check`);
    await q.query(`ALTER TABLE sessions ADD CONSTRAINT sessions_revoked_reason_check CHECK (revoked_reason IN ('signed-out', 'ended-by-person', 'ended-by-steward', 'provider-ended'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE sessions SET revoked_reason = 'ended-by-steward' WHERE revoked_reason = 'provider-ended'`);
    await q.query(`ALTER TABLE sessions DROP CONSTRAINT sessions_revoked_reason_check`);
    await q.query(`ALTER TABLE sessions ADD CONSTRAINT sessions_revoked_reason_check CHECK (revoked_reason IN ('signed-out', 'ended-by-person', 'ended-by-steward'))`);
    await q.query(`ALTER TABLE identity_provider_links DROP COLUMN issuer`);
  }
}
