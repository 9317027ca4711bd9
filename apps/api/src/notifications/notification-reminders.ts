import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { recipientsOf, reminderDue } from '@parley/domain';
import { Clock } from '../platform/clock/clock';
import { PARLEY_CONFIG, type ParleyConfig } from '../platform/config/config';
import { PacedTicker } from '../platform/scheduling/paced-ticker';
import { NotificationDelivery } from './notification-delivery';
import type { Inserted, NotificationRow } from './notification.repository';
import { links, type NotificationData } from './recipients/notice';

export const REMINDER_INTERVAL_MS = 30_000;
/** Ballots and procedures looked at per pass (the nearest deadlines first); the next pass goes on. */
const PER_PASS = 200;
const DAY_MS = 86_400_000;

interface Due {
  id: string;
  group_id: string;
  group_name: string;
  title: string;
  document_id: string | null;
  opened_at: Date;
  deadline: Date;
}

/**
 * Reminders before deadlines: ballot-closing-soon 24 h and 1 h before a ballot closes, to the electors
 * who have not voted; silence-deadline-soon 24 h before a silence procedure ends, to the voting
 * members. Once each: the dedupe key (`ballot:<id>:24h`) makes a second tick, or a second instance,
 * insert nothing. Time is the app's Clock.
 */
@Injectable()
export class NotificationReminders extends PacedTicker {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delivery: NotificationDelivery,
    private readonly clock: Clock,
    @Inject(PARLEY_CONFIG) private readonly config: ParleyConfig,
  ) {
    super(new Logger('NotificationReminders'), REMINDER_INTERVAL_MS);
  }

  override onApplicationBootstrap(): void {
    if (this.config.notifications) super.onApplicationBootstrap();
  }

  protected async pass(): Promise<string | null> {
    const sent = await this.remindAt(this.clock.now());
    return sent > 0 ? `sent ${sent} reminder(s)` : null;
  }

  /** One pass as at `now` (the ticker passes the Clock's time; tests pass a later one); returns how many were created. */
  async remindAt(now: Date): Promise<number> {
    let inserted: Inserted[] = [];
    await this.dataSource.transaction(async (m) => {
      const rows = [...(await this.ballots(m, now)), ...(await this.silences(m, now))];
      inserted = await this.delivery.write(m, rows);
    });
    await this.delivery.announce(inserted);
    return inserted.length;
  }

  private async ballots(m: EntityManager, now: Date): Promise<NotificationRow[]> {
    const due: Due[] = await m.query(
      `SELECT b.id, g.id AS group_id, g.name AS group_name, b.title, NULL::uuid AS document_id, b.opened_at, b.closes_at AS deadline
         FROM ballots b JOIN working_groups g ON g.id = b.working_group_id
        WHERE b.status = 'open' AND b.closes_at > $1 AND b.closes_at <= $2 ORDER BY b.closes_at LIMIT $3`,
      [now, new Date(now.getTime() + DAY_MS), PER_PASS],
    );
    const rows: NotificationRow[] = [];
    for (const b of due) {
      const within = reminderDue(b.opened_at, b.deadline, now);
      if (!within) continue;
      const waiting: { id: string }[] = await m.query(
        `SELECT e.person_id AS id FROM ballot_electors e WHERE e.ballot_id = $1
            AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.ballot_id = e.ballot_id AND v.voter_id = e.person_id)`,
        [b.id],
      );
      const data = this.data(b, links.ballot(b.id), null, { closesAt: b.deadline.toISOString(), within });
      rows.push(...this.toRows('ballot-closing-soon', `ballot:${b.id}:${within}`, waiting, data, now));
    }
    return rows;
  }

  private async silences(m: EntityManager, now: Date): Promise<NotificationRow[]> {
    const due: (Due & { document_title: string })[] = await m.query(
      `SELECT s.id, g.id AS group_id, g.name AS group_name, d.title, d.id AS document_id, d.title AS document_title, s.started_at AS opened_at, s.deadline
         FROM silence_procedures s JOIN working_groups g ON g.id = s.working_group_id JOIN documents d ON d.id = s.document_id
        WHERE s.state = 'under-way' AND s.deadline > $1 AND s.deadline <= $2 ORDER BY s.deadline LIMIT $3`,
      [now, new Date(now.getTime() + DAY_MS), PER_PASS],
    );
    const rows: NotificationRow[] = [];
    for (const s of due) {
      if (reminderDue(s.opened_at, s.deadline, now, ['24h']) !== '24h') continue;
      const members: { id: string }[] = await m.query(`SELECT person_id AS id FROM memberships WHERE working_group_id = $1 AND left_at IS NULL AND kind = 'member'`, [
        s.group_id,
      ]);
      const data = this.data(s, links.document(s.document_id!), { id: s.document_id!, title: s.document_title }, { deadline: s.deadline.toISOString() });
      rows.push(...this.toRows('silence-deadline-soon', `silence:${s.id}:24h`, members, data, now));
    }
    return rows;
  }

  private data(d: Due, link: string, document: NotificationData['document'], facts: NotificationData['facts']): NotificationData {
    return { group: { id: d.group_id, name: d.group_name }, document, link, actor: null, subject: { title: document ? null : d.title, label: null }, facts };
  }

  private toRows(kind: NotificationRow['kind'], dedupeKey: string, people: { id: string }[], data: NotificationData, now: Date): NotificationRow[] {
    return recipientsOf(
      people.map((p) => p.id),
      null,
    ).map((recipientId) => ({ recipientId, kind, dedupeKey, data, createdAt: now.toISOString(), source: null }));
  }
}
