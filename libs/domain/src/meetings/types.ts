import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';
import type { StakeholderGroup } from '../identity/stakeholders';

/**
 * Meetings of a working group (issue #21, decision 0043). The interface says "session" (French
 * "séance"); the code says meeting, so that it is never confused with a sign-in session.
 */
export const MEETING_STATUSES = ['planned', 'open', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** How an attendee takes part. */
export const ATTENDANCE_MODES = ['in-person', 'online'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

/** A request for the floor: a speech on the item, or a point of order, which goes ahead of every speech. */
export const FLOOR_KINDS = ['speech', 'point-of-order'] as const;
export type FloorKind = (typeof FLOOR_KINDS)[number];

/** waiting → speaking → done; waiting → withdrawn. At most one request of a meeting is speaking. */
export const FLOOR_STATES = ['waiting', 'speaking', 'done', 'withdrawn'] as const;
export type FloorState = (typeof FLOOR_STATES)[number];

/** One turn at the floor as the speaking-time rules read it. */
export interface SpokenTurn {
  personId: string;
  snapshot: AffiliationSnapshot;
  kind: FloorKind;
  /** Whole seconds; for the turn under way, the seconds so far. */
  seconds: number;
}

/** Speaking time of one stakeholder group or organisation. */
export interface SpeakingShare {
  seconds: number;
  /** Of all the meeting's speaking time, 0..1 (0 when nobody has spoken). */
  share: number;
  turns: number;
}

export interface StakeholderGroupSpeakingTime extends SpeakingShare {
  stakeholderGroup: StakeholderGroup;
}

export interface OrganisationSpeakingTime extends SpeakingShare {
  organisationId: string;
  organisationName: string;
  stakeholderGroup: StakeholderGroup;
}

/** One stakeholder group holding more than the cap share of the floor. */
export interface SpeakingTimeAlarm {
  stakeholderGroup: StakeholderGroup;
  share: number;
  cap: number;
}

export interface SpeakingTime {
  totalSeconds: number;
  turns: number;
  byStakeholderGroup: StakeholderGroupSpeakingTime[];
  byOrganisation: OrganisationSpeakingTime[];
  /** The group's composition cap (CompositionCaps.maxStakeholderGroupShare, resolved). */
  cap: number;
  alarms: SpeakingTimeAlarm[];
}

/** Who counts towards a meeting's quorum: the group's voting members, and which of them are present. */
export interface QuorumInput {
  /** The share of voting members that must be present (the group's ballot quorum). */
  quorum: number;
  perStakeholderGroup: boolean;
  votingMembers: { personId: string; stakeholderGroup: StakeholderGroup }[];
  presentPersonIds: ReadonlySet<string>;
}

export interface QuorumGroupStanding {
  stakeholderGroup: StakeholderGroup;
  present: number;
  members: number;
  met: boolean;
}

export interface MeetingQuorum {
  quorum: number;
  present: number;
  members: number;
  /** Present voting members needed (ceil of quorum × members; 0 when the group has none). */
  needed: number;
  met: boolean;
  /** With `quorumPerStakeholderGroup`: each stakeholder group with voting members must reach the share. */
  byStakeholderGroup: QuorumGroupStanding[] | null;
}
