import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { BallotStatus, BallotSubjectDetails } from '@parley/contracts';
import type { AffiliationSnapshot, BallotOutcome, BallotResult, BallotSubjectKind, CountingUnit, DecisionRule, StakeholderGroup, VoteChoice } from '@parley/domain';
import type { BallotTallyMode, BallotVisibility } from './open-ballot-spec';

/** numeric columns arrive as strings from pg. */
const numeric = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity('ballots')
export class BallotEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'working_group_id', type: 'uuid' }) workingGroupId: string;
  @Column({ name: 'subject_type', type: 'text' }) subjectType: BallotSubjectKind;
  @Column({ name: 'subject_id', type: 'uuid', nullable: true }) subjectId: string | null;
  /** What the ballot is about, as data (see BallotSubjectDetails); null on free motions and older ballots. */
  @Column({ name: 'subject_details', type: 'jsonb', nullable: true }) subjectDetails: BallotSubjectDetails | null;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text' }) rule: DecisionRule;
  @Column({ name: 'counting_unit', type: 'text' }) countingUnit: CountingUnit;
  @Column({ type: 'numeric', precision: 5, scale: 4, transformer: numeric }) quorum: number;
  @Column({ name: 'quorum_per_stakeholder_group', type: 'boolean' }) quorumPerStakeholderGroup: boolean;
  @Column({ type: 'text' }) visibility: BallotVisibility;
  @Column({ type: 'text' }) tallies: BallotTallyMode;
  @Column({ name: 'require_reason_for_no', type: 'boolean' }) requireReasonForNo: boolean;
  @Column({ type: 'jsonb', nullable: true }) warnings: unknown;
  @Column({ name: 'opened_by', type: 'uuid' }) openedBy: string;
  @Column({ name: 'opened_by_snapshot', type: 'jsonb', nullable: true }) openedBySnapshot: AffiliationSnapshot | null;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt: Date;
  @Column({ name: 'closes_at', type: 'timestamptz' }) closesAt: Date;
  @Column({ name: 'electorate_size', type: 'int' }) electorateSize: number;
  @Column({ type: 'text' }) status: BallotStatus;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'closed_by', type: 'uuid', nullable: true }) closedBy: string | null;
  /** Why a chair closed it before its closing time. */
  @Column({ name: 'close_reason', type: 'text', nullable: true }) closeReason: string | null;
  /** Stored once at close; never recomputed. */
  @Column({ type: 'jsonb', nullable: true }) result: BallotResult | null;
  @Column({ type: 'text', nullable: true }) outcome: BallotOutcome | null;
}

/** A member of a ballot's frozen electorate. */
@Entity('ballot_electors')
export class BallotElectorEntity {
  @PrimaryColumn({ name: 'ballot_id', type: 'uuid' }) ballotId: string;
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'jsonb' }) snapshot: AffiliationSnapshot;
  @Column({ name: 'stakeholder_group', type: 'text' }) stakeholderGroup: StakeholderGroup;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
}

/** A voter's current vote on a ballot (one row per voter per ballot). */
@Entity('votes')
export class VoteEntity {
  @PrimaryColumn({ name: 'ballot_id', type: 'uuid' }) ballotId: string;
  @PrimaryColumn({ name: 'voter_id', type: 'uuid' }) voterId: string;
  @Column({ type: 'text' }) choice: VoteChoice;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  /** The voter's affiliation when they cast or last changed the vote. */
  @Column({ type: 'jsonb', nullable: true }) snapshot: AffiliationSnapshot | null;
  @Column({ type: 'text' }) salt: string;
  @Column({ name: 'cast_at', type: 'timestamptz' }) castAt: Date;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt: Date;
  @Column({ type: 'int' }) changes: number;
  /** Who cast it by proxy for the voter, with their affiliation then, and under which proxy (decision record 0040); null when the voter cast it. */
  @Column({ name: 'cast_by', type: 'uuid', nullable: true }) castBy: string | null;
  @Column({ name: 'cast_by_snapshot', type: 'jsonb', nullable: true }) castBySnapshot: AffiliationSnapshot | null;
  @Column({ name: 'proxy_id', type: 'uuid', nullable: true }) proxyId: string | null;
}
