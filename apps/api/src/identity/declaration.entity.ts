import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeclarationKind } from '@parley/contracts';

@Entity('declarations')
export class DeclarationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @Column({ type: 'text' }) kind: DeclarationKind;
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId: string | null;
  @Column({ name: 'organisation_name' }) organisationName: string;
  @Column() note: string;
  @Column({ type: 'date', nullable: true }) since: string | null;
  @Column({ name: 'declared_at', type: 'timestamptz' }) declaredAt: Date;
}
