import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * A timed pass inside the API (never on a page view): every instance runs one, the pass itself makes
 * sure each act happens once (lock the row, re-check, act in one audited transaction). Passes never
 * overlap within an instance, shutdown waits for the pass in progress, and the demo loader pauses it
 * while it tells its history in the past (it runs the pass itself on its timeline).
 */
export abstract class PacedTicker implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private paused = 0;

  protected constructor(
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  /** One pass: what it did, in words for the log (null: nothing to say), or a failure retried on the next tick. */
  protected abstract pass(): Promise<string | null>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs `work` with no pass in progress or starting. */
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
    this.running = this.pass()
      .then((said) => {
        if (said) this.logger.log(said);
      })
      .catch((e: unknown) => this.logger.error({ err: e }, 'the timed pass failed; retrying on the next tick'))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
