import { z } from 'zod';
import type { StatedRefusal } from './refusals/catalogue';
import {
  AMENDMENT_KINDS,
  COUNTING_UNITS,
  DECISION_RULES,
  VOTE_CHOICES,
  type AffiliationSnapshot,
  type BallotOutcome,
  type BallotSubjectKind,
  type BallotResult,
  type ChoiceCounts,
  type ControlledBallotResult,
  type CountingUnit,
  type DisclosureControl,
  type DecisionRule,
  type Participation,
  type StakeholderGroupBreakdown,
  type VoteChoice,
} from '@parley/domain';
import { lineText, text, uuid } from './common';

/**
 * What a ballot opened for a subject is about, in data rather than words, so each reader's language
 * can say it ("Amendment: replace clause 4. of “…” (version 1)"). Recorded when the ballot opens (the
 * document title and names as they were then); free motions have none and keep their written title.
 * The schema also reads it back from `ballot.opened` audit events, whose change is untrusted data.
 */
export const ballotSubjectDetails = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('amendment'),
    kind: z.enum(AMENDMENT_KINDS),
    /** The target clause's label ("4."); null when inserting at the start or when the clause has no label. */
    clauseLabel: z.string().max(50).nullable(),
    /** An insertion at the start of the text (no clause to insert after). */
    atStart: z.boolean(),
    documentTitle: z.string().max(500),
    version: z.number().int().positive(),
  }),
  z.object({ type: z.literal('adoption'), documentTitle: z.string().max(500), version: z.number().int().positive() }),
  z.object({ type: z.literal('chair-confirmation'), personName: z.string().max(300), organisationName: z.string().max(300), groupName: z.string().max(300) }),
  z.object({ type: z.literal('chair-removal'), personName: z.string().max(300), organisationName: z.string().max(300), groupName: z.string().max(300) }),
]);
export type BallotSubjectDetails = z.infer<typeof ballotSubjectDetails>;

export const BALLOT_VISIBILITY = ['roll-call', 'secret'] as const;
export type BallotVisibilityKind = (typeof BALLOT_VISIBILITY)[number];

export const BALLOT_TALLIES = ['live', 'hidden-until-close'] as const;
export type BallotTallies = (typeof BALLOT_TALLIES)[number];

export const BALLOT_STATUSES = ['open', 'closed'] as const;
export type BallotStatus = (typeof BALLOT_STATUSES)[number];

/**
 * A chair opens a free motion here. Ballots on other subjects (amendments, adoption, chairs) are
 * opened by their own flows. Unset terms take the group's settings (rule and quorum) or the
 * defaults: one vote per person, roll-call, live tallies, no reason needed for `no`.
 */
export const openBallotRequest = z.strictObject({
  workingGroupId: uuid,
  subjectType: z.literal('motion'),
  title: lineText(300, 3),
  description: text(20000).optional(),
  rule: z.enum(DECISION_RULES).optional(),
  countingUnit: z.enum(COUNTING_UNITS).optional(),
  /** Share (0..1) of the electorate that must take part; 0 for none. */
  quorum: z.number().min(0).max(1).optional(),
  quorumPerStakeholderGroup: z.boolean().optional(),
  visibility: z.enum(BALLOT_VISIBILITY).optional(),
  tallies: z.enum(BALLOT_TALLIES).optional(),
  requireReasonForNo: z.boolean().optional(),
  closesAt: z.iso.datetime({ offset: true }),
});
export type OpenBallotRequest = z.infer<typeof openBallotRequest>;

export const castVoteRequest = z.strictObject({
  choice: z.enum(VOTE_CHOICES),
  reason: text(4000).nullable().optional(),
});
export type CastVoteRequest = z.infer<typeof castVoteRequest>;

