import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ConfirmationStatus, ConfirmerRole } from '@parley/domain';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { IdentityProviderEntity } from './institutional/identity-provider.entity';
import { PersonEntity } from './person.entity';

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
  // Where the affiliation stands with its organisation (written by AffiliationConfirmationService only).
  @Column({ name: 'confirmation_status', type: 'text', insert: false, default: 'pending' }) confirmationStatus: ConfirmationStatus;
  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true, insert: false }) confirmedBy: string | null;
  @Column({ name: 'confirmed_as', type: 'text', nullable: true, insert: false }) confirmedAs: ConfirmerRole | null;
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true, insert: false }) confirmedAt: Date | null;
  @Column({ name: 'confirmation_reason', type: 'text', nullable: true, insert: false }) confirmationReason: string | null;
  @Column({ name: 'confirmation_closed_by', type: 'uuid', nullable: true, insert: false }) closedBy: string | null;
  @Column({ name: 'confirmation_closed_as', type: 'text', nullable: true, insert: false }) closedAs: ConfirmerRole | null;
  @Column({ name: 'confirmation_closed_at', type: 'timestamptz', nullable: true, insert: false }) closedAt: Date | null;
  @Column({ name: 'confirmation_closed_reason', type: 'text', nullable: true, insert: false }) closedReason: string | null;
  /** Loaded with every read: a snapshot names who confirmed the affiliation. */
  @ManyToOne(() => PersonEntity, { eager: true, nullable: true })
  @JoinColumn({ name: 'confirmed_by' })
  confirmer: PersonEntity | null;
  @ManyToOne(() => PersonEntity, { eager: true, nullable: true })
  @JoinColumn({ name: 'confirmation_closed_by' })
  closer: PersonEntity | null;
  // An identity provider's confirmation (decision record 0049) names the provider instead of a person.
  @Column({ name: 'confirmed_by_provider', type: 'uuid', nullable: true, insert: false }) confirmedByProvider: string | null;
  @Column({ name: 'confirmation_closed_by_provider', type: 'uuid', nullable: true, insert: false }) closedByProvider: string | null;
  @ManyToOne(() => IdentityProviderEntity, { eager: true, nullable: true })
  @JoinColumn({ name: 'confirmed_by_provider' })
  confirmingProvider: IdentityProviderEntity | null;
  @ManyToOne(() => IdentityProviderEntity, { eager: true, nullable: true })
  @JoinColumn({ name: 'confirmation_closed_by_provider' })
  closingProvider: IdentityProviderEntity | null;
}

/** The entity's confirmation fields: never given when an affiliation is declared (it starts pending). */
export type AffiliationConfirmationFields =
  | 'confirmationStatus'
  | 'confirmedBy'
  | 'confirmedAs'
  | 'confirmedAt'
  | 'confirmationReason'
  | 'closedBy'
  | 'closedAs'
  | 'closedAt'
  | 'closedReason'
  | 'confirmer'
  | 'closer'
  | 'confirmedByProvider'
  | 'closedByProvider'
  | 'confirmingProvider'
  | 'closingProvider';
