import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AffiliationSnapshot } from '@parley/domain';
import type { CommentKind, Disposition, RecordedMention, UnLanguage } from '@parley/contracts';

@Entity('comments')
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId: string;
  @Column({ name: 'version_number', type: 'int' }) versionNumber: number;
  @Column({ name: 'clause_id', type: 'uuid' }) clauseId: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @Column({ type: 'text' }) kind: CommentKind;
  @Column({ type: 'text' }) body: string;
  /** The UN language the body was written in (decision 0047); null = unknown. */
  @Column({ name: 'written_language', type: 'text', nullable: true }) writtenLanguage: UnLanguage | null;
  @Column({ type: 'text', nullable: true }) quote: string | null;
  @Column({ name: 'quote_start', type: 'int', nullable: true }) quoteStart: number | null;
  @Column({ name: 'quote_end', type: 'int', nullable: true }) quoteEnd: number | null;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @Column({ name: 'author_snapshot', type: 'jsonb' }) authorSnapshot: AffiliationSnapshot;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** The members the body mentions, with their affiliation when mentioned (issue #20). */
  @Column({ type: 'jsonb', default: () => "'[]'" }) mentions: RecordedMention[];
  @Column({ type: 'text', nullable: true }) disposition: Disposition | null;
  @Column({ name: 'disposition_reason', type: 'text', nullable: true }) dispositionReason: string | null;
  @Column({ name: 'disposed_by', type: 'uuid', nullable: true }) disposedBy: string | null;
  @Column({ name: 'disposer_snapshot', type: 'jsonb', nullable: true }) disposerSnapshot: AffiliationSnapshot | null;
  @Column({ name: 'disposed_at', type: 'timestamptz', nullable: true }) disposedAt: Date | null;
}
