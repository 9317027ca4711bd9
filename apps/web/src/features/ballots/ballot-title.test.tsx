import { screen } from '@testing-library/react';
import type { AuditEventResponse, BallotResponse, BallotSubjectDetails } from '@parley/contracts';
import { Route, Routes } from 'react-router-dom';
import { createI18n } from '../../test/i18n';
import { renderWithApp } from '../../test/render';
import { auditSentence } from '../audit/sentences';
import { ballotTitle } from './ballot-title';
import { BallotPage } from './BallotPage';

const en = createI18n({ lng: 'en', detect: false });
const fr = createI18n({ lng: 'fr', detect: false });

const PARIS = 'Paris Call — draft principles';
const amendment: BallotSubjectDetails = { type: 'amendment', kind: 'replace', clauseLabel: '4.', atStart: false, documentTitle: PARIS, version: 1 };
const ENGLISH_TITLE = `Amendment: Replace clause 4. of “${PARIS}” (version 1)`;

const ballot = (details: BallotSubjectDetails | null, title = ENGLISH_TITLE): BallotResponse => ({
  id: 'b1',
  workingGroupId: 'g1',
  workingGroup: { id: 'g1', name: 'Working group on international norms' },
  subject: { type: details?.type ?? 'motion', id: details ? 'a1' : null, details },
  title,
  description: null,
  subjectView: null,
  status: 'open',
  rule: 'majority',
  countingUnit: 'person',
  quorum: null,
  quorumPerStakeholderGroup: false,
  visibility: 'roll-call',
  tallies: 'live',
  requireReasonForNo: false,
  openedAt: '2026-03-01T10:00:00.000Z',
  closesAt: '2099-03-08T10:00:00.000Z',
  closedAt: null,
  outcome: null,
  electorateSize: 5,
  votesCast: 0,
  openedBy: { id: 'p1', name: 'Ana Ruiz', snapshot: null },
  closedBy: null,
  closeReason: null,
  warnings: null,
  runningTally: null,
  me: null,
  can: { vote: { code: 'sign-in-to-vote', params: {}, detail: 'Sign in to vote' }, close: { code: 'chairs-only-close', params: {}, detail: 'Only a chair of this working group can close a ballot early' } },
  rollCall: null,
  result: null,
});

/** The ballot page, its ballot answered by a stubbed API. */
function renderBallotPage(b: BallotResponse, language: 'en' | 'fr') {
  (globalThis as { fetch: unknown }).fetch = jest.fn(async () => ({ ok: true, status: 200, statusText: '', headers: { get: () => 'application/json' }, text: async () => JSON.stringify(b), json: async () => b }));
  return renderWithApp(
    <Routes>
      <Route path="/ballots/:id" element={<BallotPage />} />
    </Routes>,
    { language, route: `/ballots/${b.id}` },
  );
}

describe('ballot titles in the reader’s language', () => {
  it.each([
    ['en' as const, ENGLISH_TITLE],
    ['fr' as const, `Amendement : remplacement du paragraphe 4 de « ${PARIS} » (version 1)`],
  ])('the ballot page of an amendment ballot is titled in %s', async (language, title) => {
    renderBallotPage(ballot(amendment), language);
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeTruthy();
  });

  it('a free motion keeps its written title in every language', async () => {
    renderBallotPage(ballot(null, 'That the group meets in Geneva'), 'fr');
    expect(await screen.findByRole('heading', { level: 1, name: 'That the group meets in Geneva' })).toBeTruthy();
  });

  it.each<[string, BallotSubjectDetails, string, string]>([
    ['insertion at the start', { ...amendment, kind: 'insert', clauseLabel: null, atStart: true }, `Amendment: Insert at the start of “${PARIS}” (version 1)`, `Amendement : insertion au début de « ${PARIS} » (version 1)`],
    ['deletion of an unlabelled clause', { ...amendment, kind: 'delete', clauseLabel: null }, `Amendment: Delete a clause of “${PARIS}” (version 1)`, `Amendement : suppression d’un paragraphe de « ${PARIS} » (version 1)`],
    ['adoption', { type: 'adoption', documentTitle: PARIS, version: 2 }, `Adopt version 2 of “${PARIS}”`, `Adoption de la version 2 de « ${PARIS} »`],
    [
      'chair confirmation',
      { type: 'chair-confirmation', personName: 'Claire Dubois', organisationName: 'France', groupName: 'Norms' },
      'Confirm Claire Dubois (France) as chair of Norms',
      'Confirmation de Claire Dubois (France) à la présidence de Norms',
    ],
    [
      'chair removal',
      { type: 'chair-removal', personName: 'Claire Dubois', organisationName: 'France', groupName: 'Norms' },
      'Remove Claire Dubois (France) as chair of Norms',
      'Retrait de Claire Dubois (France) de la présidence de Norms',
    ],
  ])('%s', (_name, details, english, french) => {
    expect(ballotTitle(en.t, ballot(details))).toBe(english);
    expect(ballotTitle(fr.t, ballot(details))).toBe(french);
  });

  it('the ballot.opened audit sentence says the recorded subject in French, and the stored title when there is none', () => {
    const opened = (change: Record<string, unknown>): AuditEventResponse =>
      ({ sequence: 1, action: 'ballot.opened', actorId: 'p1', actorName: 'Ana Ruiz', actorSnapshot: null, subjectType: 'ballot', subjectId: 'b1', change, createdAt: '2026-03-01T10:00:00.000Z' }) as unknown as AuditEventResponse;
    // The terms exactly as the API records them when a ballot opens (the audit-event catalogue's ballot.opened).
    const terms = {
      title: ENGLISH_TITLE,
      description: null,
      rule: 'majority',
      countingUnit: 'person',
      quorum: 0,
      quorumPerStakeholderGroup: false,
      visibility: 'roll-call',
      tallies: 'live',
      requireReasonForNo: false,
      openedAt: '2026-03-01T10:00:00.000Z',
      closesAt: '2026-03-08T10:00:00.000Z',
      electorate: { size: 1, byStakeholderGroup: { government: 1 }, voterIds: ['p1'], digest: 'd' },
    };
    expect(auditSentence(fr.t, opened({ ...terms, subject: { type: 'amendment', id: 'a1', details: amendment } }), 'fr')).toContain(`« Amendement : remplacement du paragraphe 4 de « ${PARIS} » (version 1) »`);
    expect(auditSentence(fr.t, opened({ ...terms, subject: { type: 'amendment', id: 'a1' } }), 'fr')).toContain(`« ${ENGLISH_TITLE} »`);
    // Untrusted data that does not read as the catalogue's event is never read into a sentence: the plain fallback names the actor.
    const untrusted = auditSentence(fr.t, opened({ ...terms, subject: { type: 'amendment', id: 'a1', details: { type: 'amendment', kind: 'explode' } } }), 'fr');
    expect(untrusted).toContain('Ana Ruiz');
    expect(untrusted).not.toContain('explode');
  });
});
