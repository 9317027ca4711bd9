import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface TwoFactorRow {
  secretSealed: string;
  enabledAt: Date | null;
  lastStep: number | null;
  failures: number;
  lockedUntil: Date | null;
}

export interface ChallengeRow {
  id: string;
  personId: string;
  method: string;
  providerId: string | null;
  userAgent: string | null;
  expiresAt: Date;
  usedAt: Date | null;
}

const ROW = `secret_sealed AS "secretSealed", enabled_at AS "enabledAt", last_step::float8 AS "lastStep", failures, locked_until AS "lockedUntil"`;

/** The two-factor tables: one person's TOTP state, their recovery codes, and sign-in challenges. */
@Injectable()
export class TwoFactorRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The person's row, locked for this transaction when `lock`: every answer of one person is settled one at a time. */
  async find(manager: EntityManager, personId: string, lock = false): Promise<TwoFactorRow | null> {
    const rows: TwoFactorRow[] = await manager.query(`SELECT ${ROW} FROM two_factor WHERE person_id = $1${lock ? ' FOR UPDATE' : ''}`, [personId]);
    return rows[0] ?? null;
  }

  async status(personId: string): Promise<{ enabledAt: Date | null; pending: boolean; recoveryCodesLeft: number; clockFrom: Date | null }> {
    const [r] = await this.dataSource.query(
      `SELECT tf.enabled_at AS "enabledAt", tf.person_id IS NOT NULL AND tf.enabled_at IS NULL AS pending, p.two_factor_clock_from AS "clockFrom",
              (SELECT count(*)::int FROM two_factor_recovery_codes c WHERE c.person_id = p.id AND c.used_at IS NULL) AS "recoveryCodesLeft"
         FROM people p LEFT JOIN two_factor tf ON tf.person_id = p.id WHERE p.id = $1`,
      [personId],
    );
    return r;
  }

  /** A new pending secret replaces a pending one; never an enabled one (the caller checked). */
  async startPending(manager: EntityManager, personId: string, secretSealed: string, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO two_factor (person_id, secret_sealed, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, created_at = EXCLUDED.created_at, last_step = NULL, failures = 0
        WHERE two_factor.enabled_at IS NULL`,
      [personId, secretSealed, now],
    );
  }

  /** Settles a code's time step: true only if it is later than the last accepted one (a concurrent or replayed code loses). */
  async acceptStep(manager: EntityManager, personId: string, step: number, enable: Date | null): Promise<boolean> {
    // An UPDATE answers [rows, count].
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE two_factor SET last_step = $2, failures = 0, enabled_at = COALESCE(enabled_at, $3)
        WHERE person_id = $1 AND (last_step IS NULL OR last_step < $2)`,
      [personId, step, enable],
    );
    return count === 1;
  }

  async setFailures(manager: EntityManager, personId: string, failures: number, lockedUntil: Date | null): Promise<void> {
    await manager.query(`UPDATE two_factor SET failures = $2, locked_until = $3 WHERE person_id = $1`, [personId, failures, lockedUntil]);
  }

  /** Uses one recovery code: true for the one request that marked it used. */
  async useRecoveryCode(manager: EntityManager, personId: string, codeHash: string, now: Date): Promise<boolean> {
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE two_factor_recovery_codes SET used_at = $3 WHERE person_id = $1 AND code_hash = $2 AND used_at IS NULL`,
      [personId, codeHash, now],
    );
    return count > 0;
  }

  async replaceRecoveryCodes(manager: EntityManager, personId: string, codeHashes: string[]): Promise<void> {
    await manager.query(`DELETE FROM two_factor_recovery_codes WHERE person_id = $1`, [personId]);
    await manager.query(`INSERT INTO two_factor_recovery_codes (person_id, code_hash) SELECT $1, unnest($2::text[])`, [personId, codeHashes]);
  }

  async remove(manager: EntityManager, personId: string): Promise<void> {
    await manager.query(`DELETE FROM two_factor_recovery_codes WHERE person_id = $1`, [personId]);
    await manager.query(`DELETE FROM two_factor WHERE person_id = $1`, [personId]);
  }

  /** The requirement's clock starts at the person's first sign-in after the release (decision 0050). */
  async startClock(personId: string, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE people SET two_factor_clock_from = $2 WHERE id = $1 AND two_factor_clock_from IS NULL`, [personId, now]);
  }

  async isEnabled(personId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM two_factor WHERE person_id = $1 AND enabled_at IS NOT NULL`, [personId]);
    return rows.length > 0;
  }

  /** The person's two-factor standing for a role's requirement (see libs/domain twoFactorRequirementRefusal). */
  async standingOf(manager: EntityManager, personId: string): Promise<{ enabled: boolean; clockFrom: Date | null }> {
    const [r] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM two_factor tf WHERE tf.person_id = p.id AND tf.enabled_at IS NOT NULL) AS enabled, p.two_factor_clock_from AS "clockFrom"
         FROM people p WHERE p.id = $1`,
      [personId],
    );
    return r ?? { enabled: false, clockFrom: null };
  }

  async createChallenge(personId: string, tokenHash: string, context: { method: string; providerId: string | null; userAgent: string | null }, now: Date, expiresAt: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO sign_in_challenges (token_hash, person_id, method, provider_id, user_agent, created_at, expires_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [tokenHash, personId, context.method, context.providerId, context.userAgent, now, expiresAt],
    );
  }

  async findChallenge(manager: EntityManager, tokenHash: string): Promise<ChallengeRow | null> {
    const rows: ChallengeRow[] = await manager.query(
      `SELECT id, person_id AS "personId", method, provider_id AS "providerId", user_agent AS "userAgent", expires_at AS "expiresAt", used_at AS "usedAt"
         FROM sign_in_challenges WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async endChallenge(manager: EntityManager, id: string, now: Date): Promise<void> {
    await manager.query(`UPDATE sign_in_challenges SET used_at = $2 WHERE id = $1 AND used_at IS NULL`, [id, now]);
  }
}
