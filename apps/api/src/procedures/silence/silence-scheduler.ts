import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SilenceService } from './silence.service';

/** How often the API looks for silence procedures whose deadline has come. */
export const SILENCE_SCHEDULER_INTERVAL_MS = 1000;

/**
 * Adopts the texts whose silence held, at their deadline, inside the API (never on a page view), as
 * BallotScheduler closes ballots. Every instance runs one; SilenceService.passDue makes sure exactly
 * one of them adopts each text. Ticks never overlap within an instance; shutdown waits for the tick
 * in progress; the demo loader pauses it while it tells its history.
 */
@Injectable()
export class SilenceScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SilenceScheduler');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private paused = 0;

  constructor(private readonly silence: SilenceService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), SILENCE_SCHEDULER_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs `work` with no tick in progress or starting (the demo loader adopts at its own deadlines: SilenceService.passDue on its timeline). */
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
    this.running = this.silence
      .passDue()
      .then((passed) => {
        if (passed.length > 0) this.logger.log(`adopted ${passed.length} text(s) whose silence held: ${passed.join(', ')}`);
      })
      .catch((e: unknown) => this.logger.error({ err: e }, 'adopting texts whose silence held failed; retrying on the next tick'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
