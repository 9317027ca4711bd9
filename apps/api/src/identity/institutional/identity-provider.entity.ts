import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An identity provider as an affiliation it confirmed names it (the rest is read by IdentityProviderRepository). */
@Entity('identity_providers')
export class IdentityProviderEntity {
  @PrimaryColumn('uuid') id: string;
  @Column() name: string;
}
