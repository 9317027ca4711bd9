import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AffiliationRecord } from '@parley/domain';
import { AffiliationEntity, type AffiliationConfirmationFields } from './affiliation.entity';
import { DeclarationEntity } from './declaration.entity';
import { PersonEntity } from './person.entity';

@Injectable()
export class PeopleRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  findById(id: string, manager?: EntityManager): Promise<PersonEntity | null> {
    return this.m(manager).getRepository(PersonEntity).findOneBy({ id });
  }

  findByEmail(email: string): Promise<PersonEntity | null> {
    return this.dataSource.getRepository(PersonEntity).findOneBy({ email: email.toLowerCase() });
  }

  async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM people WHERE email = $1`, [email])).length > 0;
  }

  async countPeople(manager: EntityManager): Promise<number> {
    const rows: { n: string }[] = await manager.query(`SELECT count(*) AS n FROM people`);
    return Number(rows[0].n);
  }

  insert(manager: EntityManager, p: { name: string; email: string; passwordHash: string | null; isSteward: boolean; createdAt: Date }): Promise<PersonEntity> {
    const repo = manager.getRepository(PersonEntity);
    return repo.save(repo.create(p));
  }

  async setSteward(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE people SET is_steward = true WHERE id = $1`, [id]);
  }

  affiliationsOf(personId: string, manager?: EntityManager): Promise<AffiliationEntity[]> {
    return this.m(manager)
      .getRepository(AffiliationEntity)
      .find({ where: { personId }, relations: { organisation: true }, order: { startDate: 'DESC', createdAt: 'DESC' } });
  }

  affiliationsOfMany(personIds: string[], manager?: EntityManager): Promise<AffiliationEntity[]> {
    if (personIds.length === 0) return Promise.resolve([]);
    return this.m(manager).getRepository(AffiliationEntity).find({ where: { personId: In(personIds) }, relations: { organisation: true } });
  }

  /**
   * Many people's affiliations as snapshots read them, in one plain query: the vote path reads
   * them for every batch, and the entity with its organisation and four eager relations cost more
   * CPU to hydrate than the rest of the vote (decision 0057).
   */
  async affiliationRecordsOf(personIds: string[], manager?: EntityManager): Promise<PersonAffiliationRecord[]> {
    if (personIds.length === 0) return [];
    const rows: Record<string, any>[] = await this.m(manager).query(affiliationRecordsSql('$1'), [personIds]);
    return rows.map(toPersonAffiliationRecord);
  }

  findAffiliation(manager: EntityManager, id: string, personId: string): Promise<AffiliationEntity | null> {
    return manager.getRepository(AffiliationEntity).findOne({ where: { id, personId }, relations: { organisation: true }, lock: { mode: 'pessimistic_write', tables: ['affiliations'] } });
  }

  insertAffiliation(manager: EntityManager, a: Omit<AffiliationEntity, 'id' | 'organisation' | AffiliationConfirmationFields>): Promise<AffiliationEntity> {
    const repo = manager.getRepository(AffiliationEntity);
    return repo.save(repo.create(a));
  }

  async clearPrimary(manager: EntityManager, personId: string): Promise<void> {
    await manager.query(`UPDATE affiliations SET is_primary = false WHERE person_id = $1 AND is_primary`, [personId]);
  }

  async setPrimary(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE affiliations SET is_primary = true WHERE id = $1`, [id]);
  }

  async endAffiliation(manager: EntityManager, id: string, endDate: string, keepPrimary: boolean): Promise<void> {
    await manager.query(`UPDATE affiliations SET end_date = $2, is_primary = (is_primary AND $3) WHERE id = $1`, [id, endDate, keepPrimary]);
  }

  /** Serialises affiliation changes of one person (one primary at most, snapshots consistent). */
  async lockPerson(manager: EntityManager, personId: string): Promise<void> {
    await manager.query(`SELECT 1 FROM people WHERE id = $1 FOR UPDATE`, [personId]);
  }

  declarationsOf(personId: string): Promise<DeclarationEntity[]> {
    return this.dataSource.getRepository(DeclarationEntity).find({ where: { personId }, order: { declaredAt: 'DESC' } });
  }

  insertDeclaration(manager: EntityManager, d: Omit<DeclarationEntity, 'id'>): Promise<DeclarationEntity> {
    const repo = manager.getRepository(DeclarationEntity);
    return repo.save(repo.create(d));
  }
}

export const toAffiliationRecord = (a: AffiliationEntity): AffiliationRecord => ({
  id: a.id,
  title: a.title,
  startDate: a.startDate,
  endDate: a.endDate,
  primary: a.isPrimary,
  ...confirmationOf(a),
  organisation: { id: a.organisation.id, name: a.organisation.name, stakeholderGroup: a.organisation.stakeholderGroup, subtype: a.organisation.subtype, country: a.organisation.country, verified: a.organisation.verifiedAt !== null },
});

/** An affiliation as a snapshot reads it, with whose it is. */
export type PersonAffiliationRecord = AffiliationRecord & { personId: string };

/**
 * The rows of toPersonAffiliationRecord: the affiliations of the people in the uuid[] parameter
 * `param` (a statement of its own, or a subquery of a larger one). Dates as ISO days.
 */
export const affiliationRecordsSql = (param: string) =>
  `SELECT a.person_id, a.id, a.title, a.start_date::text AS start_date, a.end_date::text AS end_date, a.is_primary, a.confirmation_status,
          a.confirmed_by, a.confirmed_by_provider, a.confirmed_as, a.confirmed_at, cp.name AS confirmer_name, ip.name AS provider_name,
          o.id AS organisation_id, o.name AS organisation_name, o.stakeholder_group, o.subtype, o.country, o.verified_at IS NOT NULL AS verified
     FROM affiliations a JOIN organisations o ON o.id = a.organisation_id
     LEFT JOIN people cp ON cp.id = a.confirmed_by LEFT JOIN identity_providers ip ON ip.id = a.confirmed_by_provider
    WHERE a.person_id = ANY(${param}::uuid[])`;

/** A row of affiliationRecordsSql (as read, or through json_agg: a time as text) as toAffiliationRecord makes it from the entity. */
export function toPersonAffiliationRecord(r: Record<string, any>): PersonAffiliationRecord {
  const status = r.confirmation_status ?? 'pending';
  // As confirmerOf: a person, else the identity provider that vouched; a name that is gone reads ''.
  const by = r.confirmed_by
    ? { id: r.confirmed_by as string, name: (r.confirmer_name as string | null) ?? '' }
    : r.confirmed_by_provider
      ? { id: r.confirmed_by_provider as string, name: (r.provider_name as string | null) ?? '' }
      : null;
  const confirmed = status === 'confirmed' && by !== null && r.confirmed_as != null && r.confirmed_at != null;
  return {
    personId: r.person_id,
    id: r.id,
    title: r.title,
    startDate: r.start_date,
    endDate: r.end_date ?? null,
    primary: r.is_primary,
    confirmationStatus: status,
    confirmation: confirmed ? { by: by!, as: r.confirmed_as, at: new Date(r.confirmed_at).toISOString() } : null,
    organisation: { id: r.organisation_id, name: r.organisation_name, stakeholderGroup: r.stakeholder_group, subtype: r.subtype, country: r.country ?? null, verified: r.verified },
  };
}

/** The affiliation's confirmation as a snapshot records it: who vouched for it, as what, when (null unless confirmed). */
export function confirmationOf(a: AffiliationEntity): Pick<AffiliationRecord, 'confirmationStatus' | 'confirmation'> {
  const status = a.confirmationStatus ?? 'pending';
  const by = confirmerOf(a);
  const confirmed = status === 'confirmed' && by !== null && a.confirmedAs !== null && a.confirmedAt !== null;
  return {
    confirmationStatus: status,
    confirmation: confirmed ? { by, as: a.confirmedAs!, at: a.confirmedAt!.toISOString() } : null,
  };
}

/** Who confirmed an affiliation: a person, or the identity provider that vouched for it (decision record 0049). */
export function confirmerOf(a: AffiliationEntity): { id: string; name: string } | null {
  if (a.confirmedBy) return { id: a.confirmedBy, name: a.confirmer?.name ?? '' };
  if (a.confirmedByProvider) return { id: a.confirmedByProvider, name: a.confirmingProvider?.name ?? '' };
  return null;
}

/** Who refused or ended an affiliation's confirmation: a person, or an identity provider that stopped vouching. */
export function closerOf(a: AffiliationEntity): { id: string; name: string } | null {
  if (a.closedBy) return { id: a.closedBy, name: a.closer?.name ?? '' };
  if (a.closedByProvider) return { id: a.closedByProvider, name: a.closingProvider?.name ?? '' };
  return null;
}
