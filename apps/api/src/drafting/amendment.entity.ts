import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { AffiliationSnapshot, AmendmentKind, BallotOutcome, ClauseKind } from '@parley/domain';
import type { AmendmentStatus, AmendmentStatusReason, UnLanguage } from '@parley/contracts';

@Entity('amendments')
export class AmendmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId: string;
  @Column({ type: 'text' }) kind: AmendmentKind;
  @Column({ name: 'base_version', type: 'int' }) baseVersion: number;
  @Column({ name: 'applies_to_version', type: 'int' }) appliesToVersion: number;
  @Column({ name: 'target_clause_id', type: 'uuid', nullable: true }) targetClauseId: string | null;
  @Column({ name: 'target_text', type: 'text', nullable: true }) targetText: string | null;
  @Column({ type: 'text', nullable: true }) text: string | null;
  @Column({ name: 'new_clause_kind', type: 'text', nullable: true }) newClauseKind: ClauseKind | null;
  @Column({ type: 'text' }) rationale: string;
  /** The UN language its text and rationale were written in (decision 0047); null = unknown. */
  @Column({ name: 'written_language', type: 'text', nullable: true }) writtenLanguage: UnLanguage | null;
  @Column({ type: 'text' }) status: AmendmentStatus;
  @Column({ name: 'status_note', type: 'text', nullable: true }) statusNote: string | null;
  @Column({ name: 'status_reason', type: 'jsonb', nullable: true }) statusReason: AmendmentStatusReason | null;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ name: 'author_snapshot', type: 'jsonb' }) authorSnapshot: AffiliationSnapshot;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'ballot_id', type: 'uuid', nullable: true }) ballotId: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'applied_in_version', type: 'int', nullable: true }) appliedInVersion: number | null;
}

@Entity('amendment_cosponsors')
export class AmendmentCosponsorEntity {
  @PrimaryColumn({ name: 'amendment_id', type: 'uuid' }) amendmentId: string;
  @PrimaryColumn({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ type: 'jsonb' }) snapshot: AffiliationSnapshot;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** Set once when the co-sponsor withdraws; the row stays (a later co-sponsorship is a new row). */
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
}

@Entity('adoption_ballots')
export class AdoptionBallotEntity {
  @PrimaryColumn({ name: 'ballot_id', type: 'uuid' }) ballotId: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId: string;
  @Column({ name: 'version_number', type: 'int' }) versionNumber: number;
  @Column({ name: 'opened_by', type: 'uuid' }) openedBy: string;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt: Date;
  @Column({ type: 'jsonb' }) warnings: object;
  @Column({ type: 'text', nullable: true }) outcome: BallotOutcome | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
}
