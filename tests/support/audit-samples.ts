import { randomUUID } from 'node:crypto';
import { AUDIT_CATALOGUE, type AuditAction, type AuditChange, type AuditSubjectTypeOf } from '@parley/contracts';
import type { AffiliationSnapshot } from '@parley/domain';

/** Ids a sample names unless a test gives its own. */
const DOC = '0b5e3c61-2d1f-4f55-8c3c-6a9b7d3e2f02';
const BALLOT = 'c2a4e6f8-1b3d-4c5e-9f7a-8b6c4d2e0f03';
const PERSON = '7d1c3b5a-9e8f-4a6b-8c2d-1e0f3a5b7c04';
const ORG = '3e5f7a9b-1c2d-4e6f-8a0b-2c4d6e8f0a05';

export const SAMPLE_SNAPSHOT: AffiliationSnapshot = {
  affiliationId: '5a7b9c1d-3e4f-4a6b-8c0d-2e4f6a8b0c06',
  organisationId: ORG,
  organisationName: 'Access Now',
  stakeholderGroup: 'civil-society',
  subtype: 'ngo',
  country: null,
  title: 'Policy lead',
  organisationVerified: true,
};
const totals = { yes: 3, no: 1, abstain: 0, recuse: 0, notVoted: 1 };
const counted = { organisationId: ORG, stakeholderGroup: 'civil-society' } as const;
const who = { personId: PERSON, name: 'Ana Ruiz', organisationId: ORG, organisationName: 'Access Now', as: 'focal-point' } as const;

