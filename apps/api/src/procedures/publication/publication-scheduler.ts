import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PublicationService } from './publication.service';

/** How often the API looks for members-only versions whose publication date has come. */
export const PUBLICATION_SCHEDULER_INTERVAL_MS = 1000;

/**
 * Publishes members-only versions at their date, inside the API (never on a page view): the same
 * pattern as BallotScheduler. Every instance runs one; PublicationService.publishDue makes sure
 * exactly one publishes each version. Ticks never overlap; shutdown waits for the tick in progress.
 */
@Injectable()
export class PublicationScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PublicationScheduler');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private paused = 0;

  constructor(private readonly publications: PublicationService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), PUBLICATION_SCHEDULER_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs `work` with no tick in progress or starting (the demo loader's history in the past publishes on its own timeline). */
  async pausedDuring<T>(work: () => Promise<T>): Promise<T> {
    this.paused += 1;
    try {
      await this.running;
      return await work();
    } finally {
      this.paused -= 1;
    }
  }

  /** One pass; returns when it is done (tests may call it directly). */
  tick(): Promise<void> {
    if (this.paused > 0) return Promise.resolve();
    if (this.running) return this.running;
    this.running = this.publications
      .publishDue()
      .then((done) => {
        if (done.length > 0) this.logger.log(`published ${done.length} members-only version(s) at their date: ${done.join(', ')}`);
      })
      .catch((e: unknown) => this.logger.error({ err: e }, 'publishing due versions failed; retrying on the next tick'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
