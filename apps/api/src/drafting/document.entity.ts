import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { AffiliationSnapshot, ClauseKind } from '@parley/domain';
import type { ConsolidationReport, DocumentStatus, UnLanguage } from '@parley/contracts';

@Entity('documents')
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'working_group_id', type: 'uuid' }) workingGroupId: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) status: DocumentStatus;
  @Column({ name: 'current_version', type: 'int' }) currentVersion: number;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'author_snapshot', type: 'jsonb' }) authorSnapshot: AffiliationSnapshot;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** The language the text is negotiated in (decision 0045); `en` for documents written before. */
  @Column({ name: 'original_language', type: 'text', default: 'en' }) originalLanguage: UnLanguage;
}

/** A version is immutable once written (the database refuses edits except marking it adopted, once). */
@Entity('document_versions')
export class DocumentVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId: string;
  @Column({ type: 'int' }) number: number;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'author_snapshot', type: 'jsonb' }) authorSnapshot: AffiliationSnapshot;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'jsonb', nullable: true }) consolidation: ConsolidationReport | null;
  /** What its maker wrote when consolidating it. */
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'adopted_at', type: 'timestamptz', nullable: true }) adoptedAt: Date | null;
  @Column({ name: 'adoption_ballot_id', type: 'uuid', nullable: true }) adoptionBallotId: string | null;
  /** Set instead of the ballot when a silence procedure adopted the version (decision 0036). */
  @Column({ name: 'adoption_silence_id', type: 'uuid', nullable: true }) adoptionSilenceId: string | null;
}

@Entity('version_clauses')
export class VersionClauseEntity {
  @PrimaryColumn({ name: 'version_id', type: 'uuid' }) versionId: string;
  @PrimaryColumn({ name: 'clause_id', type: 'uuid' }) clauseId: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'text' }) kind: ClauseKind;
  @Column({ type: 'text' }) text: string;
}
