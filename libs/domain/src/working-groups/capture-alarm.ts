import type { StakeholderGroup } from '../identity/stakeholders';

export const CAPTURE_ALARM_CODES = [
  'stakeholder-group-above-cap',
  'organisation-above-cap',
  'chairs-single-stakeholder-group',
  'chairs-single-organisation',
  'chair-unconfirmed',
  'chair-term-expired',
  'member-affiliation-ended',
  'member-affiliation-unverified',
  'member-affiliation-unconfirmed',
  'most-private-sector-members',
] as const;
export type CaptureAlarmCode = (typeof CAPTURE_ALARM_CODES)[number];

/** Most severe first, the order alarms are shown in. */
export const ALARM_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type AlarmSeverity = (typeof ALARM_SEVERITIES)[number];

/**
 * `critical`: a rule of the platform is broken (unconfirmed or overdue chair, a member acting with
 * no current affiliation). `warning`: the composition shows capture. `info`: a comparison across groups.
 */
export const ALARM_SEVERITY: Record<CaptureAlarmCode, AlarmSeverity> = {
  'stakeholder-group-above-cap': 'warning',
  'organisation-above-cap': 'warning',
  'chairs-single-stakeholder-group': 'warning',
  'chairs-single-organisation': 'warning',
  'chair-unconfirmed': 'critical',
  'chair-term-expired': 'critical',
  'member-affiliation-ended': 'critical',
  'member-affiliation-unverified': 'warning',
  'member-affiliation-unconfirmed': 'critical',
  'most-private-sector-members': 'info',
};

export interface AlarmPersonRef {
  personId: string;
  name: string;
}

export interface AlarmChairRef extends AlarmPersonRef {
  termId: string;
  organisationName: string;
}

/**
 * What each alarm carries so that a client can word it in any language. Dates are ISO strings.
 * Alarms about members name at most ALARM_NAMES_SHOWN people (`people`, the first by name) and
 * count all of them (`count`): a group of 500 unconfirmed members names 10 and says 500.
 */
export interface CaptureAlarmParams {
  'stakeholder-group-above-cap': {
    stakeholderGroup: StakeholderGroup;
    count: number;
    votingMembers: number;
    share: number;
    capShare: number;
  };
  'organisation-above-cap': {
    organisationId: string;
    organisationName: string;
    stakeholderGroup: StakeholderGroup;
    /** Every voting member of the organisation. */
    count: number;
    cap: number;
    /** The first of them by name (at most ALARM_NAMES_SHOWN). */
    people: AlarmPersonRef[];
  };
  'chairs-single-stakeholder-group': { stakeholderGroup: StakeholderGroup; chairs: AlarmChairRef[] };
  'chairs-single-organisation': { organisationId: string; organisationName: string; chairs: AlarmChairRef[] };
  'chair-unconfirmed': AlarmChairRef & { startedAt: string };
  'chair-term-expired': AlarmChairRef & { endsAt: string };
  'member-affiliation-ended': { people: Array<AlarmPersonRef & { endedOn: string | null }>; count: number };
  'member-affiliation-unverified': {
    people: Array<AlarmPersonRef & { organisationId: string; organisationName: string; since: string | null }>;
    count: number;
  };
  'member-affiliation-unconfirmed': {
    people: Array<AlarmPersonRef & { organisationId: string; organisationName: string }>;
    count: number;
  };
  'most-private-sector-members': {
    workingGroupId: string;
    workingGroupName: string;
    count: number;
    votingMembers: number;
    groupsCompared: number;
    /** Other working groups with the same count. */
    tiedWith: string[];
  };
}

/** One alarm: a machine code and params for rendering, an English message, and since when it holds. */
export type CaptureAlarm<C extends CaptureAlarmCode = CaptureAlarmCode> = {
  [K in C]: {
    code: K;
    severity: AlarmSeverity;
    params: CaptureAlarmParams[K];
    message: string;
    /** ISO datetime from which the situation has held without interruption; null when unknown. */
    since: string | null;
  };
}[C];

export function alarm<C extends CaptureAlarmCode>(
  code: C,
  params: CaptureAlarmParams[C],
  message: string,
  since: string | null,
): CaptureAlarm<C> {
  return { code, severity: ALARM_SEVERITY[code], params, message, since } as CaptureAlarm<C>;
}