/** One well-formed change for every action of the catalogue (a new action does not compile until it has one). */
export const SAMPLE_CHANGES: { [A in AuditAction]: AuditChange<A> } = {
  'person.registered': { name: 'Ana Ruiz', steward: false },
  'person.made-steward': { name: 'Ana Ruiz', via: 'steward' },
  'organisation.created': { name: 'Access Now', stakeholderGroup: 'civil-society', subtype: 'ngo', country: null, lobbyingRegisterId: null },
  'organisation.verified': { name: 'Access Now', stewardId: PERSON },
  'affiliation.added': { organisationId: ORG, organisationName: 'Access Now', stakeholderGroup: 'civil-society', subtype: 'ngo', title: 'Policy lead', startDate: '2026-01-01', endDate: null, primary: true },
  'affiliation.ended': { organisationId: ORG, organisationName: 'Access Now', endDate: '2026-10-01' },
  'affiliation.made-primary': { organisationId: ORG, organisationName: 'Access Now' },
  'declaration.added': { kind: 'board', organisationId: null, organisationName: 'Open Rights Trust', note: 'Unpaid board seat', since: null },
  'focal-point.appointed': { ...who, reason: null },
  'focal-point.appointment-ended': { ...who, reason: 'Left the organisation' },
  'affiliation.confirmed': { ...who, reason: null, via: 'decision' },
  'affiliation.refused': { ...who, reason: 'Not on our staff' },
  'affiliation.confirmation-ended': { ...who, reason: 'Left in October' },
  'working-group.created': {
    name: 'Critical infrastructure',
    mandate: 'Draft a norm',
    joinPolicy: 'approval',
    requiresConfirmedAffiliations: false,
    decisionRules: { amendment: 'majority', adoption: 'supermajority', 'chair-confirmation': 'majority', 'chair-removal': 'supermajority', motion: 'majority' },
    quorum: 0.5,
    quorumPerStakeholderGroup: false,
    caps: { maxStakeholderGroupShare: null, maxVotingMembersPerOrganisation: 2 },
    convener: { personId: PERSON, name: 'Ana Ruiz', snapshot: SAMPLE_SNAPSHOT },
  },
  'membership.requested': { personId: PERSON, name: 'Ana Ruiz', kind: 'member', statement: 'I work on this', snapshot: SAMPLE_SNAPSHOT, joinPolicy: 'approval' },
  'membership.admitted': { personId: PERSON, name: 'Ana Ruiz', kind: 'member', snapshot: SAMPLE_SNAPSHOT, requestId: randomUUID(), reason: null, via: 'chair' },
  'membership.refused': { personId: PERSON, name: 'Ana Ruiz', kind: 'member', snapshot: SAMPLE_SNAPSHOT, reason: 'The group is full', via: 'chair' },
  'membership.request-withdrawn': { personId: PERSON, name: 'Ana Ruiz', kind: 'observer', snapshot: SAMPLE_SNAPSHOT, note: null },
  'membership.left': { personId: PERSON, name: 'Ana Ruiz', kind: 'member', admissionSnapshot: SAMPLE_SNAPSHOT, snapshot: SAMPLE_SNAPSHOT, reason: null, endedChairTermId: null },
  'membership.removed': { personId: PERSON, name: 'Ana Ruiz', kind: 'member', admissionSnapshot: SAMPLE_SNAPSHOT, snapshot: null, reason: 'Absent for a year' },
  'role.changed': { personId: PERSON, name: 'Ana Ruiz', from: { kind: 'member', rapporteur: false }, to: { kind: 'member', rapporteur: true }, snapshot: SAMPLE_SNAPSHOT },
  'chair.nominated': { nomineeId: PERSON, nomineeName: 'Ana Ruiz', nomineeSnapshot: SAMPLE_SNAPSHOT, selfNomination: false, statement: null, termEndsOn: null },
  'chair.nomination-accepted': { nomineeId: PERSON, snapshot: SAMPLE_SNAPSHOT, ballotId: BALLOT, rule: 'majority', closesAt: '2026-12-01T17:00:00.000Z' },
  'chair.nomination-declined': { nomineeId: PERSON, snapshot: SAMPLE_SNAPSHOT, note: null },
  'chair.nomination-withdrawn': { nomineeId: PERSON, nomineeName: 'Ana Ruiz', nomineeSnapshot: SAMPLE_SNAPSHOT, by: 'nominee', snapshot: SAMPLE_SNAPSHOT, note: null },
  'chair.confirmed': {
    personId: PERSON,
    name: 'Ana Ruiz',
    snapshot: SAMPLE_SNAPSHOT,
    nominationId: randomUUID(),
    ballotId: BALLOT,
    outcome: 'passed',
    totals,
    startedAt: '2026-12-01T17:00:00.000Z',
    endsAt: null,
  },
  'chair.rejected': { status: 'rejected', nomineeId: PERSON, name: 'Ana Ruiz', ballotId: BALLOT, outcome: 'failed', totals, explanation: 'Failed: 1 yes, 3 no' },
  'chair.resigned': { personId: PERSON, name: 'Ana Ruiz', termSnapshot: SAMPLE_SNAPSHOT, snapshot: SAMPLE_SNAPSHOT, startedAt: '2026-06-01T10:00:00.000Z', note: null },
  'chair.removal-proposed': { motionId: randomUUID(), personId: PERSON, name: 'Ana Ruiz', termSnapshot: SAMPLE_SNAPSHOT, reason: 'Absent', ballotId: BALLOT, rule: 'supermajority' },
  'chair.removed': { personId: PERSON, name: 'Ana Ruiz', termSnapshot: SAMPLE_SNAPSHOT, motionId: randomUUID(), reason: 'Absent', ballotId: BALLOT, outcome: 'passed', totals },
  'chair.removal-failed': { status: 'failed', personId: PERSON, name: 'Ana Ruiz', motionId: randomUUID(), ballotId: BALLOT, outcome: 'failed', totals, explanation: 'Failed' },
  'chair.imported': { personId: PERSON, name: 'Ana Ruiz', snapshot: SAMPLE_SNAPSHOT, confirmingBallotId: null, startedAt: '2026-06-01T10:00:00.000Z', source: 'demo' },
  'ballot.opened': {
    title: 'Adopt the charter',
    description: null,
    subject: { type: 'motion', id: null },
    rule: 'majority',
    countingUnit: 'person',
    quorum: 0,
    quorumPerStakeholderGroup: false,
    visibility: 'roll-call',
    tallies: 'live',
    requireReasonForNo: false,
    openedAt: '2026-11-23T10:00:00.000Z',
    closesAt: '2026-12-01T17:00:00.000Z',
    electorate: { size: 1, byStakeholderGroup: { government: 0, 'private-sector': 0, 'civil-society': 1 }, voterIds: [PERSON], digest: 'e3b0' },
  },
  'ballot.closed': {
    closedBy: 'chair',
    closesAt: '2026-12-01T17:00:00.000Z',
    closedAt: '2026-11-30T17:00:00.000Z',
    outcome: 'passed',
    explanation: 'Passed',
    explanationParts: [],
    quorumMet: true,
    totals,
    participation: { participants: 4, base: 5, ratio: 0.8 },
    byStakeholderGroup: [],
    resultDigest: 'e3b0',
  },
  'vote.cast': { choice: 'yes', reason: null, changes: 0, countedUnder: counted },
  'vote.changed': { choice: 'no', reason: 'Too vague', changes: 1, countedUnder: counted },
  'document.created': { documentId: DOC, title: 'Paris Call', version: 1, from: 'clauses', clauses: 12, textDigest: 'e3b0' },
  'version.created': { documentId: DOC, number: 2, previous: 1, applied: [], notApplied: [], outdated: [], carriedForward: [], clauses: 12, textDigest: 'e3b0' },
  'version.adopted': { documentId: DOC, number: 2, ballotId: BALLOT, outcome: 'passed', explanation: 'Passed' },
  'comment.posted': { documentId: DOC, version: 1, clauseId: randomUUID(), parentId: null, kind: 'general', body: 'Define “critical”', quote: null },
  'comment.disposed': { documentId: DOC, version: 1, clauseId: randomUUID(), kind: 'general', disposition: 'noted', reason: 'Thanks' },
  'amendment.proposed': { documentId: DOC, kind: 'insert', baseVersion: 1, targetClauseId: null, targetText: null, text: 'New clause', newClauseKind: 'operative', rationale: 'Gap' },
  'amendment.cosponsored': { documentId: DOC, authorStakeholderGroup: 'civil-society', cosponsorStakeholderGroup: 'government', crossGroup: true },
  'amendment.cosponsorship-withdrawn': { documentId: DOC, authorStakeholderGroup: 'civil-society', cosponsorStakeholderGroup: 'government', crossGroup: true },
  'amendment.withdrawn': { documentId: DOC, previousStatus: 'proposed' },
  'amendment.accepted': { documentId: DOC, ballotId: BALLOT, outcome: 'passed', explanation: 'Passed' },
  'amendment.rejected': { documentId: DOC, ballotId: BALLOT, outcome: 'failed', explanation: 'Failed' },
  'amendment.outdated': { documentId: DOC, reason: 'version-adopted', note: 'Version 2 was adopted', version: 2 },
  'endorsement.made': { documentId: DOC, version: 2, organisationId: ORG, organisationName: 'Access Now', stakeholderGroup: 'civil-society', subtype: 'ngo', adoptedAt: '2026-11-30T17:00:00.000Z' },
  'endorsement.withdrawn': { documentId: DOC, version: 2, organisationId: ORG, organisationName: 'Access Now', endorsedAt: '2026-11-30T18:00:00.000Z', reason: null },
};

/** An action, its subject type and its change: what a test spreads into an event for the write gate. */
export type SampleAct<A extends AuditAction = AuditAction> = { [K in A]: { action: K; subjectType: AuditSubjectTypeOf<K>; change: AuditChange<K> } }[A];

/** An action with its subject type and a sample change (keys overridable, typed by the action). */
export function sample<A extends AuditAction>(action: A, change: Partial<AuditChange<A>> = {}): SampleAct<A> {
  return { action, subjectType: AUDIT_CATALOGUE[action].subjectType, change: { ...SAMPLE_CHANGES[action], ...change } } as SampleAct<A>;
}
