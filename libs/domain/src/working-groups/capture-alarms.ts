import { resolveCaps, type CompositionCaps } from './caps';
import { CAPTURE_ALARM_CODES, type CaptureAlarm } from './capture-alarm';
import { termAsOf, type ChairTerm } from './chair-term';
import { chairAlarms } from './chair-alarms';
import { computeComposition } from './composition';
import { organisationCapAlarms, stakeholderGroupCapAlarms } from './composition-alarms';
import { affiliationEndedAlarms, affiliationUnconfirmedAlarms, affiliationUnverifiedAlarms } from './member-alarms';
import type { WorkingGroupMember } from './membership';

export interface CaptureAlarmInput {
  /** The group's current members (voting and observers). */
  members: readonly WorkingGroupMember[];
  /** All the group's chair terms, past ones included: they date the chair alarms. */
  chairTerms: readonly ChairTerm[];
  /** Missing caps take the defaults. */
  caps?: Partial<CompositionCaps>;
}

/** The alarms of one working group at `now`, ordered as CAPTURE_ALARM_CODES. */
export function captureAlarms(input: CaptureAlarmInput, now: Date): CaptureAlarm[] {
  const caps = resolveCaps(input.caps);
  const startedTerms = input.chairTerms.filter((t) => Date.parse(t.startedAt) <= now.getTime()).map((t) => termAsOf(t, now));
  const composition = computeComposition(input.members, startedTerms, caps);
  const alarms: CaptureAlarm[] = [
    ...stakeholderGroupCapAlarms(composition, input.members),
    ...organisationCapAlarms(composition, input.members),
    ...chairAlarms(input.chairTerms, input.members, now),
    ...affiliationEndedAlarms(input.members),
    ...affiliationUnverifiedAlarms(input.members),
    ...affiliationUnconfirmedAlarms(input.members),
  ];
  const rank = (a: CaptureAlarm) => CAPTURE_ALARM_CODES.indexOf(a.code);
  return alarms.sort((a, b) => rank(a) - rank(b));
}
