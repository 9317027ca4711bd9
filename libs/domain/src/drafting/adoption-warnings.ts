import { LAST_CALL_WARNING_KINDS, type LastCallWarningKind } from '../procedures/last-call';
/**
 * What a chair is warned of before putting a version to adoption (decision record 0029). Each is a
 * reason the members may be voting on a text that is about to change, or that leaves something out:
 * - `unanswered-clarifications`: clarification questions on the version (or earlier) with no answer;
 * - `open-amendment-ballots`: amendments to the version still being voted on;
 * - `accepted-unconsolidated`: accepted amendments not yet consolidated into a version;
 * - `open-brackets`: passages still in square brackets (decision 0031);
 * - `unapplied-bracket-choices`: brackets removed by choosing an option that no consolidation has applied yet;
 * - `open-ad-ref`: clauses a delegation agreed only ad referendum, not yet lifted (decision record 0032);
 * - `circulation-period`: the version has been available for less than the group's circulation period
 *   (`procedureRules.circulationDays`, decision 0036).
 * - `last-call-not-held`, `last-call-open`, `last-call-undisposed`: the version's last call (decision 0038,
 *   libs/domain procedures/last-call.ts) was not held though the group asks for one, is still open, or
 *   left comments without a disposition.
 * None forbids the ballot; each must be acknowledged, and the acknowledgement is recorded.
 */
export const ADOPTION_WARNING_KINDS = [
  'unanswered-clarifications',
  'open-amendment-ballots',
  'accepted-unconsolidated',
  'open-brackets',
  'unapplied-bracket-choices',
  'open-ad-ref',
  'circulation-period',
  ...LAST_CALL_WARNING_KINDS,
] as const;
export type AdoptionWarningKind = (typeof ADOPTION_WARNING_KINDS)[number];

export interface AdoptionWarningCounts {
  unansweredClarifications: number;
  openAmendmentBallots: number;
  acceptedUnconsolidated: number;
  openBrackets?: number;
  unappliedBracketChoices?: number;
  /** Open ad refs on the version's clauses (absent: none). */
  openAdRefs?: number;
  /** The version's circulation period is still running (absent: it is over, or the group has none). */
  circulationPeriodRunning?: boolean;
  /** The last-call warnings that apply (decision 0038; absent: none). */
  lastCall?: readonly LastCallWarningKind[];
}

/** The kinds of warning that apply, in the order a chair reads them. */
export function adoptionWarningKinds(counts: AdoptionWarningCounts): AdoptionWarningKind[] {
  const present: Record<AdoptionWarningKind, boolean> = {
    'unanswered-clarifications': counts.unansweredClarifications > 0,
    'open-amendment-ballots': counts.openAmendmentBallots > 0,
    'accepted-unconsolidated': counts.acceptedUnconsolidated > 0,
    'open-brackets': (counts.openBrackets ?? 0) > 0,
    'unapplied-bracket-choices': (counts.unappliedBracketChoices ?? 0) > 0,
    'open-ad-ref': (counts.openAdRefs ?? 0) > 0,
    'circulation-period': counts.circulationPeriodRunning === true,
    'last-call-not-held': counts.lastCall?.includes('last-call-not-held') === true,
    'last-call-open': counts.lastCall?.includes('last-call-open') === true,
    'last-call-undisposed': counts.lastCall?.includes('last-call-undisposed') === true,
  };
  return ADOPTION_WARNING_KINDS.filter((k) => present[k]);
}

/** The warnings that apply and that the chair has not acknowledged: the ballot may open only when there are none. */
export function unacknowledgedWarnings(counts: AdoptionWarningCounts, acknowledged: readonly AdoptionWarningKind[]): AdoptionWarningKind[] {
  return adoptionWarningKinds(counts).filter((k) => !acknowledged.includes(k));
}

/** When a version's circulation period ends, if it has not yet ended at `now`. */
export interface CirculationPeriod {
  /** Since when the version is available to the group. */
  availableSince: Date;
  /** When the group's circulation period ends: `availableSince` plus `days` days. */
  endsAt: Date;
  days: number;
}

/**
 * The circulation period still running for a version available since `availableSince`, in a group whose
 * rules ask for `days` days (decision 0036): null when the group asks for none or the days have passed.
 */
export function runningCirculationPeriod(availableSince: Date, days: number, now: Date): CirculationPeriod | null {
  if (!(days > 0)) return null;
  const endsAt = new Date(availableSince.getTime() + days * 86_400_000);
  return now.getTime() < endsAt.getTime() ? { availableSince, endsAt, days } : null;
}
