import { AUDIT_ACTIONS, AUDIT_CATALOGUE, isAuditAction, type AuditAction, type AuditChange, type AuditEventResponse } from '@parley/contracts';
import type { AffiliationSnapshot } from '@parley/domain';
import { createI18n } from '../../test/i18n';
import { actionLabel, actionName, actionsByFamily, familyName } from './action-names';
import { actorPhrase, auditSentence, excerpt, subjectLink } from './sentences';

const ana: AffiliationSnapshot = {
  affiliationId: 'a1',
  organisationId: 'o1',
  organisationName: 'Access Now',
  stakeholderGroup: 'civil-society',
  subtype: 'ngo',
  country: 'US',
  title: 'Policy lead',
  organisationVerified: true,
};
const mexico: AffiliationSnapshot = {
  ...ana,
  organisationId: 'o2',
  organisationName: 'Mexico',
  stakeholderGroup: 'government',
  subtype: 'national',
  title: 'Ambassador',
};

const event = (action: string, change: Record<string, unknown>, extra: Partial<AuditEventResponse> = {}): AuditEventResponse => ({
  scope: 'wg:g1',
  sequence: 12,
  occurredAt: '2026-03-01T10:00:00.000Z',
  actorId: 'p1',
  actorName: 'Ana Ruiz',
  actorSnapshot: ana,
  action,
  subjectType: isAuditAction(action) ? AUDIT_CATALOGUE[action].subjectType : action.split('.')[0],
  subjectId: 's1',
  change,
  changeDigest: 'd'.repeat(64),
  previousHash: 'p'.repeat(64),
  hash: 'h'.repeat(64),
  ...extra,
});

const totals = (yes: number, no: number, abstain: number) => ({ yes, no, abstain, recuse: 0, notVoted: 1 });
const counted = { organisationId: 'o1', stakeholderGroup: 'civil-society' } as const;
const liWei = { personId: 'p2', name: 'Li Wei', organisationId: 'o1', organisationName: 'Access Now' } as const;

const meetingDetails = {
  title: 'Third session',
  startsAt: '2026-12-10T09:00:00.000Z',
  endsAt: '2026-12-10T12:00:00.000Z',
  timeZone: 'Europe/Paris',
  place: 'Room XVII',
  online: false,
  turnLimitSeconds: null,
};
const agendaItem = { itemId: 'i1', position: 1, title: 'Operative paragraphs', documentId: 'd1', version: 2, clauseIds: [], amendmentId: null, ballotId: null, silenceId: null };
const floorTurn = { requestId: 'r1', itemId: 'i1', speaker: { id: 'p2', name: 'Li Wei', snapshot: mexico }, kind: 'point-of-order' as const };

