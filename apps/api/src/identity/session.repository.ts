import { Injectable } from '@nestjs/common';
import { ipRangeOf } from '@parley/domain';
import { DataSource, EntityManager } from 'typeorm';
import { KeyedBatcher } from '../platform/batching/keyed-batcher';
import { LastUseRecorder } from './sessions/last-use-recorder';
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

/** How a session ended: its person signed out with it, ended it from another, or a steward ended it. */
export type SessionEnding = 'signed-out' | 'ended-by-person' | 'ended-by-steward';

/** A live session as its list shows it (decision 0051). */
export interface LiveSessionRow {
  id: string;
  signedInVia: 'password' | 'identity-provider';
  identityProviderId: string | null;
  /** The provider's name as the steward registered it (null for a password sign-in). */
  identityProviderName: string | null;
  userAgent: string | null;
  ipRange: string | null;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
}

@Injectable()
export class SessionRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lastUse: LastUseRecorder,
  ) {}

  /** Keeps how the session was opened and from which network (its /24 or /48, never the address). */
  async create(manager: EntityManager, personId: string, token: string, expiresAt: Date, context: SignInContext): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO sessions (person_id, token_hash, expires_at, signed_in_via, identity_provider_id, user_agent, ip_range)
       VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
      [personId, hashSessionToken(token), expiresAt, context.method, context.method === 'identity-provider' ? context.providerId : null, context.userAgent?.slice(0, 512) ?? null, ipRangeOf(context.ip)],
    );
    return rows[0].id;
  }

  /**
   * The live session a token opens, with its person. Concurrent lookups (a busy minute: every
   * request of every delegate) go to the database together, one query per batch rather than one
   * per request; nothing is cached, so a revoked session is refused from the next request on.
   * Each session found is told to the last-use recorder, which writes it later, off this path.
   */
  findLive(token: string, now: Date): Promise<SessionWithPerson | null> {
    return this.lookups.submit('sessions', { tokenHash: hashSessionToken(token), now });
  }

  private readonly lookups = new KeyedBatcher<{ tokenHash: string; now: Date }, SessionWithPerson | null>({
    maxBatch: 200,
    run: async (_, lookups) => {
      const rows: (SessionWithPerson & { tokenHash: string; expiresAt: Date; lastUsedAt: Date })[] = await this.dataSource.query(
        `SELECT s.token_hash AS "tokenHash", s.expires_at AS "expiresAt", s.last_used_at AS "lastUsedAt", s.id AS "sessionId", p.id AS "personId", p.name, p.email, p.is_steward AS "isSteward",
                p.two_factor_clock_from AS "twoFactorClockFrom", EXISTS (SELECT 1 FROM two_factor tf WHERE tf.person_id = p.id AND tf.enabled_at IS NOT NULL) AS "twoFactorEnabled"
           FROM sessions s JOIN people p ON p.id = s.person_id
          WHERE s.token_hash = ANY($1::text[]) AND s.revoked_at IS NULL`,
        [[...new Set(lookups.map((l) => l.tokenHash))]],
      );
      const byHash = new Map(rows.map((r) => [r.tokenHash, r]));
      return lookups.map(({ tokenHash, now }) => {
        const r = byHash.get(tokenHash);
        if (!r || r.expiresAt <= now) return { ok: true, value: null };
        this.lastUse.seen(r.sessionId, r.lastUsedAt, now);
        return { ok: true, value: { sessionId: r.sessionId, personId: r.personId, name: r.name, email: r.email, isSteward: r.isSteward, twoFactorEnabled: r.twoFactorEnabled, twoFactorClockFrom: r.twoFactorClockFrom } };
      });
    },
    retryAloneAfter: () => false,
  });

  /** A person's live sessions, most recently used first. */
  listLive(manager: EntityManager, personId: string, now: Date): Promise<LiveSessionRow[]> {
    return manager.query(
      `SELECT s.id, s.signed_in_via AS "signedInVia", s.identity_provider_id AS "identityProviderId", p.name AS "identityProviderName",
              s.user_agent AS "userAgent", s.ip_range AS "ipRange", s.created_at AS "createdAt", s.last_used_at AS "lastUsedAt", s.expires_at AS "expiresAt"
         FROM sessions s LEFT JOIN identity_providers p ON p.id::text = s.identity_provider_id
        WHERE s.person_id = $1 AND s.revoked_at IS NULL AND s.expires_at > $2
        ORDER BY s.last_used_at DESC, s.created_at DESC, s.id`,
      [personId, now],
    );
  }

  async revoke(sessionId: string, now: Date, by: string | null = null, reason: SessionEnding = 'signed-out'): Promise<void> {
    await this.dataSource.query(`UPDATE sessions SET revoked_at = $2, revoked_by = $3, revoked_reason = $4 WHERE id = $1 AND revoked_at IS NULL`, [sessionId, now, by, reason]);
  }

  /**
   * Ends a person's live sessions: the ones named (null: all), except one (the current, for "end
   * the others"). Answers the ids it ended; a session of someone else is never touched.
   */
  async end(
    manager: EntityManager,
    personId: string,
    which: { only?: string; except?: string },
    ending: { now: Date; by: string; reason: SessionEnding },
  ): Promise<string[]> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE sessions SET revoked_at = $2, revoked_by = $3, revoked_reason = $4
        WHERE person_id = $1 AND revoked_at IS NULL AND expires_at > $2
          AND ($5::uuid IS NULL OR id = $5) AND ($6::uuid IS NULL OR id <> $6)
        RETURNING id`,
      [personId, ending.now, ending.by, ending.reason, which.only ?? null, which.except ?? null],
    );
    return rows.map((r) => r.id);
  }
}
