import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AffiliationRecord, AffiliationSnapshot, isAffiliationCurrent, isoDay, snapshotFromAffiliations } from '@parley/domain';
import type { AffiliationConfirmationResponse, AffiliationResponse, DeclarationResponse, PersonProfileResponse } from '@parley/contracts';
import type { AuditActor } from '../audit/audited-transaction';
import { Clock } from '../platform/clock/clock';
import { notFound } from '../platform/http/problem';
import { toOrganisationResponse } from '../organisations/organisation.mapper';
import type { AffiliationEntity } from './affiliation.entity';
import type { DeclarationEntity } from './declaration.entity';
import { closerOf, confirmerOf, PeopleRepository, toAffiliationRecord, type PersonAffiliationRecord } from './people.repository';

@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly clock: Clock,
  ) {}

  /** The actor's affiliation as it is at `now`, the snapshot every act records. */
  async snapshotOf(manager: EntityManager | undefined, personId: string, now: Date): Promise<AffiliationSnapshot | null> {
    // The plain records the vote path reads (decision 0057), not the entity with its eager relations:
    // every audited act reads its actor's snapshot.
    return (await this.snapshotsOf(manager, [personId], now)).get(personId) ?? null;
  }

  /** Snapshots of many people at once (electorates, member lists): one query, not one per person. */
  async snapshotsOf(manager: EntityManager | undefined, personIds: string[], now: Date): Promise<Map<string, AffiliationSnapshot>> {
    return snapshotsFromRecords(await this.people.affiliationRecordsOf(personIds, manager), now);
  }

  async auditActor(manager: EntityManager, personId: string, now: Date): Promise<AuditActor> {
    return this.auditActorWith(manager, personId, await this.snapshotOf(manager, personId, now));
  }

  /** The audit actor with the snapshot the caller has just read in the same transaction (one affiliation read, not two). */
  async auditActorWith(manager: EntityManager, personId: string, snapshot: AffiliationSnapshot | null): Promise<AuditActor> {
    const person = await this.people.findById(personId, manager);
    return { id: personId, name: person?.name ?? null, snapshot };
  }

  async profile(id: string): Promise<PersonProfileResponse> {
    const person = await this.people.findById(id);
    if (!person) throw notFound('person');
    const now = this.clock.now();
    const affiliations = await this.people.affiliationsOf(id);
    return {
      id: person.id,
      name: person.name,
      isSteward: person.isSteward,
      joinedAt: person.createdAt.toISOString(),
      currentSnapshot: snapshotFromAffiliations(affiliations.map(toAffiliationRecord), isoDay(now)),
      affiliations: affiliations.map((a) => toAffiliationResponse(a, now)),
      declarations: (await this.people.declarationsOf(id)).map(toDeclarationResponse),
    };
  }
}

/** Each person's snapshot at `now` from their affiliations (who has no current one is left out). */
export function snapshotsFromRecords(records: PersonAffiliationRecord[], now: Date): Map<string, AffiliationSnapshot> {
  const byPerson = new Map<string, AffiliationRecord[]>();
  for (const a of records) {
    const list = byPerson.get(a.personId);
    if (list) list.push(a);
    else byPerson.set(a.personId, [a]);
  }
  const result = new Map<string, AffiliationSnapshot>();
  for (const [personId, list] of byPerson) {
    const s = snapshotFromAffiliations(list, isoDay(now));
    if (s) result.set(personId, s);
  }
  return result;
}

export const toAffiliationResponse = (a: AffiliationEntity, now: Date): AffiliationResponse => ({
  id: a.id,
  organisation: toOrganisationResponse(a.organisation),
  title: a.title,
  startDate: a.startDate,
  endDate: a.endDate,
  // An affiliation whose announced end date has passed may still carry the flag; it is primary no more.
  primary: a.isPrimary && !(a.endDate !== null && a.endDate <= isoDay(now)),
  current: isAffiliationCurrent(a, isoDay(now)),
  confirmation: toConfirmationResponse(a),
});

export const toConfirmationResponse = (a: AffiliationEntity): AffiliationConfirmationResponse => ({
  status: a.confirmationStatus ?? 'pending',
  confirmedBy: confirmerOf(a),
  confirmedAs: a.confirmedAs ?? null,
  confirmedAt: a.confirmedAt?.toISOString() ?? null,
  confirmationReason: a.confirmationReason ?? null,
  closedBy: closerOf(a),
  closedAs: a.closedAs ?? null,
  closedAt: a.closedAt?.toISOString() ?? null,
  closedReason: a.closedReason ?? null,
});

export const toDeclarationResponse = (d: DeclarationEntity): DeclarationResponse => ({
  id: d.id,
  kind: d.kind,
  organisationId: d.organisationId,
  organisationName: d.organisationName,
  note: d.note,
  since: d.since,
  declaredAt: d.declaredAt.toISOString(),
});