/** A change of the shape each action records (the catalogue's, as the services write them). */
const CHANGES: { [A in AuditAction]: AuditChange<A> } = {
  'person.registered': { name: 'Ana Ruiz', steward: false },
  'person.made-steward': { name: 'Sam Steward', via: 'steward' },
  'person.sessions-ended': { name: 'Sam Steward', reason: 'Laptop stolen.', sessionsEnded: 2 },
  'organisation.created': { name: 'Access Now', stakeholderGroup: 'civil-society', subtype: 'ngo', country: null, lobbyingRegisterId: null },
  'organisation.verified': { name: 'Access Now', stewardId: 'p9' },
  'affiliation.added': {
    organisationId: 'o1',
    organisationName: 'Access Now',
    stakeholderGroup: 'civil-society',
    subtype: 'ngo',
    title: 'Policy lead',
    startDate: '2018-01-01',
    endDate: null,
    primary: true,
  },
  'affiliation.ended': { organisationId: 'o1', organisationName: 'Access Now', endDate: '2026-01-31' },
  'affiliation.made-primary': { organisationId: 'o1', organisationName: 'Access Now' },
  'declaration.added': { kind: 'funding', organisationName: 'Open Society Foundations', note: 'grant' },
  'working-group.created': {
    name: 'Working group on international norms',
    mandate: 'Draft norms',
    joinPolicy: 'approval',
    requiresConfirmedAffiliations: false,
    decisionRules: { amendment: 'majority', adoption: 'supermajority', 'chair-confirmation': 'majority', 'chair-removal': 'supermajority', motion: 'majority' },
    quorum: 0.5,
    quorumPerStakeholderGroup: false,
    caps: { maxStakeholderGroupShare: null, maxVotingMembersPerOrganisation: null },
    convener: { personId: 'p1', name: 'Ana Ruiz', snapshot: ana },
  },
  'membership.requested': { personId: 'p1', name: 'Ana Ruiz', kind: 'member', statement: 'hello', snapshot: ana, joinPolicy: 'approval' },
  'membership.admitted': { personId: 'p2', name: 'Li Wei', kind: 'observer', snapshot: ana, requestId: 'r1', reason: null, via: 'chair' },
  'membership.refused': { personId: 'p2', name: 'Li Wei', kind: 'member', snapshot: ana, reason: 'The group is full', via: 'chair' },
  'membership.left': { personId: 'p1', name: 'Ana Ruiz', kind: 'member', admissionSnapshot: ana, snapshot: ana, reason: null, endedChairTermId: null },
  'membership.removed': { personId: 'p2', name: 'Li Wei', kind: 'member', admissionSnapshot: ana, snapshot: null, reason: 'Spam' },
  'membership.request-withdrawn': { personId: 'p1', name: 'Ana Ruiz', kind: 'member', snapshot: ana, note: null },
  'role.changed': { personId: 'p2', name: 'Li Wei', from: { kind: 'member', rapporteur: false }, to: { kind: 'member', rapporteur: true }, snapshot: ana },
  'chair.nominated': { nomineeId: 'p2', nomineeName: 'Juan Pérez', nomineeSnapshot: mexico, selfNomination: false, statement: null, termEndsOn: null },
  'chair.nomination-accepted': { nomineeId: 'p1', snapshot: ana, ballotId: 'b1', rule: 'majority', closesAt: '2026-03-08T10:00:00.000Z' },
  'chair.nomination-declined': { nomineeId: 'p1', snapshot: ana, note: null },
  'chair.nomination-withdrawn': { nomineeId: 'p2', nomineeName: 'Juan Pérez', nomineeSnapshot: mexico, by: 'nominator', snapshot: ana, note: 'Not now' },
  'chair.confirmed': {
    personId: 'p2',
    name: 'Juan Pérez',
    snapshot: mexico,
    nominationId: 'n1',
    ballotId: 'b1',
    outcome: 'passed',
    totals: { yes: 9, no: 1, abstain: 2, recuse: 0, notVoted: 1 },
    startedAt: '2026-03-08T10:00:00.000Z',
    endsAt: null,
  },
  'chair.rejected': {
    status: 'rejected',
    nomineeId: 'p2',
    name: 'Juan Pérez',
    ballotId: 'b1',
    outcome: 'failed',
    totals: totals(2, 5, 0),
    explanation: 'Failed',
  },
  'chair.resigned': { personId: 'p1', name: 'Ana Ruiz', termSnapshot: ana, snapshot: ana, startedAt: '2026-01-08T10:00:00.000Z', note: null },
  'chair.removal-proposed': {
    motionId: 'm1',
    personId: 'p2',
    name: 'Juan Pérez',
    termSnapshot: mexico,
    reason: 'Never convenes meetings',
    ballotId: 'b2',
    rule: 'supermajority',
  },
  'chair.removed': {
    personId: 'p2',
    name: 'Juan Pérez',
    termSnapshot: mexico,
    motionId: 'm1',
    reason: 'Never convenes meetings',
    ballotId: 'b2',
    outcome: 'passed',
    totals: totals(7, 2, 1),
  },
  'chair.removal-failed': {
    status: 'failed',
    personId: 'p2',
    name: 'Juan Pérez',
    motionId: 'm1',
    ballotId: 'b2',
    outcome: 'failed',
    totals: totals(2, 7, 1),
    explanation: 'Failed',
  },
  'chair.imported': { personId: 'p2', name: 'Juan Pérez', snapshot: mexico, confirmingBallotId: null, startedAt: '2026-01-08T10:00:00.000Z', source: 'import' },
  'ballot.opened': {
    title: 'That the group meets in Geneva',
    description: null,
    subject: { type: 'motion', id: null },
    rule: 'chambered',
    countingUnit: 'person',
    quorum: 0,
    quorumPerStakeholderGroup: false,
    visibility: 'roll-call',
    tallies: 'live',
    requireReasonForNo: false,
    openedAt: '2026-03-01T10:00:00.000Z',
    closesAt: '2026-03-08T10:00:00.000Z',
    electorate: { size: 1, byStakeholderGroup: { 'civil-society': 1 }, voterIds: ['p1'], digest: 'e'.repeat(64) },
  },
  'ballot.closed': {
    closedBy: 'closing-time',
    closesAt: '2026-03-08T10:00:00.000Z',
    closedAt: '2026-03-08T10:00:00.000Z',
    reason: null,
    outcome: 'passed',
    explanation: 'Passed',
    explanationParts: [],
    quorumMet: true,
    totals: totals(5, 1, 0),
    participation: { participants: 6, base: 7, ratio: 6 / 7 },
    byStakeholderGroup: [],
    resultDigest: 'r'.repeat(64),
  },
  'vote.cast': { choice: 'no', reason: 'Too early', changes: 0, countedUnder: counted },
  'vote.changed': { choice: 'yes', reason: null, changes: 1, countedUnder: counted },
  'document.created': { documentId: 'd1', title: 'Paris Call', version: 1, from: 'clauses', clauses: 14, textDigest: 't'.repeat(64) },
  'version.created': {
    documentId: 'd1',
    number: 2,
    previous: 1,
    applied: [
      { amendmentId: 'a1', kind: 'replace', clauseId: 'c1' },
      { amendmentId: 'a2', kind: 'insert', clauseId: 'c2' },
    ],
    notApplied: [],
    outdated: [],
    carriedForward: [],
    clauses: 15,
    textDigest: 't'.repeat(64),
    note: null,
  },
  'comment.posted': {
    documentId: 'd1',
    version: 1,
    clauseId: 'c1',
    parentId: null,
    kind: 'clarification',
    body: 'What does “public core” cover?',
    quote: null,
  },
  'comment.translated': { documentId: 'd1', clauseId: 'c1', translationId: 't1', language: 'en', writtenLanguage: 'ar', text: 'Does it cover state-owned enterprises?' },
  'amendment.rationale-translated': { documentId: 'd1', translationId: 't2', language: 'fr', writtenLanguage: 'en', text: 'Redondant avec le principe 1.' },
  'comment.disposed': { documentId: 'd1', version: 1, clauseId: 'c1', kind: 'clarification', disposition: 'accepted', reason: 'Clarified in the text' },
  'amendment.proposed': {
    documentId: 'd1',
    kind: 'replace',
    baseVersion: 1,
    targetClauseId: 'c1',
    targetText: 'Prevent activity that damages the public core',
    text: 'Prevent and refrain from activity that damages the public core',
    newClauseKind: null,
    rationale: 'Stronger',
  },
  'amendment.cosponsored': { documentId: 'd1', authorStakeholderGroup: 'civil-society', cosponsorStakeholderGroup: 'government', crossGroup: true },
  'amendment.withdrawn': { documentId: 'd1', previousStatus: 'proposed' },
  'amendment.cosponsorship-withdrawn': {
    documentId: 'd1',
    authorStakeholderGroup: 'civil-society',
    cosponsorStakeholderGroup: 'civil-society',
    crossGroup: false,
  },
  'amendment.accepted': { documentId: 'd1', ballotId: 'b3', outcome: 'passed', explanation: 'Passed' },
  'amendment.rejected': { documentId: 'd1', ballotId: 'b3', outcome: 'no-quorum', explanation: 'No quorum' },
  'amendment.outdated': { documentId: 'd1', reason: 'version-adopted', note: 'Version 2 was adopted; its text is frozen.', version: 2 },
  'version.chairs-text-issued': {
    documentId: 'd1',
    number: 3,
    previous: 2,
    label: 'Rev.1',
    symbol: null,
    standing: 'draft',
    office: 'chair',
    penHolder: { id: 'p1', name: 'Ana Ruiz', snapshot: ana },
    changed: ['c1'],
    added: [],
    removed: [],
    outdated: [],
    carriedForward: [],
    clauses: 15,
    textDigest: 't'.repeat(64),
    note: null,
  },
  'version.published': { documentId: 'd1', number: 3, membersOnlyUntil: '2026-12-12T09:00:00.000Z', textDigest: 'e3b0', clauses: [{ id: 'c1', kind: 'operative', text: 'Calls upon States.' }] },
  'version.adopted': { documentId: 'd1', number: 2, ballotId: 'b4', outcome: 'passed', explanation: 'Passed' },
  'endorsement.made': {
    documentId: 'd1',
    version: 2,
    organisationId: 'o1',
    organisationName: 'Access Now',
    stakeholderGroup: 'civil-society',
    subtype: 'ngo',
    adoptedAt: '2026-03-08T10:00:00.000Z',
  },
  'endorsement.withdrawn': {
    documentId: 'd1',
    version: 2,
    organisationId: 'o1',
    organisationName: 'Access Now',
    endorsedAt: '2026-03-09T10:00:00.000Z',
    reason: null,
  },
  'focal-point.appointed': { ...liWei, personId: 'p1', name: 'Ana Ruiz', as: 'steward', reason: 'Named in writing' },
  'focal-point.appointment-ended': { ...liWei, personId: 'p1', name: 'Ana Ruiz', as: 'focal-point', reason: null },
  'affiliation.confirmed': { ...liWei, as: 'focal-point', reason: null, via: 'decision' },
  'identity-provider.registered': { name: 'Ministry SSO', issuer: 'https://sso.ministry.example', clientId: 'parley', domains: ['ministry.example'], organisationId: 'o1', organisationName: 'Access Now', enabled: true, lapseDays: 30 },
  'identity-provider.updated': { name: 'Ministry SSO', issuer: 'https://sso.ministry.example', clientId: 'parley', domains: [], organisationId: null, organisationName: null, enabled: false, lapseDays: 30, secretReplaced: true },
  'identity-provider.linked': { name: 'Ana Ruiz', providerId: 'idp1', providerName: 'Ministry SSO', via: 'link' },
  'identity-provider.unlinked': { name: 'Ana Ruiz', providerId: 'idp1', providerName: 'Ministry SSO' },
  'affiliation.refused': { ...liWei, as: 'focal-point', reason: 'Not on our staff' },
  'affiliation.confirmation-ended': { ...liWei, as: 'steward', reason: 'Left' },
  'bracket.opened': { documentId: 'd1', version: 1, clauseId: 'c1', passage: 'shall', start: 7, end: 12, reason: 'Not agreed by our capital', options: [{ optionId: 'o1', text: 'should', rationale: null }] },
  'bracket.option-proposed': { documentId: 'd1', clauseId: 'c1', optionId: 'o2', text: 'may', rationale: null },
  'bracket.removed': { documentId: 'd1', clauseId: 'c1', passage: 'shall', resolution: 'option-chosen', optionId: 'o2', optionText: 'may', reason: 'Agreed informally' },
  'bracket.choice-consolidated': { documentId: 'd1', clauseId: 'c1', version: 2, outcome: 'applied', note: null },
  'amendment.streamlined': { documentId: 'd1', kind: 'replace', baseVersion: 1, targetClauseId: 'c1', targetText: 'Old', text: 'Merged text', newClauseKind: null, rationale: 'Same substance', sources: ['a1', 'a2'] },
  'amendment.merged': { documentId: 'd1', mergedInto: 'a3', ballotId: null },
  'amendment.recommendation-given': { documentId: 'd1', recommendationId: 'r1', recommendation: 'accept', reason: 'Clearer', targetAmendmentId: null, previous: null },
  'bracket.options-streamlined': { documentId: 'd1', clauseId: 'c1', optionId: 'o3', text: 'should', rationale: 'One wording', sources: ['o1', 'o2'] },
  'recommendations.put-to-ballot': { documentId: 'd1', ballotId: 'b9', items: [{ amendmentId: 'a1', recommendationId: 'r1', recommendation: 'accept' }] },
  'recommendations.decided': { documentId: 'd1', ballotId: 'b9', outcome: 'passed', items: [{ amendmentId: 'a1', recommendation: 'accept', status: 'accepted', mergedInto: null, followed: true }] },
  'clause.status-changed': { documentId: 'd1', clauseId: 'c1', version: 1, status: 'agreed', previous: 'under-negotiation', note: 'Agreed at second reading' },
  'clause.ad-ref-agreed': { documentId: 'd1', clauseId: 'c1', version: 1, organisationId: 'o1', organisationName: 'Access Now', expiresOn: '2026-12-20', note: null, lapsed: null },
  'clause.ad-ref-lifted': { documentId: 'd1', clauseId: 'c1', version: 1, organisationId: 'o1', organisationName: 'Access Now', expiresOn: '2026-12-20', note: null },
  'clause.ad-ref-withdrawn': { documentId: 'd1', clauseId: 'c1', version: 1, organisationId: 'o1', organisationName: 'Access Now', expiresOn: '2026-12-20', note: null },
  'explanation.placed': { documentId: 'd1', version: 1, kind: 'disassociation', organisationId: 'o1', organisationName: 'Japan', clauseIds: ['c1'], labels: ['OP7'], text: 'Japan cannot join consensus on OP7', timing: 'after' },
  'join-request.circulated': { personId: 'p2', name: 'Li Wei', hours: 72, endsAt: '2026-12-04T09:00:00.000Z' },
  'join-request.objection-raised': { requestId: 'r1', applicantId: 'p2', applicantName: 'Li Wei', objectionId: 'o1', personId: 'p1', name: 'Ana Ruiz', snapshot: ana, reason: 'Undeclared funding' },
  'join-request.objection-withdrawn': { requestId: 'r1', applicantId: 'p2', applicantName: 'Li Wei', objectionId: 'o1', personId: 'p1', name: 'Ana Ruiz', snapshot: ana, reason: 'Undeclared funding', note: null },
  'working-group.rules-changed': {
    before: { joinPolicy: 'approval', procedureRules: { silenceMinimumHours: 72, circulationDays: 0, lastCallDays: 0, nonObjectionHours: 72, proxyCap: 1, proxyWithinStakeholderGroup: false } },
    after: { joinPolicy: 'non-objection', procedureRules: { silenceMinimumHours: 72, circulationDays: 0, lastCallDays: 0, nonObjectionHours: 48, proxyCap: 1, proxyWithinStakeholderGroup: false } },
    note: null,
  },
  'proxy.given': { grantor: { id: 'p1', name: 'Ana Ruiz', snapshot: ana }, holder: { id: 'p2', name: 'Luis Vega', snapshot: ana }, scope: 'period', ballotId: null, from: '2026-12-06', to: '2026-12-20' },
  'proxy.revoked': { grantorId: 'p1', grantorName: 'Ana Ruiz', holderId: 'p2', holderName: 'Luis Vega', scope: 'ballot', ballotId: 'b1', from: null, to: null },
  'proxy.ended': { grantorId: 'p1', grantorName: 'Ana Ruiz', holderId: 'p2', holderName: 'Luis Vega', scope: 'ballot', ballotId: 'b1', from: null, to: null, reason: 'holder-left' },
  'silence.started': { documentId: 'd1', version: 2, documentTitle: 'Programme of work for 2027', deadline: '2026-12-20T12:00:00.000Z', minimumHours: 72 },
  'silence.objection-raised': { documentId: 'd1', version: 2, objectionId: 'o9', reason: 'Paragraph 3 needs another reading', deadline: '2026-12-20T12:00:00.000Z', explanation: 'Silence was broken' },
  'silence.withdrawn': { documentId: 'd1', version: 2, reason: 'A new version is coming', deadline: '2026-12-20T12:00:00.000Z' },
  'silence.passed': { documentId: 'd1', version: 2, deadline: '2026-12-20T12:00:00.000Z', explanation: 'No objection was raised by the deadline' },
  'division.requested': { documentId: 'd1', version: 2, clauseIds: ['c1'], clauseLabels: ['5.'], reason: 'Our delegation cannot accept it' },
  'division.put-to-ballot': { documentId: 'd1', version: 2, clauseIds: ['c1'], ballotId: 'b1' },
  'division.declined': { documentId: 'd1', version: 2, reason: 'It is the core of the text' },
  'division.decided': { documentId: 'd1', version: 2, ballotId: 'b1', outcome: 'failed', result: 'deleted', clauseIds: ['c1'] },
  'division.applied': { documentId: 'd1', version: 3, ballotId: 'b1', clauseIds: ['c1'] },
  'voting-order.set': { documentId: 'd1', clauseId: 'c1', amendmentIds: ['a1', 'a2'], reason: 'Furthest first', previous: null },
  'last-call.opened': { documentId: 'd1', version: 2, days: 14, opensAt: '2026-12-01T10:00:00.000Z', closesAt: '2026-12-15T10:00:00.000Z', note: null },
  'meeting.scheduled': { ...meetingDetails, agenda: [agendaItem] },
  'meeting.details-changed': { ...meetingDetails, changed: ['place'] },
  'meeting.agenda-set': { title: 'Third session', agenda: [agendaItem], removedItemIds: [] },
  'meeting.opened': { title: 'Third session' },
  'meeting.item-taken-up': { title: 'Third session', itemId: 'i1', position: 1, itemTitle: 'Operative paragraphs' },
  'meeting.closed': { title: 'Third session', attendees: 3, turns: 4, speakingSeconds: 540 },
  'meeting.attendance-recorded': { attendee: { id: 'p2', name: 'Li Wei', snapshot: mexico }, mode: 'online', voting: true, byChair: false },
  'meeting.floor-requested': { ...floorTurn, byChair: false },
  'meeting.floor-withdrawn': { ...floorTurn, byChair: true },
  'meeting.floor-given': floorTurn,
  'meeting.floor-ended': { ...floorTurn, seconds: 135, stakeholderGroup: 'government' },
  'meeting.report-drafted': { title: 'Third session', documentId: 'd1', documentTitle: 'Report of the third session' },
  'translation.saved': { documentId: 'd1', version: 2, clauseId: 'c1', language: 'ar', text: 'تتعاون الدول.', sourceText: 'States cooperate.', translationId: 't1', supersedes: null },
  'document.original-language-changed': { documentId: 'd1', before: 'en', after: 'fr' },
  'working-group.authentic-languages-changed': { before: [], after: ['ar', 'fr'], note: null },
  'two-factor.enabled': { method: 'totp' },
  'two-factor.recovery-codes-regenerated': { count: 10 },
  'two-factor.disabled': { proved: 'code' },
  'two-factor.recovery-code-used': {},
  'two-factor.locked': { until: '2026-12-07T00:15:00.000Z' },
  'two-factor.reset-by-steward': { name: 'Li Wei', reason: 'Lost phone; identity checked.' },
  'working-group.chairs-two-factor-set': { required: true },
};

