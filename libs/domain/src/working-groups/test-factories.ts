/** Factories for the working-group tests: plain values with sensible defaults, not shared stubs. */
import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';
import { CONFIRMED_BY_FOCAL_POINT } from '../identity/confirmation-test-factories';
import type { OrganisationSubtype, StakeholderGroup } from '../identity/stakeholders';
import type { ChairTerm } from './chair-term';
import type { WorkingGroupMember } from './membership';

let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${++sequence}`;

export function newSnapshot(
  organisationName: string,
  stakeholderGroup: StakeholderGroup,
  subtype: OrganisationSubtype,
  overrides: Partial<AffiliationSnapshot> = {},
): AffiliationSnapshot {
  return {
    affiliationId: nextId('affiliation'),
    organisationId: `org-${organisationName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    organisationName,
    stakeholderGroup,
    subtype,
    country: null,
    title: 'Delegate',
    organisationVerified: true,
    confirmation: CONFIRMED_BY_FOCAL_POINT,
    ...overrides,
  };
}

export const ACME = newSnapshot('Acme', 'private-sector', 'company');
export const GLOBEX = newSnapshot('Globex', 'private-sector', 'company');
export const TRADE_ASSOCIATION = newSnapshot('Trade Association', 'private-sector', 'business-association');
export const FRANCE = newSnapshot('France', 'government', 'national');
export const CITY = newSnapshot('City of Lyon', 'government', 'local');
export const ACCESS_NOW = newSnapshot('Access Now', 'civil-society', 'ngo');
export const UNIVERSITY = newSnapshot('University', 'civil-society', 'academia');

/** A voting member still at the organisation they joined with, verified, admitted on 2026-01-01. */
export function newMember(affiliation: AffiliationSnapshot, overrides: Partial<WorkingGroupMember> = {}): WorkingGroupMember {
  const personId = overrides.personId ?? nextId('person');
  return {
    personId,
    name: `Delegate ${personId}`,
    kind: 'member',
    offices: [],
    admissionSnapshot: affiliation,
    currentAffiliation: affiliation,
    currentAffiliationVerified: true,
    admittedAt: '2026-01-01T09:00:00.000Z',
    ...overrides,
  };
}

/** Voting members admitted one day apart from `firstDay`, in the order given. */
export function admittedInOrder(affiliations: readonly AffiliationSnapshot[], firstDay = '2026-01-01'): WorkingGroupMember[] {
  const start = Date.parse(`${firstDay}T09:00:00.000Z`);
  return affiliations.map((a, i) => newMember(a, { admittedAt: new Date(start + i * 86_400_000).toISOString() }));
}

/** A confirmed, open-ended term for `member`, started on 2026-02-01. */
export function newChairTerm(member: WorkingGroupMember, overrides: Partial<ChairTerm> = {}): ChairTerm {
  return {
    id: nextId('term'),
    personId: member.personId,
    snapshot: member.currentAffiliation ?? member.admissionSnapshot,
    confirmingBallotId: nextId('ballot'),
    startedAt: '2026-02-01T10:00:00.000Z',
    endsAt: null,
    endedAt: null,
    endReason: null,
    ...overrides,
  };
}
