import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';
import type { OrganisationSubtype, StakeholderGroup } from '../identity/stakeholders';

export const VOTE_CHOICES = ['yes', 'no', 'abstain', 'recuse'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** What a counting unit (a person, or an organisation) did: one of the choices, or nothing. */
export type UnitChoice = VoteChoice | 'notVoted';

export const COUNTING_UNITS = ['person', 'organisation'] as const;
export type CountingUnit = (typeof COUNTING_UNITS)[number];

export const DECISION_RULES = ['majority', 'supermajority', 'chambered', 'consensus'] as const;
export type DecisionRule = (typeof DECISION_RULES)[number];

/** What a ballot decides; a working group sets a decision rule for each kind. */
export const BALLOT_SUBJECT_KINDS = ['amendment', 'adoption', 'chair-confirmation', 'chair-removal', 'motion', 'recommendations', 'division'] as const;
export type BallotSubjectKind = (typeof BALLOT_SUBJECT_KINDS)[number];

/** The spec's defaults: amendments (and sets of recommendations on them) by majority; adoption and chairs by a majority in each stakeholder group. */
export const DEFAULT_DECISION_RULES: Readonly<Record<BallotSubjectKind, DecisionRule>> = Object.freeze({
  amendment: 'majority',
  adoption: 'chambered',
  'chair-confirmation': 'chambered',
  'chair-removal': 'chambered',
  motion: 'majority',
  /** One ballot adopting a set of the chair's recommendations on amendments: as amendments are decided. */
  recommendations: 'majority',
  /** A separate ballot on a set of clauses of a version ("retain these paragraphs?", decision 0038): as amendments are decided. */
  division: 'majority',
});

export const BALLOT_OUTCOMES = ['passed', 'failed', 'no-quorum'] as const;
export type BallotOutcome = (typeof BALLOT_OUTCOMES)[number];

/** A member of the electorate, fixed when the ballot opened, with their affiliation at that moment. */
export interface Voter {
  voterId: string;
  snapshot: AffiliationSnapshot;
}

/** A voter's final vote (when a vote was changed, pass the last one, or all of them in order: the last wins). */
export interface Vote {
  voterId: string;
  choice: VoteChoice;
  reason?: string | null;
}

export interface BallotQuorum {
  /** Share (0..1) of the electorate that must take part (yes + no + abstain); recusals leave the base. */
  share: number;
  /** Only meaningful under `chambered`: apply the share in each stakeholder group with eligible voters. */
  perStakeholderGroup?: boolean;
}

export interface TallyInput {
  electorate: readonly Voter[];
  votes: readonly Vote[];
  countingUnit: CountingUnit;
}

export interface BallotInput extends TallyInput {
  rule: DecisionRule;
  quorum: BallotQuorum | null;
}

export interface ChoiceCounts {
  yes: number;
  no: number;
  abstain: number;
  recuse: number;
  notVoted: number;
}

export interface BreakdownCounts extends ChoiceCounts {
  /** Counting units in this row (people, or organisations under the `organisation` unit). */
  eligible: number;
}

export interface StakeholderGroupBreakdown extends BreakdownCounts {
  stakeholderGroup: StakeholderGroup;
}

export interface SubtypeBreakdown extends BreakdownCounts {
  stakeholderGroup: StakeholderGroup;
  subtype: OrganisationSubtype;
}

export interface OrganisationBreakdown extends BreakdownCounts {
  organisationId: string;
  organisationName: string;
  stakeholderGroup: StakeholderGroup;
  subtype: OrganisationSubtype;
  /** The people behind the row, always counted per person (shows packing under the `organisation` unit). */
  voters: BreakdownCounts;
}

/** One electorate member's vote as cast (null: did not vote), with the reason kept. */
export interface RollCallEntry {
  voterId: string;
  snapshot: AffiliationSnapshot;
  choice: VoteChoice | null;
  reason: string | null;
}

export interface Participation {
  /** Counting units that took part: yes + no + abstain. */
  participants: number;
  /** The electorate (in counting units) less those who recused. */
  base: number;
  /** participants / base; null when the base is empty. */
  ratio: number | null;
}

export interface BallotTally {
  countingUnit: CountingUnit;
  electorate: { size: number; people: number; organisations: number };
  totals: ChoiceCounts;
  participation: Participation;
  byStakeholderGroup: StakeholderGroupBreakdown[];
  bySubtype: SubtypeBreakdown[];
  byOrganisation: OrganisationBreakdown[];
  rollCall: RollCallEntry[];
  /** Votes from people outside the electorate, which were not counted. */
  ignoredVoterIds: string[];
}

export interface ShareFraction {
  numerator: number;
  denominator: number;
}

export interface QuorumCheck {
  participants: number;
  base: number;
  /** Fewest participants that meet the share: ceil(share × base), and at least one when the share is above 0. */
  needed: number;
  met: boolean;
}

export interface GroupQuorumCheck extends QuorumCheck {
  stakeholderGroup: StakeholderGroup;
}

export interface QuorumResult {
  share: number;
  /** The share as the exact fraction the comparison used. */
  fraction: ShareFraction;
  /** True when the share was applied in each stakeholder group (chambered rule only). */
  perStakeholderGroup: boolean;
  overall: QuorumCheck;
  /** Each stakeholder group with eligible voters, when applied per group; otherwise null. */
  byStakeholderGroup: GroupQuorumCheck[] | null;
  met: boolean;
}

export interface ChamberTally {
  stakeholderGroup: StakeholderGroup;
  yes: number;
  no: number;
  abstain: number;
  recuse: number;
  passed: boolean;
}

/**
 * `withheldGroups` (secret ballots only, see disclosure-control.ts): stakeholder groups whose
 * counts are not published; they are left out of `groups` and `failedGroups`.
 *
 * The explanation in machine form, so the web can say it in any language. The first part states
 * the outcome and why; later parts are notes. `renderExplanation` gives the English sentence.
 */
export type ExplanationPart =
  | { code: 'quorum-not-met'; outcome: 'no-quorum'; participants: number; base: number; recused: number; needed: number; share: ShareFraction }
  | { code: 'group-quorum-not-met'; outcome: 'no-quorum'; share: ShareFraction; groups: GroupQuorumCheck[]; withheldGroups?: StakeholderGroup[] }
  | { code: 'nobody-took-part'; outcome: 'failed'; electorate: number; recused: number }
  | { code: 'majority'; outcome: 'passed' | 'failed'; yes: number; no: number; abstain: number; recuse: number }
  | { code: 'supermajority'; outcome: 'passed' | 'failed'; yes: number; no: number; abstain: number; recuse: number; needed: number }
  | { code: 'chambered'; outcome: 'passed' | 'failed'; groups: ChamberTally[]; failedGroups: StakeholderGroup[]; withheldGroups?: StakeholderGroup[] }
  | { code: 'consensus'; outcome: 'passed' | 'failed'; yes: number; no: number; abstain: number; recuse: number }
  | { code: 'groups-without-voters'; groups: StakeholderGroup[] }
  | { code: 'counted-by-organisation'; organisations: number; people: number };

export type ExplanationCode = ExplanationPart['code'];

export interface BallotResult extends BallotTally {
  rule: DecisionRule;
  /** Null when the ballot has no quorum. */
  quorum: QuorumResult | null;
  /** True when there is no quorum to meet. */
  quorumMet: boolean;
  outcome: BallotOutcome;
  /** English sentence; the same content as `explanationParts`. */
  explanation: string;
  explanationParts: ExplanationPart[];
}
