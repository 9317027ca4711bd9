import type { CaptureAlarm } from './capture-alarm';
import { captureAlarms, type CaptureAlarmInput } from './capture-alarms';
import { compositionAffiliation, type WorkingGroupMember } from './membership';

export type CapAlarm = CaptureAlarm<'stakeholder-group-above-cap' | 'organisation-above-cap'>;

/** A cap alarm that would concern the person admitted: new (they break the cap) or already firing (they take the group further above it). */
export interface CapEffect {
  alarm: CapAlarm;
  alreadyAbove: boolean;
}

/** What admitting someone would do to a group, as a chair should read it before admitting them. */
export interface AdmissionEffect {
  /** They act for an organisation nobody has verified (the alarm on unverified organisations counts voting members only). */
  organisationUnverified: boolean;
  /** The cap alarms that would fire after admission and that their admission feeds; new ones first. */
  caps: CapEffect[];
}

const isCapAlarm = (a: CaptureAlarm): a is CapAlarm => a.code === 'stakeholder-group-above-cap' || a.code === 'organisation-above-cap';
const capKey = (a: CapAlarm): string => (a.code === 'stakeholder-group-above-cap' ? `group:${a.params.stakeholderGroup}` : `organisation:${a.params.organisationId}`);

/**
 * The effect of admitting `candidate` (as admission would record them, `admittedAt` now), computed
 * by the very alarms the group page shows once they are admitted: `captureAlarms` before and after.
 * Observers do not count towards the caps, so admitting one never breaks a cap.
 */
export function admissionEffect(group: CaptureAlarmInput, candidate: WorkingGroupMember, now: Date): AdmissionEffect {
  const before = new Set(captureAlarms(group, now).filter(isCapAlarm).map(capKey));
  const after = captureAlarms({ ...group, members: [...group.members, candidate] }, now).filter(isCapAlarm);
  const counted = compositionAffiliation(candidate);
  const concerns = (a: CapAlarm) =>
    candidate.kind === 'member' &&
    (a.code === 'stakeholder-group-above-cap' ? a.params.stakeholderGroup === counted.stakeholderGroup : a.params.organisationId === counted.organisationId);
  const caps = after
    .filter(concerns)
    .map((alarm) => ({ alarm, alreadyAbove: before.has(capKey(alarm)) }))
    .sort((a, b) => Number(a.alreadyAbove) - Number(b.alreadyAbove));
  return { organisationUnverified: !candidate.currentAffiliationVerified, caps };
}