export const ballotListQuery = z.strictObject({
  status: z.enum(BALLOT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type BallotListQuery = z.infer<typeof ballotListQuery>;

export const rollCallQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(400).optional(),
});
export type RollCallQuery = z.infer<typeof rollCallQuery>;

// ---------- responses ----------

export interface BallotPersonRef {
  id: string;
  name: string;
}

/** The terms a ballot was opened with; they never change. */
export interface BallotTerms {
  rule: DecisionRule;
  countingUnit: CountingUnit;
  /** Share (0..1) of the electorate that must take part; null when there is no quorum. */
  quorum: number | null;
  quorumPerStakeholderGroup: boolean;
  visibility: BallotVisibilityKind;
  tallies: BallotTallies;
  requireReasonForNo: boolean;
}

export interface BallotSummary extends BallotTerms {
  id: string;
  workingGroupId: string;
  /** `details` says what the ballot is about, for a title in the reader's language; null on free motions and on ballots opened before it was recorded. */
  subject: { type: BallotSubjectKind; id: string | null; details: BallotSubjectDetails | null };
  /** As written when the ballot opened (English for ballots the system opened on a subject). */
  title: string;
  status: BallotStatus;
  openedAt: string;
  closesAt: string;
  closedAt: string | null;
  outcome: BallotOutcome | null;
  electorateSize: number;
  /** Voters who have voted (never what they chose). */
  votesCast: number;
}

/** A running tally, aggregated in the database (counting units: people, or organisations). */
export interface RunningTally {
  countingUnit: CountingUnit;
  totals: ChoiceCounts;
  participation: Participation;
  byStakeholderGroup: StakeholderGroupBreakdown[];
}

export interface MyVote {
  /** Null on a secret ballot: no endpoint returns a secret choice, not even to its voter. */
  choice: VoteChoice | null;
  reason: string | null;
  castAt: string;
  changedAt: string;
  changes: number;
}

/**
 * The stored result. On a secret ballot only totals and breakdowns by stakeholder group and
 * sub-type are published (byOrganisation is empty), under disclosure control: a row that could
 * tell someone's vote has `withheld: true` and null counts, and `disclosureControl` says the
 * threshold and which rows (decision record 0014). The roll call is never part of it (see the
 * roll-call list).
 */
export type PublishedResult = Omit<BallotResult | ControlledBallotResult, 'rollCall'> &
  Pick<ControlledBallotResult, 'byStakeholderGroup' | 'bySubtype'> & { disclosureControl?: DisclosureControl };

export interface BallotResponse extends BallotSummary {
  workingGroup: { id: string; name: string };
  description: string | null;
  openedBy: BallotPersonRef & { snapshot: AffiliationSnapshot | null };
  closedBy: BallotPersonRef | null;
  /** Recorded when the ballot opened (e.g. unanswered clarification questions). */
  warnings: unknown;
  /** Null when tallies are hidden until close, on a secret ballot, or once closed (see result). */
  runningTally: RunningTally | null;
  /** The signed-in person's place in this ballot. */
  me: {
    inElectorate: boolean;
    /** The snapshot they vote under (frozen when the ballot opened). */
    snapshot: AffiliationSnapshot | null;
    vote: MyVote | null;
  } | null;
  /** What the signed-in person may do now: true, or the reason why not. */
  can: { vote: true | StatedRefusal; close: true | StatedRefusal };
  /** First page of the roll call (roll-call ballots only). */
  rollCall: RollCallPage | null;
  result: PublishedResult | null;
}

export interface RollCallEntryResponse {
  voter: BallotPersonRef;
  /** The voter's affiliation frozen when the ballot opened (the one counted). */
  snapshot: AffiliationSnapshot;
  voted: boolean;
  /** Null when the voter has not voted, or while tallies are hidden until close. */
  choice: VoteChoice | null;
  reason: string | null;
  changedAt: string | null;
}

export interface RollCallPage {
  /** False while tallies are hidden until close: who voted is shown, not what. */
  choicesVisible: boolean;
  items: RollCallEntryResponse[];
  nextCursor: string | null;
}

export interface VoteResponse {
  ballotId: string;
  /** `vote.cast` for a first vote, `vote.changed` for a change. */
  action: 'vote.cast' | 'vote.changed';
  vote: MyVote;
}

export interface BallotListResponse {
  items: BallotSummary[];
  nextCursor: string | null;
}
