import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';

@Entity('affiliations')
export class AffiliationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @ManyToOne(() => OrganisationEntity, { eager: false })
  @JoinColumn({ name: 'organisation_id' })
  organisation: OrganisationEntity;
  @Column() title: string;
  @Column({ name: 'start_date', type: 'date' }) startDate: string;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate: string | null;
  @Column({ name: 'is_primary' }) isPrimary: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
