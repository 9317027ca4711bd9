import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { BallotService } from './ballot.service';

/** How often the API looks for ballots whose closing time has come. */
export const BALLOT_SCHEDULER_INTERVAL_MS = 1000;

/**
 * Closes ballots at their closing time, inside the API (never on a page view). Every instance runs
 * one; BallotService.closeDue makes sure exactly one of them closes each ballot. Ticks never overlap
 * within an instance, and shutdown waits for the tick in progress.
 */
@Injectable()
export class BallotScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('BallotScheduler');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private paused = 0;

  constructor(private readonly ballots: BallotService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), BALLOT_SCHEDULER_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /**
   * Runs `work` with no tick in progress or starting. The demo loader tells a history in the past:
   * its ballots' closing times are in the real past while it still collects their votes, and it
   * closes them itself at those times (BallotService.closeDue on its timeline).
   */
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
    this.running = this.ballots
      .closeDue()
      .then((closed) => {
        if (closed.length > 0) this.logger.log(`closed ${closed.length} ballot(s) at their closing time: ${closed.join(', ')}`);
      })
      .catch((e: unknown) => this.logger.error({ err: e }, 'closing due ballots failed; retrying on the next tick'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
