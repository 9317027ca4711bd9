/**
 * Last call (issue #19, decision record 0038; the IETF's working-group last call): a chair opens a
 * fixed window on the current version before the final decision. Comments raised on that version
 * during the window are tracked: each must reach a disposition before the adoption starts. The
 * group's `lastCallDays` (> 0) asks for a completed last call of at least that many days.
 */

/** The shortest last call: the group's `lastCallDays` when it sets one, else one day. */
export function minimumLastCallDays(lastCallDays: number): number {
  return lastCallDays > 0 ? lastCallDays : 1;
}

/** The most days a last call may run. */
export const MAX_LAST_CALL_DAYS = 60;

export interface LastCallWindow {
  opensAt: Date;
  closesAt: Date;
  days: number;
}

export const lastCallClosesAt = (opensAt: Date, days: number): Date => new Date(opensAt.getTime() + days * 86_400_000);

/** Open while now is before its close; complete from its closing instant on. */
export const lastCallOpen = (w: Pick<LastCallWindow, 'closesAt'>, now: Date): boolean => now.getTime() < w.closesAt.getTime();

/** Whether a comment made at `at` was raised during the window (its opening instant included, its closing one not). */
export const raisedDuring = (w: Pick<LastCallWindow, 'opensAt' | 'closesAt'>, at: Date): boolean => at.getTime() >= w.opensAt.getTime() && at.getTime() < w.closesAt.getTime();

export const LAST_CALL_WARNING_KINDS = ['last-call-not-held', 'last-call-open', 'last-call-undisposed'] as const;
export type LastCallWarningKind = (typeof LAST_CALL_WARNING_KINDS)[number];

export interface LastCallFacts {
  /** The group's rule: 0, no last call expected. */
  lastCallDays: number;
  /** The version's last call, if one was opened. */
  lastCall: LastCallWindow | null;
  /** Comments raised during it with no disposition yet. */
  undisposed: number;
}

/**
 * What the adoption of a version is warned of about its last call:
 * - `last-call-not-held`: the group expects one and the version had no last call of at least `lastCallDays` days;
 * - `last-call-open`: its last call is still running;
 * - `last-call-undisposed`: comments raised during it still have no disposition.
 */
export function lastCallWarnings(f: LastCallFacts, now: Date): LastCallWarningKind[] {
  const out: LastCallWarningKind[] = [];
  const open = f.lastCall !== null && lastCallOpen(f.lastCall, now);
  if (f.lastCallDays > 0 && (f.lastCall === null || f.lastCall.days < f.lastCallDays)) out.push('last-call-not-held');
  if (open) out.push('last-call-open');
  if (f.undisposed > 0) out.push('last-call-undisposed');
  return out;
}
