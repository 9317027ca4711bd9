import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import { onePerRecipient, recipientsOf, type AuditEvent } from '@parley/domain';
import { parseAuditEvent } from '@parley/contracts';
import { AuditEventBus } from '../audit/audit-event-bus';
import { AuditRepository } from '../audit/audit.repository';
import { Clock } from '../platform/clock/clock';
import { PARLEY_CONFIG, type ParleyConfig } from '../platform/config/config';
import { NotificationDelivery } from './notification-delivery';
import type { Inserted, NotificationRow } from './notification.repository';
import { RecipientLookups } from './recipient-lookups';
import { noticesFor } from './recipients';
import { EventContext } from './recipients/notice';

/** Events read per chain per transaction. */
export const DERIVE_BATCH = 500;
/** Chains looked at per pass, and batches per chain per pass: every loop is bounded; the next pass goes on. */
const CHAINS_PER_PASS = 100;
const BATCHES_PER_CHAIN = 20;
/** The sweep that catches what no wake-up announced (another instance's commits, a crash). */
export const DERIVE_SWEEP_MS = 2_000;
/**
 * How long a wake-up waits before its pass. The commits of those moments are derived together (a
 * busy group's comments by one pass, not a dozen statements each), and the pass no longer competes
 * with the live fan-out that the same commit has just started.
 */
export const DERIVE_WAKE_DELAY_MS = 100;

const groupOfScope = (scope: string): string | null => (scope.startsWith('wg:') ? scope.slice(3) : null);

/**
 * From committed audit events to notifications, exactly once (decision 0042). Each chain is read past
 * its `notifier_cursors` row; one transaction per batch inserts the notifications (idempotent by
 * their dedupe key) and moves the cursor, so a crash loses nothing and repeats nothing. A chain is
 * derived by one instance at a time (a transaction-scoped advisory lock; a busy chain is skipped,
 * its holder is on it). Woken after each commit on this instance, and by a sweep for the others'.
 */
@Injectable()
export class NotificationDeriver implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Notifications');
  private subscription: Subscription | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private waking: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: AuditEventBus,
    private readonly audit: AuditRepository,
    private readonly delivery: NotificationDelivery,
    private readonly clock: Clock,
    @Inject(PARLEY_CONFIG) private readonly config: ParleyConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.notifications) return;
    this.subscription = this.events.committed$.subscribe(() => this.wake());
    this.timer = setInterval(() => this.wake(), DERIVE_SWEEP_MS);
    this.timer.unref();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.subscription?.unsubscribe();
    if (this.timer) clearInterval(this.timer);
    if (this.waking) clearTimeout(this.waking);
    await this.running;
  }

  /** Look shortly (DERIVE_WAKE_DELAY_MS); a wake-up during a pass makes one more pass after it. */
  private wake(): void {
    if (this.stopped || this.waking) return;
    this.waking = setTimeout(() => {
      this.waking = null;
      this.look();
    }, DERIVE_WAKE_DELAY_MS);
    this.waking.unref();
  }

  private look(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch((e: unknown) => {
        this.log.error({ err: e }, 'deriving notifications failed; retrying on the next sweep');
        return 0;
      })
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Runs at once the pass a wake-up has made due, and returns when no pass is running or due (tests: every commit so far is derived). */
  async drained(): Promise<void> {
    for (let i = 0; i < 50; i++) {
      if (this.waking) {
        clearTimeout(this.waking);
        this.waking = null;
        this.look();
      }
      if (!this.running) return;
      await this.running;
    }
  }

  /** Derives every chain with events past its cursor; returns how many events were read (tests and the bench call it). */
  async pass(): Promise<number> {
    const chains: { scope: string }[] = await this.dataSource.query(
      `SELECT c.scope FROM audit_chains c LEFT JOIN notifier_cursors n ON n.scope = c.scope
        WHERE c.last_sequence > coalesce(n.sequence, 0) ORDER BY c.scope LIMIT $1`,
      [CHAINS_PER_PASS],
    );
    let read = 0;
    for (const { scope } of chains) {
      for (let i = 0; i < BATCHES_PER_CHAIN; i++) {
        const n = await this.deriveBatch(scope);
        read += n;
        if (n < DERIVE_BATCH) break;
      }
    }
    return read;
  }

  /** One batch of one chain, in one transaction with its cursor; announced after commit. */
  private async deriveBatch(scope: string): Promise<number> {
    let inserted: Inserted[] = [];
    const read = await this.dataSource.transaction(async (m) => {
      const [{ locked }] = (await m.query(`SELECT pg_try_advisory_xact_lock(hashtext('notifier:' || $1)) AS locked`, [scope])) as { locked: boolean }[];
      if (!locked) return 0;
      await m.query(`INSERT INTO notifier_cursors (scope, sequence) VALUES ($1, 0) ON CONFLICT (scope) DO NOTHING`, [scope]);
      const [{ sequence }] = (await m.query(`SELECT sequence FROM notifier_cursors WHERE scope = $1 FOR UPDATE`, [scope])) as { sequence: string }[];
      // Committed events never change: they are read as the audit log serves them, past the locked cursor.
      const events = await this.audit.listAfter(scope, Number(sequence), DERIVE_BATCH);
      if (events.length === 0) return 0;
      inserted = await this.delivery.write(m, await this.rowsFor(m, events));
      await m.query(`UPDATE notifier_cursors SET sequence = $2 WHERE scope = $1`, [scope, events[events.length - 1].sequence]);
      return events.length;
    });
    await this.delivery.announce(inserted).catch((e: unknown) => this.log.warn(`live push of notifications: ${(e as Error).message}`));
    return read;
  }

  /** The rows a batch of events brings: each act's notices, for whom they may go, once per person per act. */
  private async rowsFor(m: EntityManager, events: AuditEvent[]): Promise<NotificationRow[]> {
    const lookups = new RecipientLookups(m, this.clock.now());
    const rows: NotificationRow[] = [];
    for (const raw of events) {
      const parsed = parseAuditEvent(raw);
      if (!parsed.typed) continue;
      const e = parsed.event;
      const groupId = groupOfScope(e.scope);
      const notices = await noticesFor(new EventContext(e, lookups, groupId));
      const drafts = [];
      for (const n of notices) {
        const audience = n.data.document && groupId ? await lookups.audienceOf(groupId, n.data.document.id, n.version) : null;
        drafts.push({ kind: n.kind, recipients: recipientsOf(n.candidates, e.actorId, audience), dedupeKey: `${e.scope}#${e.sequence}`, data: n.data });
      }
      for (const d of onePerRecipient(drafts))
        for (const recipientId of d.recipients)
          rows.push({ recipientId, kind: d.kind, dedupeKey: d.dedupeKey, data: d.data, createdAt: e.occurredAt, source: { scope: e.scope, sequence: e.sequence } });
    }
    return rows;
  }
}
