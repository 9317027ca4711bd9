import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { insertDeliveries, linkNotifications, type NewDelivery } from './delivery.repository';
import { IMMEDIATE_FRESH_MS } from './immediate-sweeper';
import { MailLinker } from './mail-links';
import { DIGEST_QUEUE, MailQueue, type DigestJob } from './mail-queue';
import { renderDigest, type MailNotification, type Recipient } from './mail-render';

export type DigestPeriod = 'daily' | 'weekly';
/** People per transaction: their notifications are read, rendered, stored and queued together. */
export const DIGEST_BATCH = 1000;
/** Bounds one run: 1,000 batches of 1,000 people. */
const MAX_BATCHES = 1000;

interface Row {
  id: string;
  recipient_id: string;
  kind: MailNotification['kind'];
  link: string;
  data: MailNotification['data'];
}

/** Which notifications a digest gathers ($1 now, $2 the staleness bound): its mode, and for the daily one the 'immediately' ones first seen too late to mail alone. */
const dueCondition = (period: DigestPeriod) =>
  period === 'daily'
    ? `n.email_delivery_id IS NULL AND n.created_at <= $1 AND (n.email_mode = 'daily' OR (n.email_mode = 'immediately' AND n.created_at < $2))`
    : `n.email_delivery_id IS NULL AND n.created_at <= $1 AND n.email_mode = 'weekly' AND $2::timestamptz IS NOT NULL`;

/**
 * Daily and weekly digests (pg-boss schedules: every day and on Mondays at 07:00 UTC): per person
 * with a verified address, one mail of everything of that mode not yet mailed, grouped by group and
 * document, in their language. Built in bulk, a thousand people per transaction; each notification
 * is linked to its digest, so it is never mailed twice, and a second run on the same day adds
 * nothing (dedupe key `daily:<person>:<day>`).
 */
@Injectable()
export class DigestService implements OnApplicationBootstrap {
  private readonly logger = new Logger('MailDigest');

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: MailQueue,
    private readonly linker: MailLinker,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.work<DigestJob>(DIGEST_QUEUE, async (job) => {
      const made = await this.build(job.data.period, this.clock.now());
      this.logger.log(`${job.data.period} digest: ${made} mail(s) queued`);
    });
  }

  /** Builds and queues one period's digests; returns how many mails were queued. */
  async build(period: DigestPeriod, now: Date): Promise<number> {
    const day = now.toISOString().slice(0, 10);
    const staleBefore = new Date(now.getTime() - IMMEDIATE_FRESH_MS);
    let after = '00000000-0000-0000-0000-000000000000';
    let made = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const r = await this.batch(period, now, staleBefore, day, after);
      made += r.made;
      if (r.last === null) break;
      after = r.last;
    }
    return made;
  }

  private batch(period: DigestPeriod, now: Date, staleBefore: Date, day: string, after: string): Promise<{ made: number; last: string | null }> {
    return this.dataSource.transaction(async (m) => {
      const people = (await m.query(
        `SELECT p.id, p.name, p.email, p.language FROM people p
          WHERE p.id IN (SELECT DISTINCT n.recipient_id FROM notifications n WHERE ${dueCondition(period)} AND n.recipient_id > $3)
            AND p.email_verified_at IS NOT NULL
          ORDER BY p.id LIMIT ${DIGEST_BATCH}`,
        [now, staleBefore, after],
      )) as Recipient[];
      if (people.length === 0) return { made: 0, last: null };
      const rows = (await m.query(
        `SELECT n.id, n.recipient_id, n.kind, n.link, n.data FROM notifications n
          WHERE ${dueCondition(period)} AND n.recipient_id = ANY($3::uuid[])
          ORDER BY n.recipient_id, n.created_at, n.id
          FOR UPDATE OF n SKIP LOCKED`,
        [now, staleBefore, people.map((p) => p.id)],
      )) as Row[];
      const byPerson = new Map<string, Row[]>();
      for (const r of rows) {
        const list = byPerson.get(r.recipient_id) ?? [];
        list.push(r);
        byPerson.set(r.recipient_id, list);
      }
      const deliveries: NewDelivery[] = people
        .filter((p) => byPerson.has(p.id))
        .map((p) => ({
          recipientId: p.id,
          to: p.email,
          purpose: period === 'daily' ? 'daily-digest' : 'weekly-digest',
          dedupeKey: `${period}:${p.id}:${day}`,
          mail: renderDigest(p, period, byPerson.get(p.id)!, this.linker.linksFor(p.id, 'all')),
        }));
      const ids = await insertDeliveries(m, deliveries, now);
      const pairs: [string, string][] = [];
      for (const r of rows) {
        const d = ids.get(`${period}:${r.recipient_id}:${day}`);
        if (d) pairs.push([r.id, d]);
      }
      await linkNotifications(m, pairs);
      await this.queue.enqueueSends(m, [...ids.values()]);
      return { made: ids.size, last: people[people.length - 1].id };
    });
  }
}
