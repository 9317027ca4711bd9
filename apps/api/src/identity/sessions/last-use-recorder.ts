import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PARLEY_CONFIG, ParleyConfig } from '../../platform/config/config';

/** How long seen sessions gather before one UPDATE writes them all. */
const FLUSH_AFTER_MS = 1_000;
/** Beyond this many waiting sessions, they are written at once rather than on the timer. */
const FLUSH_AT = 5_000;

/**
 * A session's last use, written off the request's path (decision 0051). Each authenticated request
 * tells the recorder which session it used and when that session was last written; the recorder
 * notes it only when that was at least `everySeconds` ago, and writes the sessions it noted in one
 * UPDATE a second later. The request never waits for it, and a failed write is logged and forgotten
 * (last use is a hint to the person, not a fact anything else depends on). Whether a session is live
 * is never decided here: findLive reads revoked_at on every request.
 */
@Injectable()
export class LastUseRecorder implements OnModuleDestroy {
  private readonly log = new Logger('LastUse');
  /** Sessions seen and not yet written, with when. */
  private waiting = new Map<string, Date>();
  /** Sessions being written now: a request seeing their old last use meanwhile notes nothing. */
  private writing = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PARLEY_CONFIG) private readonly config: ParleyConfig,
  ) {}

  /** Called for every session a request authenticates with; cheap, synchronous, never throws. */
  seen(sessionId: string, lastUsedAt: Date, now: Date): void {
    const { on, everySeconds } = this.config.sessionLastUse;
    if (!on || now.getTime() - lastUsedAt.getTime() < everySeconds * 1000) return;
    // The first sighting is kept: later ones before the write add nothing but churn.
    if (this.writing.has(sessionId) || this.waiting.has(sessionId)) return;
    this.waiting.set(sessionId, now);
    if (this.waiting.size >= FLUSH_AT) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_AFTER_MS);
      this.timer.unref();
    }
  }

  /** Writes what is waiting (also at shutdown); resolves when written. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.waiting.size === 0) return this.flushing;
    const batch = this.waiting;
    this.waiting = new Map();
    for (const id of batch.keys()) this.writing.add(id);
    this.flushing = this.flushing.then(() => this.write(batch));
    return this.flushing;
  }

  private async write(batch: Map<string, Date>): Promise<void> {
    try {
      // Never backwards: a slower instance's older sighting does not undo a newer one.
      await this.dataSource.query(
        `UPDATE sessions s SET last_used_at = v.at FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, at)
          WHERE s.id = v.id AND s.last_used_at < v.at`,
        [[...batch.keys()], [...batch.values()]],
      );
    } catch (e) {
      this.log.warn(`last use of ${batch.size} sessions not written: ${(e as Error).message}`);
    } finally {
      for (const id of batch.keys()) this.writing.delete(id);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush();
  }
}
