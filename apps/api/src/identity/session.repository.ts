import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { KeyedBatcher } from '../platform/batching/keyed-batcher';
import { hashSessionToken } from './session-token';
import type { SignInContext } from './sign-in/sign-in-context';

export interface SessionWithPerson {
  sessionId: string;
  personId: string;
  name: string;
  email: string;
  isSteward: boolean;
  /** Two-factor authentication (decision 0050): on or not, and since when a role's requirement counts. */
  twoFactorEnabled: boolean;
  twoFactorClockFrom: Date | null;
}

@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the context is stored with the session by #24's sessions list
  async create(manager: EntityManager, personId: string, token: string, expiresAt: Date, context: SignInContext): Promise<string> {
    const rows: { id: string }[] = await manager.query(`INSERT INTO sessions (person_id, token_hash, expires_at) VALUES ($1,$2,$3) RETURNING id`, [personId, hashSessionToken(token), expiresAt]);
    return rows[0].id;
  }

  /**
   * The live session a token opens, with its person. Concurrent lookups (a busy minute: every
   * request of every delegate) go to the database together, one query per batch rather than one
   * per request; nothing is cached, so a revoked session is refused from the next request on.
   */
  findLive(token: string, now: Date): Promise<SessionWithPerson | null> {
    return this.lookups.submit('sessions', { tokenHash: hashSessionToken(token), now });
  }

  private readonly lookups = new KeyedBatcher<{ tokenHash: string; now: Date }, SessionWithPerson | null>({
    maxBatch: 200,
    run: async (_, lookups) => {
      const rows: (SessionWithPerson & { tokenHash: string; expiresAt: Date })[] = await this.dataSource.query(
        `SELECT s.token_hash AS "tokenHash", s.expires_at AS "expiresAt", s.id AS "sessionId", p.id AS "personId", p.name, p.email, p.is_steward AS "isSteward",
                p.two_factor_clock_from AS "twoFactorClockFrom", EXISTS (SELECT 1 FROM two_factor tf WHERE tf.person_id = p.id AND tf.enabled_at IS NOT NULL) AS "twoFactorEnabled"
           FROM sessions s JOIN people p ON p.id = s.person_id
          WHERE s.token_hash = ANY($1::text[]) AND s.revoked_at IS NULL`,
        [[...new Set(lookups.map((l) => l.tokenHash))]],
      );
      const byHash = new Map(rows.map((r) => [r.tokenHash, r]));
      return lookups.map(({ tokenHash, now }) => {
        const r = byHash.get(tokenHash);
        return { ok: true, value: r && r.expiresAt > now ? { sessionId: r.sessionId, personId: r.personId, name: r.name, email: r.email, isSteward: r.isSteward, twoFactorEnabled: r.twoFactorEnabled, twoFactorClockFrom: r.twoFactorClockFrom } : null };
      });
    },
    retryAloneAfter: () => false,
  });

  async revoke(sessionId: string, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, now]);
  }
}