describe('audit events as sentences', () => {
  const en = createI18n({ lng: 'en', detect: false });
  const fr = createI18n({ lng: 'fr', detect: false });

  it.each(AUDIT_ACTIONS.map((a) => [a]))('%s reads as a sentence in English and French, not the fallback', (action) => {
    for (const i18n of [en, fr]) {
      const s = auditSentence(i18n.t, event(action, CHANGES[action]), i18n.language);
      expect(s).not.toMatch(/\{\{|undefined|null|\[object/);
      expect(s).not.toContain(action);
      expect(s.length).toBeGreaterThan(10);
    }
  });

  it('says whom a vote cast by proxy was for, and when the voter’s own vote replaced it (decision 0040)', () => {
    const forAna = { ...CHANGES['vote.cast'], castFor: { id: 'p9', name: 'Li Wei' }, proxyId: 'x1' };
    expect(auditSentence(en.t, event('vote.cast', forAna), 'en')).toBe('Ana Ruiz (Access Now, civil society) voted no, for Li Wei (proxy): “Too early”');
    expect(auditSentence(fr.t, event('vote.cast', forAna), 'fr')).toContain('pour Li Wei (procuration)');
    const own = { ...CHANGES['vote.changed'], overridesProxyVote: { proxyId: 'x1', castBy: 'p2' } };
    expect(auditSentence(en.t, event('vote.changed', own), 'en')).toContain('in place of the vote cast for them by proxy');
  });

  it('quotes a comment that mentions someone as @Name, never the markup (issue #20)', () => {
    const body = 'Could @[Li Wei](11111111-2222-4333-8444-555555555555) answer?';
    const sentence = auditSentence(en.t, event('comment.posted', { ...CHANGES['comment.posted'], body }), 'en');
    expect(sentence).toContain('“Could @Li Wei answer?”');
    expect(sentence).not.toContain('](');
  });

  it('names the actor with the affiliation they held at that moment', () => {
    expect(auditSentence(en.t, event('amendment.proposed', CHANGES['amendment.proposed']), 'en')).toBe(
      'Ana Ruiz (Access Now, civil society) proposed an amendment replacing “Prevent activity that damages…” with “Prevent and refrain from activity that damages…”',
    );
    expect(auditSentence(fr.t, event('vote.cast', CHANGES['vote.cast']), 'fr')).toBe('Ana Ruiz (Access Now, société civile) a voté contre : « Too early »');
    expect(auditSentence(en.t, event('chair.confirmed', CHANGES['chair.confirmed'], { actorId: null, actorName: null, actorSnapshot: null }), 'en')).toBe(
      'Juan Pérez (Mexico, government) was confirmed as chair by ballot: 9 yes, 1 no, 2 abstentions',
    );
    expect(actorPhrase(en.t, { actorName: null, actorSnapshot: null })).toBe('Parley (system)');
  });

  it('shows the words a replace amendment changes, even late in a long clause', () => {
    const targetText =
      'States and non-State actors should neither conduct nor knowingly allow activity that intentionally and substantially damages the general availability or integrity of the public core of the Internet.';
    const proposed = event('amendment.proposed', {
      ...CHANGES['amendment.proposed'],
      targetText,
      text: targetText.replace('substantially damages', 'significantly impairs'),
    });
    expect(auditSentence(en.t, proposed, 'en')).toBe(
      'Ana Ruiz (Access Now, civil society) proposed an amendment replacing “…that intentionally and substantially damages the general availability…” with “…that intentionally and significantly impairs the general availability…”',
    );
    expect(auditSentence(fr.t, proposed, 'fr')).toContain('« …that intentionally and significantly impairs the general availability… »');
  });

  it('quotes the reason a chair gave for closing early and the note on a consolidated version; says nothing when none was written', () => {
    const early = event('ballot.closed', { ...CHANGES['ballot.closed'], closedBy: 'chair', closedAt: '2026-03-05T10:00:00.000Z', reason: 'Every member has voted.' });
    expect(auditSentence(en.t, early, 'en')).toBe('Ana Ruiz (Access Now, civil society) closed the ballot early: passed (5 yes, 1 no, 0 abstentions). Reason given: “Every member has voted.”');
    expect(auditSentence(fr.t, early, 'fr')).toMatch(/a clos le scrutin avant l’heure : .*\. Motif donné : « Every member has voted\. »$/);
    const noted = event('version.created', { ...CHANGES['version.created'], note: 'Rev.1 after the Geneva session' });
    expect(auditSentence(en.t, noted, 'en')).toMatch(/consolidated version 2, applying 2 accepted amendments\. Note: “Rev\.1 after the Geneva session”$/);
    expect(auditSentence(en.t, event('version.created', CHANGES['version.created']), 'en')).not.toContain('Note');
  });

  it('names a chair’s text by its label, office and standing, after its pen holder', () => {
    const issued = event('version.chairs-text-issued', CHANGES['version.chairs-text-issued']);
    expect(auditSentence(en.t, issued, 'en')).toBe("Ana Ruiz (Access Now, civil society) issued version 3: Rev.1 — Chair's text (draft)");
    expect(auditSentence(fr.t, issued, 'fr')).toMatch(/a publié la version 3 : Rev\.1 — Texte de la présidence \(statut : projet\)$/);
  });

  it('says a vote was cast, never what, when the change is withheld or the ballot is secret', () => {
    const withheld = event('vote.cast', {}, { withheld: 'The choice is hidden until the ballot closes' });
    expect(auditSentence(en.t, withheld, 'en')).toBe('Ana Ruiz (Access Now, civil society) voted (the choice is published when the ballot closes)');
    const secret = event('vote.changed', { commitment: 'c'.repeat(64), commitmentScheme: 'sha256', changes: 1, countedUnder: counted });
    expect(auditSentence(fr.t, secret, 'fr')).toBe('Ana Ruiz (Access Now, société civile) a changé son vote à bulletin secret');
  });

  it('falls back to "actor: action" for an action it does not know (its code), or a change it cannot read (the action’s name)', () => {
    expect(auditSentence(en.t, event('treaty.ratified', { anything: 1 }), 'en')).toBe('Ana Ruiz (Access Now, civil society): treaty.ratified');
    expect(auditSentence(en.t, event('vote.cast', { choice: 'maybe' }), 'en')).toBe('Ana Ruiz (Access Now, civil society): Vote cast');
    expect(auditSentence(fr.t, event('ballot.opened', { title: 42 }), 'fr')).toBe('Ana Ruiz (Access Now, société civile) : Ouverture d’un scrutin');
    expect(auditSentence(fr.t, event('chair.teleported', {}), 'fr')).toBe('Ana Ruiz (Access Now, société civile) : chair.teleported');
  });

  it.each(AUDIT_ACTIONS.map((a) => [a]))('%s has a name in English and in French', (action) => {
    const english = actionName(en.t, action);
    const french = actionName(fr.t, action);
    for (const name of [english, french]) {
      expect(name).not.toContain(action);
      expect(name).not.toMatch(/^audit\./);
      expect(name.length).toBeGreaterThan(3);
    }
    expect(french).not.toBe(english);
    expect(actionLabel(fr.t, action)).toBe(french);
  });

  it('names every family of actions in English and in French, and leaves an unknown action’s code as it is', () => {
    for (const [family] of actionsByFamily()) for (const i18n of [en, fr]) expect(familyName(i18n.t, family)).not.toMatch(new RegExp(`^(audit\\.|${family}$)`));
    expect(familyName(fr.t, 'ballot')).toBe('Scrutins');
    expect(actionLabel(fr.t, 'treaty.ratified')).toBe('treaty.ratified');
  });

  it('names the speaker with their affiliation and says how long they spoke (issue #21)', () => {
    expect(auditSentence(en.t, event('meeting.floor-given', CHANGES['meeting.floor-given']), 'en')).toBe(
      'Ana Ruiz (Access Now, civil society) gave the floor to Li Wei (Mexico, government) on a point of order',
    );
    expect(auditSentence(en.t, event('meeting.floor-ended', CHANGES['meeting.floor-ended']), 'en')).toBe('Li Wei (Mexico, government) spoke for 2 min 15 sec');
    expect(auditSentence(fr.t, event('meeting.floor-ended', CHANGES['meeting.floor-ended']), 'fr')).toMatch(/^Li Wei \(Mexico, gouvernement\) a parlé 2\smin 15\ss$/);
    expect(subjectLink(event('meeting.opened', CHANGES['meeting.opened'], { subjectId: 'm1' }))).toBe('/meetings/m1');
  });

  it('links each event to what it is about', () => {
    expect(subjectLink(event('chair.confirmed', CHANGES['chair.confirmed'], { subjectType: 'chair-term' }))).toBe('/ballots/b1');
    expect(subjectLink(event('ballot.opened', {}, { subjectType: 'ballot', subjectId: 'b9' }))).toBe('/ballots/b9');
    expect(subjectLink(event('endorsement.made', CHANGES['endorsement.made'], { subjectType: 'endorsement' }))).toBe('/documents/d1/versions/2/signatories');
    expect(subjectLink(event('organisation.created', {}, { subjectType: 'organisation' }))).toBeNull();
  });

  it('says who withdrew a chair nomination: the nominee their own, or the nominator theirs of someone else', () => {
    const byNominator = event('chair.nomination-withdrawn', CHANGES['chair.nomination-withdrawn']);
    const byNominee = event('chair.nomination-withdrawn', { ...CHANGES['chair.nomination-withdrawn'], nomineeId: 'p1', by: 'nominee' });
    expect(auditSentence(en.t, byNominator, 'en')).toBe('Ana Ruiz (Access Now, civil society) withdrew their nomination of Juan Pérez as chair');
    expect(auditSentence(en.t, byNominee, 'en')).toBe('Ana Ruiz (Access Now, civil society) withdrew their candidacy for chair');
    expect(auditSentence(fr.t, byNominee, 'fr')).toBe('Ana Ruiz (Access Now, société civile) a retiré sa candidature à la présidence du groupe');
  });

  it('cuts long quotations at a word', () => {
    expect(excerpt('word '.repeat(40), 30)).toBe('word word word word word word…');
    expect(excerpt('short')).toBe('short');
  });
});

describe('names inside audit sentences in a right-to-left interface', () => {
  it('isolates the actor’s name and organisation (FSI … PDI) in Arabic, and leaves English as it was', () => {
    const ar = createI18n({ lng: 'ar', detect: false });
    const actor = { actorName: 'Emily Chen', actorSnapshot: { organisationName: 'Center for Democracy and Technology', stakeholderGroup: 'civil-society' } } as never;
    expect(actorPhrase(ar.t, actor, 'ar-u-nu-latn')).toContain('\u2068Emily Chen\u2069 (\u2068Center for Democracy and Technology\u2069, ');
    expect(actorPhrase(ar.t, actor, 'en')).toMatch(/^Emily Chen \(Center for Democracy and Technology, /);
  });
});

describe('quoted passages inside audit sentences in a right-to-left interface', () => {
  it('isolates an English passage inside an Arabic sentence, so its punctuation stays with it; English sentences are as they were', () => {
    const ar = createI18n({ lng: 'ar', detect: false });
    const body = 'Prevent and recover from malicious cyber activities, in every language.';
    const arabic = auditSentence(ar.t, event('comment.posted', { ...CHANGES['comment.posted'], body }), 'ar-u-nu-latn');
    expect(arabic).toContain(`\u2068${body}\u2069`);
    const en = createI18n({ lng: 'en', detect: false });
    expect(auditSentence(en.t, event('comment.posted', { ...CHANGES['comment.posted'], body }), 'en')).not.toMatch(/[\u2066-\u2069]/);
  });
});
