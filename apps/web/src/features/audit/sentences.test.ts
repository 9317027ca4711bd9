import { AUDIT_ACTIONS, type AuditEventResponse } from '@parley/contracts';
import type { AffiliationSnapshot } from '@parley/domain';
import { createI18n } from '../../i18n';
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
  subjectType: action.split('.')[0],
  subjectId: 's1',
  change,
  changeDigest: 'd'.repeat(64),
  previousHash: 'p'.repeat(64),
  hash: 'h'.repeat(64),
  ...extra,
});

/** A change of the shape each action records (see the services that write them). */
const CHANGES: Record<(typeof AUDIT_ACTIONS)[number], Record<string, unknown>> = {
  'person.registered': { name: 'Ana Ruiz', steward: false },
  'person.made-steward': { name: 'Sam Steward', via: 'steward' },
  'organisation.created': { name: 'Access Now', stakeholderGroup: 'civil-society', subtype: 'ngo' },
  'organisation.verified': { name: 'Access Now', stewardId: 'p9' },
  'affiliation.added': { organisationName: 'Access Now', title: 'Policy lead', startDate: '2018-01-01' },
  'affiliation.ended': { organisationName: 'Access Now', endDate: '2026-01-31' },
  'affiliation.made-primary': { organisationName: 'Access Now' },
  'declaration.added': { kind: 'funding', organisationName: 'Open Society Foundations', note: 'grant' },
  'working-group.created': { name: 'Working group on international norms' },
  'membership.requested': { personId: 'p1', name: 'Ana Ruiz', kind: 'member', statement: 'hello' },
  'membership.admitted': { personId: 'p2', name: 'Li Wei', kind: 'observer', via: 'chair' },
  'membership.refused': { personId: 'p2', name: 'Li Wei', kind: 'member', reason: 'The group is full' },
  'membership.left': { personId: 'p1', name: 'Ana Ruiz', kind: 'member' },
  'membership.removed': { personId: 'p2', name: 'Li Wei', kind: 'member', reason: 'Spam' },
  'membership.request-withdrawn': { personId: 'p1', name: 'Ana Ruiz', kind: 'member', note: null },
  'role.changed': { personId: 'p2', name: 'Li Wei', from: { kind: 'member', rapporteur: false }, to: { kind: 'member', rapporteur: true } },
  'chair.nominated': { nomineeId: 'p2', nomineeName: 'Juan Pérez', nomineeSnapshot: mexico, selfNomination: false },
  'chair.nomination-accepted': { nomineeId: 'p1', ballotId: 'b1' },
  'chair.nomination-declined': { nomineeId: 'p1' },
  'chair.nomination-withdrawn': { nomineeId: 'p2', nomineeName: 'Juan Pérez', nomineeSnapshot: mexico, by: 'nominator', note: 'Not now' },
  'chair.confirmed': {
    personId: 'p2',
    name: 'Juan Pérez',
    snapshot: mexico,
    ballotId: 'b1',
    outcome: 'passed',
    totals: { yes: 9, no: 1, abstain: 2, recuse: 0, notVoted: 1 },
  },
  'chair.rejected': { status: 'rejected', name: 'Juan Pérez', ballotId: 'b1', outcome: 'failed', totals: { yes: 2, no: 5, abstain: 0 } },
  'chair.resigned': { personId: 'p1', name: 'Ana Ruiz' },
  'chair.removal-proposed': { personId: 'p2', name: 'Juan Pérez', reason: 'Never convenes meetings', ballotId: 'b2' },
  'chair.removed': { personId: 'p2', name: 'Juan Pérez', ballotId: 'b2', totals: { yes: 7, no: 2, abstain: 1 } },
  'chair.removal-failed': { personId: 'p2', name: 'Juan Pérez', ballotId: 'b2' },
  'chair.imported': { personId: 'p2', name: 'Juan Pérez', snapshot: mexico, confirmingBallotId: null },
  'ballot.opened': { title: 'That the group meets in Geneva', rule: 'chambered', visibility: 'roll-call', closesAt: '2026-03-08T10:00:00.000Z' },
  'ballot.closed': { closedBy: 'closing-time', outcome: 'passed', totals: { yes: 5, no: 1, abstain: 0 } },
  'vote.cast': { choice: 'no', reason: 'Too early', changes: 0 },
  'vote.changed': { choice: 'yes', reason: null, changes: 1 },
  'document.created': { documentId: 'd1', title: 'Paris Call', clauses: 14 },
  'version.created': { documentId: 'd1', number: 2, applied: [{ amendmentId: 'a1' }, { amendmentId: 'a2' }] },
  'comment.posted': { documentId: 'd1', kind: 'clarification', body: 'What does “public core” cover?', parentId: null },
  'comment.disposed': { documentId: 'd1', disposition: 'accepted', reason: 'Clarified in the text' },
  'amendment.proposed': {
    documentId: 'd1',
    kind: 'replace',
    targetText: 'Prevent activity that damages the public core',
    text: 'Prevent and refrain from activity that damages the public core',
  },
  'amendment.cosponsored': { documentId: 'd1', crossGroup: true },
  'amendment.withdrawn': { documentId: 'd1' },
  'amendment.cosponsorship-withdrawn': { documentId: 'd1', crossGroup: false },
  'amendment.accepted': { documentId: 'd1', ballotId: 'b3', outcome: 'passed' },
  'amendment.rejected': { documentId: 'd1', ballotId: 'b3', outcome: 'no-quorum' },
  'amendment.outdated': { documentId: 'd1', reason: 'version-adopted' },
  'version.adopted': { documentId: 'd1', number: 2, ballotId: 'b4' },
  'endorsement.made': { documentId: 'd1', version: 2, organisationName: 'Access Now' },
  'endorsement.withdrawn': { documentId: 'd1', version: 2, organisationName: 'Access Now' },
  'focal-point.appointed': { organisationId: 'o1', organisationName: 'Access Now', personId: 'p1', name: 'Ana Ruiz', as: 'steward', reason: 'Named in writing' },
  'focal-point.appointment-ended': { organisationId: 'o1', organisationName: 'Access Now', personId: 'p1', name: 'Ana Ruiz', as: 'focal-point', reason: null },
  'affiliation.confirmed': { personId: 'p2', name: 'Li Wei', organisationId: 'o1', organisationName: 'Access Now', as: 'focal-point', reason: null, via: 'decision' },
  'affiliation.refused': { personId: 'p2', name: 'Li Wei', organisationId: 'o1', organisationName: 'Access Now', as: 'focal-point', reason: 'Not on our staff' },
  'affiliation.confirmation-ended': { personId: 'p2', name: 'Li Wei', organisationId: 'o1', organisationName: 'Access Now', as: 'steward', reason: 'Left' },
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

  it('names the actor with the affiliation they held at that moment', () => {
    expect(auditSentence(en.t, event('amendment.proposed', CHANGES['amendment.proposed']), 'en')).toBe(
      'Ana Ruiz (Access Now, civil society) proposed an amendment replacing “Prevent activity that damages the public core” with “Prevent and refrain from activity that damages the public core”',
    );
    expect(auditSentence(fr.t, event('vote.cast', CHANGES['vote.cast']), 'fr')).toBe('Ana Ruiz (Access Now, société civile) a voté contre : « Too early »');
    expect(auditSentence(en.t, event('chair.confirmed', CHANGES['chair.confirmed'], { actorId: null, actorName: null, actorSnapshot: null }), 'en')).toBe(
      'Juan Pérez (Mexico, government) was confirmed as chair by ballot: 9 yes, 1 no, 2 abstentions',
    );
    expect(actorPhrase(en.t, { actorName: null, actorSnapshot: null })).toBe('Parley (system)');
  });

  it('says a vote was cast, never what, when the change is withheld or the ballot is secret', () => {
    const withheld = event('vote.cast', {}, { withheld: 'The choice is hidden until the ballot closes' });
    expect(auditSentence(en.t, withheld, 'en')).toBe('Ana Ruiz (Access Now, civil society) voted (the choice is published when the ballot closes)');
    const secret = event('vote.changed', { commitment: 'c'.repeat(64), commitmentScheme: 'sha256', changes: 1 });
    expect(auditSentence(fr.t, secret, 'fr')).toBe('Ana Ruiz (Access Now, société civile) a changé son vote à bulletin secret');
  });

  it('falls back to "actor: action" for an action it does not know, or a change it cannot read', () => {
    expect(auditSentence(en.t, event('treaty.ratified', { anything: 1 }), 'en')).toBe('Ana Ruiz (Access Now, civil society): treaty.ratified');
    expect(auditSentence(en.t, event('vote.cast', { choice: 'maybe' }), 'en')).toBe('Ana Ruiz (Access Now, civil society): vote.cast');
    expect(auditSentence(fr.t, event('chair.teleported', {}), 'fr')).toBe('Ana Ruiz (Access Now, société civile) : chair.teleported');
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
