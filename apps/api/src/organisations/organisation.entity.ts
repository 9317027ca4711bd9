import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrganisationSubtype, StakeholderGroup } from '@parley/domain';

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
  @Column({ name: 'stakeholder_group', type: 'text' }) stakeholderGroup: StakeholderGroup;
  @Column({ type: 'text' }) subtype: OrganisationSubtype;
  @Column({ type: 'char', length: 2, nullable: true }) country: string | null;
  @Column({ type: 'text', nullable: true }) website: string | null;
  @Column({ name: 'lobbying_register_id', type: 'text', nullable: true }) lobbyingRegisterId: string | null;
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true }) verifiedAt: Date | null;
  @Column({ name: 'verified_by', type: 'uuid', nullable: true }) verifiedBy: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
