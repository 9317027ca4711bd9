import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A history told in the past (the demo loader's): while `PastTimeline.tell` runs, every read of
 * the Clock made from inside it — use cases' `tx.now`, audit events' times, ballots' checks — gets
 * the timeline's time instead of the real one. Nothing else sees it: the time is held in the
 * caller's async context, so requests, sockets and the ballot scheduler keep the real time, and no
 * API input can reach it. The timeline only moves forward and never reaches the real present, so
 * each audit chain stays in time order and every real act comes after the history.
 */
export class PastTimeline {
  private static readonly current = new AsyncLocalStorage<PastTimeline>();
  private at: number;
  private over = false;

  private constructor(start: Date) {
    PastTimeline.assertPast(start);
    this.at = start.getTime();
  }

  /** Runs `work` on a timeline starting at `start` (in the past); afterwards the clock is real again, even in callbacks it left behind. */
  static async tell<T>(start: Date, work: (timeline: PastTimeline) => Promise<T>): Promise<T> {
    const timeline = new PastTimeline(start);
    try {
      return await PastTimeline.current.run(timeline, () => work(timeline));
    } finally {
      timeline.over = true;
    }
  }

  /** The time in the history being told in this async context, or null outside one (real time). */
  static now(): Date | null {
    const timeline = PastTimeline.current.getStore();
    return timeline && !timeline.over ? timeline.tick() : null;
  }

  /** Moves the history on to a later moment, still in the past. Going back is refused: the audit chains would read out of order. */
  moveTo(when: Date): void {
    if (this.over) throw new Error('This history has been told; it cannot move on');
    if (when.getTime() < this.at) throw new Error(`A history moves forward only: from ${new Date(this.at).toISOString()} back to ${when.toISOString()} is refused`);
    PastTimeline.assertPast(when);
    this.at = when.getTime();
  }

  /** Each reading is a millisecond after the one before, so acts keep the order they were made in, even within one transaction. */
  private tick(): Date {
    const t = new Date(this.at);
    PastTimeline.assertPast(t);
    this.at += 1;
    return t;
  }

  private static assertPast(when: Date): void {
    if (Number.isNaN(when.getTime())) throw new Error('A history needs real dates');
    if (when.getTime() >= Date.now()) throw new Error(`A history is told in the past: ${when.toISOString()} is not`);
  }
}
