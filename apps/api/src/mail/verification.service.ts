import { Injectable } from '@nestjs/common';
import type { confirmEmailResponse, UnLanguage } from '@parley/contracts';
import type { z } from 'zod';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { refuse, validationProblem } from '../platform/http/problem';
import { insertDeliveries } from './delivery.repository';
import { MailLinker } from './mail-links';
import { MailQueue } from './mail-queue';
import { renderVerification, type Recipient } from './mail-render';
import { readVerificationToken, VERIFICATION_TTL_MS, verificationGenuine, verificationToken } from './mail-tokens';

/** At most one verification mail a minute (a request within the minute is answered but sends nothing more), five a day (then 429). */
const MIN_GAP_MS = 60_000;
const PER_DAY = 5;
/** Newcomers are sent the link once, by the sweep, within this time of registering. */
const NEWCOMER_WINDOW_MS = 24 * 3600_000;

/**
 * E-mail verification (decision 0042): the only mail an unverified address receives is the link
 * that verifies it. Newly registered people are sent it by the mail sweep (durable: a crash between
 * registering and mailing loses nothing); anyone may ask again, rate limited.
 */
@Injectable()
export class VerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: MailQueue,
    private readonly linker: MailLinker,
    private readonly clock: Clock,
  ) {}

  /** Sends the link again (204); nothing to do when the address is already verified or the link left less than a minute ago. */
  async request(personId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [p] = (await m.query(`SELECT id, name, email, language, email_verified_at FROM people WHERE id = $1 FOR UPDATE`, [personId])) as (Recipient & {
        email_verified_at: Date | null;
      })[];
      if (!p || p.email_verified_at) return;
      const now = this.clock.now();
      const [recent] = (await m.query(
        `SELECT count(*)::int AS n, max(created_at) AS last FROM email_deliveries WHERE recipient_id = $1 AND purpose = 'verification' AND created_at > $2`,
        [personId, new Date(now.getTime() - 24 * 3600_000)],
      )) as { n: number; last: Date | null }[];
      if (recent.last && now.getTime() - new Date(recent.last).getTime() < MIN_GAP_MS) return;
      if (recent.n >= PER_DAY) throw refuse('rate-limited');
      await this.queueFor(m, [p], now, `verify:${p.id}:${now.getTime()}`);
    });
  }

  /** People who registered recently, are unverified and were never sent the link. */
  async welcomeNewcomers(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const people = (await m.query(
        `SELECT p.id, p.name, p.email, p.language FROM people p
          WHERE p.email_verified_at IS NULL AND p.created_at > $1
            AND NOT EXISTS (SELECT 1 FROM email_deliveries d WHERE d.recipient_id = p.id AND d.purpose = 'verification')
          ORDER BY p.created_at LIMIT 100 FOR UPDATE OF p SKIP LOCKED`,
        [new Date(now.getTime() - NEWCOMER_WINDOW_MS)],
      )) as Recipient[];
      // One welcome link per person, even if two instances look at once.
      await this.queueFor(m, people, now, (p) => `verify:${p.id}:welcome`);
      return people.length;
    });
  }

  private async queueFor(m: EntityManager, people: readonly Recipient[], now: Date, dedupeKey: string | ((p: Recipient) => string)): Promise<void> {
    if (people.length === 0) return;
    const expiresAt = new Date(now.getTime() + VERIFICATION_TTL_MS);
    const ids = await insertDeliveries(
      m,
      people.map((p) => ({
        recipientId: p.id,
        to: p.email,
        purpose: 'verification' as const,
        dedupeKey: typeof dedupeKey === 'string' ? dedupeKey : dedupeKey(p),
        mail: renderVerification(p, verificationToken(this.linker.secret, p.id, p.email, expiresAt), this.linker.linksFor(p.id, 'all')),
      })),
      now,
    );
    await this.queue.enqueueSends(m, [...ids.values()]);
  }

  /** Confirms the address the token was sent to, if it is still the person's address and the token has not expired. */
  async confirm(token: string): Promise<z.infer<typeof confirmEmailResponse>> {
    const t = readVerificationToken(token);
    if (!t) throw validationProblem('token', 'invalid');
    return this.dataSource.transaction(async (m) => {
      const [p] = (await m.query(`SELECT email FROM people WHERE id = $1 FOR UPDATE`, [t.personId])) as { email: string }[];
      if (!p || !verificationGenuine(this.linker.secret, t, p.email)) throw validationProblem('token', 'invalid');
      const now = this.clock.now();
      if (t.expiresAt.getTime() < now.getTime()) throw validationProblem('token', 'invalid');
      await m.query(`UPDATE people SET email_verified_at = COALESCE(email_verified_at, $2) WHERE id = $1`, [t.personId, now]);
      return { email: p.email, verified: true as const };
    });
  }

  async setLanguage(personId: string, language: UnLanguage): Promise<void> {
    await this.dataSource.query(`UPDATE people SET language = $2 WHERE id = $1`, [personId, language]);
  }
}
