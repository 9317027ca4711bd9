import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-factor authentication (issue #24, decision 0050).
 * - `two_factor`: one person's TOTP secret, encrypted (AES-256-GCM, key derived from PARLEY_SECRET);
 *   pending until `enabled_at`; the last accepted time step (replay), wrong answers in a row and the
 *   lock they lead to.
 * - `two_factor_recovery_codes`: SHA-256 of each recovery code; used once.
 * - `sign_in_challenges`: the second sign-in step: the hash of its token, the person, the way in and
 *   device it is bound to, its expiry and whether it was used.
 * - `people.two_factor_clock_from`: the person's first sign-in after this release, from which the
 *   grace period of a role that requires a second factor is counted.
 * - `working_groups.chairs_require_two_factor`: the group's setting, off for existing groups.
 */
export class TwoFactor1797100000100 implements MigrationInterface {
  name = 'TwoFactor1797100000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE two_factor (
        person_id uuid PRIMARY KEY REFERENCES people(id),
        secret_sealed text NOT NULL,
        created_at timestamptz NOT NULL,
        enabled_at timestamptz,
        last_step bigint,
        failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
        locked_until timestamptz
      )`);
    await q.query(`
      CREATE TABLE two_factor_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people(id),
        code_hash text NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX two_factor_recovery_codes_person_idx ON two_factor_recovery_codes (person_id)`);
    await q.query(`
      CREATE TABLE sign_in_challenges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        person_id uuid NOT NULL REFERENCES people(id),
        method text NOT NULL CHECK (method IN ('password', 'identity-provider')),
        provider_id text,
        user_agent text,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX sign_in_challenges_person_idx ON sign_in_challenges (person_id)`);
    await q.query(`ALTER TABLE people ADD COLUMN two_factor_clock_from timestamptz`);
    await q.query(`ALTER TABLE working_groups ADD COLUMN chairs_require_two_factor boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE working_groups DROP COLUMN chairs_require_two_factor`);
    await q.query(`ALTER TABLE people DROP COLUMN two_factor_clock_from`);
    await q.query(`DROP TABLE sign_in_challenges`);
    await q.query(`DROP TABLE two_factor_recovery_codes`);
    await q.query(`DROP TABLE two_factor`);
  }
}
