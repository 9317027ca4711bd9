import { BALLOT_TALLIES, BALLOT_VISIBILITY, type AdoptionWarningsRecord, type BallotSubjectDetails, type BallotTallies, type BallotVisibilityKind } from '@parley/contracts';
import type { BallotSubjectKind, CountingUnit, DecisionRule } from '@parley/domain';
import type { Tx } from '../audit/audited-transaction';

// The contracts' lists, under the names the decisions context reads them by.
export const BALLOT_VISIBILITIES = BALLOT_VISIBILITY;
export type BallotVisibility = BallotVisibilityKind;
export const BALLOT_TALLY_MODES = BALLOT_TALLIES;
export type BallotTallyMode = BallotTallies;

/**
 * What another context (working groups, drafting) asks for when it opens a ballot inside its own
 * transaction, through `BallotService.openInTransaction(tx, actorId, spec)`:
 *
 *   const { id } = await this.ballots.openInTransaction(tx, actor.id, {
 *     workingGroupId, subjectType: 'chair-confirmation', subjectId: nomination.id,
 *     title: `Confirm ${name} as chair`,
 *     subjectDetails: { type: 'chair-confirmation', personName, organisationName, groupName }, closesAt,
 *   });
 *
 * The call freezes the electorate (the group's voting members now, with their snapshots) and records
 * `ballot.opened` in the group's chain. It does not check who the actor is: the calling use case has
 * already decided they may open it. It throws a ProblemException (400) when the spec is invalid
 * (closing time not in the future, quorum outside 0..1, unknown group).
 * When the ballot closes, the handler registered in `BallotSubjects` for `subjectType` is called
 * inside the closing transaction.
 */
export interface OpenBallotSpec {
  workingGroupId: string;
  subjectType: BallotSubjectKind;
  /** The subject's id (a nomination, an amendment, a version); null for a free motion. */
  subjectId: string | null;
  /** In English, for API clients and the audit record. */
  title: string;
  /** What the ballot is about, as data, so each reader's language can say the title; its `type` is `subjectType`. Omitted for free motions. */
  subjectDetails?: BallotSubjectDetails;
  description?: string;
  /** Default: the group's decision_rules[subjectType]. */
  rule?: DecisionRule;
  /** Default: 'person'. */
  countingUnit?: CountingUnit;
  /** Share (0..1) of the electorate that must take part. Default: the group's quorum. 0 means no quorum. */
  quorum?: number;
  /** Apply the quorum in each stakeholder group (meaningful under `chambered`). Default: the group's setting. */
  quorumPerStakeholderGroup?: boolean;
  /** Default: 'roll-call'. */
  visibility?: BallotVisibility;
  /** Default: 'live'. */
  tallies?: BallotTallyMode;
  /** Default: false. */
  requireReasonForNo?: boolean;
  closesAt: Date;
  /** Recorded as is in the `ballot.opened` event: the warnings a chair acknowledged opening an adoption ballot. */
  warnings?: AdoptionWarningsRecord;
}

export interface OpenedBallot {
  id: string;
}

/** The part of `BallotService` other contexts call (it implements this interface). */
export interface BallotOpener {
  openInTransaction(tx: Tx, actorId: string, spec: OpenBallotSpec): Promise<OpenedBallot>;
}
