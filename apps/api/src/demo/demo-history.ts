import { isoDay } from '@parley/domain';
import { PastTimeline } from '../platform/clock/past-timeline';

const DAY_MS = 86_400_000;

/** How long before the day it is loaded the demo's history begins (about ten months). */
export const DEMO_HISTORY_DAYS = 300;

/**
 * The demo's calendar. Its acts are dated in days before the day it is loaded (midnight UTC), so
 * a demo loaded today reads like a process that has been running for months — groups convened
 * months ago, chairs in office since, ballots opened and closed at their times — and it never
 * ages. The loader says when each act happens (`on`); the services record that time in their
 * rows and audit events through the Clock (PastTimeline), in order.
 */
export class DemoHistory {
  private constructor(
    private readonly startDay: number,
    private readonly timeline: PastTimeline,
  ) {}

  /** Tells `work` as a history ending before `loadedAt`'s day (UTC). */
  static tell<T>(loadedAt: Date, work: (history: DemoHistory) => Promise<T>): Promise<T> {
    const startDay = Date.UTC(loadedAt.getUTCFullYear(), loadedAt.getUTCMonth(), loadedAt.getUTCDate());
    return PastTimeline.tell(new Date(startDay - DEMO_HISTORY_DAYS * DAY_MS), (timeline) => work(new DemoHistory(startDay, timeline)));
  }

  /** `daysAgo` days before the day the demo is loaded, at hour:minute UTC (minutes past 59 roll over); negative days are after it (scheduled closing times only). */
  day(daysAgo: number, hour = 9, minute = 0): Date {
    return new Date(this.startDay - daysAgo * DAY_MS + (hour * 60 + minute) * 60_000);
  }

  /** The same day as a date (YYYY-MM-DD), e.g. an affiliation's start. */
  isoDay(daysAgo: number): string {
    return isoDay(this.day(daysAgo));
  }

  /** The history moves on to that moment: the acts that follow happen then. Never back, never into the present. */
  on(daysAgo: number, hour = 9, minute = 0): void {
    this.at(this.day(daysAgo, hour, minute));
  }

  /** The same, to an exact moment (a ballot's closing time). */
  at(when: Date): void {
    this.timeline.moveTo(when);
  }
}
