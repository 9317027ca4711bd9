import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AffiliationSnapshot } from '@parley/domain';

@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryColumn() scope: string;
  @PrimaryColumn({ type: 'bigint' }) sequence: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ name: 'actor_name', type: 'text', nullable: true }) actorName: string | null;
  @Column({ name: 'actor_snapshot', type: 'jsonb', nullable: true }) actorSnapshot: AffiliationSnapshot | null;
  @Column() action: string;
  @Column({ name: 'subject_type' }) subjectType: string;
  @Column({ name: 'subject_id' }) subjectId: string;
  @Column({ type: 'jsonb' }) change: Record<string, unknown>;
  @Column({ name: 'change_digest', type: 'char', length: 64 }) changeDigest: string;
  @Column({ name: 'previous_hash', type: 'char', length: 64 }) previousHash: string;
  @Column({ type: 'char', length: 64 }) hash: string;
}
