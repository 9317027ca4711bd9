import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AffiliationSnapshot } from '@parley/domain';

/** An organisation's endorsement of an adopted version. Never deleted or edited; withdrawn once at most. */
@Entity('endorsements')
export class EndorsementEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'working_group_id', type: 'uuid' }) workingGroupId: string;
  @Column({ name: 'document_id', type: 'uuid' }) documentId: string;
  @Column({ name: 'version_number', type: 'int' }) versionNumber: number;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column({ name: 'endorsed_by', type: 'uuid' }) endorsedBy: string;
  /** The endorser's affiliation to the endorsing organisation, at that moment. */
  @Column({ name: 'endorser_snapshot', type: 'jsonb' }) endorserSnapshot: AffiliationSnapshot;
  @Column({ name: 'endorsed_at', type: 'timestamptz' }) endorsedAt: Date;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true }) withdrawnBy: string | null;
  @Column({ name: 'withdrawer_snapshot', type: 'jsonb', nullable: true }) withdrawerSnapshot: AffiliationSnapshot | null;
  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true }) withdrawalReason: string | null;
}
