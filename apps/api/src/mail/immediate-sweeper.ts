import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { NotificationBus } from '../notifications/notification-bus';
import { Clock } from '../platform/clock/clock';
import { PacedTicker } from '../platform/scheduling/paced-ticker';
import { insertDeliveries, linkNotifications, type NewDelivery } from './delivery.repository';
import { MailLinker } from './mail-links';
import { MailQueue } from './mail-queue';
import { renderImmediate, type MailNotification } from './mail-render';
import { VerificationService } from './verification.service';

export const MAIL_SWEEP_INTERVAL_MS = 2000;
/** A notification first seen later than this after it happened (a backlog, the demo's history) goes to the daily digest instead. */
export const IMMEDIATE_FRESH_MS = 3 * 3600_000;
const BATCH = 200;
const MAX_BATCHES = 20;

interface DueRow {
  id: string;
  kind: MailNotification['kind'];
  link: string;
  data: MailNotification['data'];
  recipient_id: string;
  name: string;
  email: string;
  language: string;
}

/**
 * Mails each 'immediately' notification once: woken by the NotificationBus after core commits, and
 * every two seconds regardless (the rows are the truth, so a crash or a lost wake-up loses nothing).
 * The delivery row, the notification's link to it and the send job commit together.
 */
@Injectable()
export class ImmediateSweeper extends PacedTicker implements OnApplicationBootstrap, OnApplicationShutdown {
  private wake: Subscription | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: NotificationBus,
    private readonly queue: MailQueue,
    private readonly linker: MailLinker,
    private readonly verification: VerificationService,
    private readonly clock: Clock,
  ) {
    super(new Logger('MailSweeper'), MAIL_SWEEP_INTERVAL_MS);
  }

  override onApplicationBootstrap(): void {
    super.onApplicationBootstrap();
    this.wake = this.bus.created$.subscribe(() => void this.tick());
  }

  override async onApplicationShutdown(): Promise<void> {
    this.wake?.unsubscribe();
    await super.onApplicationShutdown();
  }

  protected async pass(): Promise<string | null> {
    let sent = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const n = await this.batch();
      sent += n;
      if (n < BATCH) break;
    }
    const verifications = await this.verification.welcomeNewcomers();
    const said = [sent ? `${sent} notification(s) queued for e-mail` : '', verifications ? `${verifications} verification mail(s) queued` : ''].filter(Boolean);
    return said.length ? said.join('; ') : null;
  }

  /** One batch in one transaction; returns how many notifications it took. */
  private batch(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const due = (await m.query(
        `SELECT n.id, n.kind, n.link, n.data, n.recipient_id, p.name, p.email, p.language
           FROM notifications n JOIN people p ON p.id = n.recipient_id
          WHERE n.email_mode = 'immediately' AND n.email_delivery_id IS NULL AND p.email_verified_at IS NOT NULL AND n.created_at >= $1
          ORDER BY n.created_at, n.id
          LIMIT ${BATCH}
          FOR UPDATE OF n SKIP LOCKED`,
        [new Date(now.getTime() - IMMEDIATE_FRESH_MS)],
      )) as DueRow[];
      if (due.length === 0) return 0;
      const rows: NewDelivery[] = due.map((d) => ({
        recipientId: d.recipient_id,
        to: d.email,
        purpose: 'immediate',
        dedupeKey: `n:${d.id}`,
        mail: renderImmediate({ id: d.recipient_id, name: d.name, email: d.email, language: d.language }, d, this.linker.linksFor(d.recipient_id, d.kind)),
      }));
      const ids = await insertDeliveries(m, rows, now);
      await linkNotifications(
        m,
        due.flatMap((d) => (ids.has(`n:${d.id}`) ? [[d.id, ids.get(`n:${d.id}`)!] as [string, string]] : [])),
      );
      await this.queue.enqueueSends(m, [...ids.values()]);
      return due.length;
    });
  }
}
