import { DRAFTING_REFUSALS, type AmendmentStatusReason, type Problem } from '@parley/contracts';
import { ProblemError } from '../../api/client';
import { createI18n } from '../../test/i18n';
import { problemMessage, refusalMessage } from '../../i18n/server-messages';
import { amendmentStatusNote, statusReasonText } from './status-notes';

const en = createI18n({ lng: 'en', detect: false });
const fr = createI18n({ lng: 'fr', detect: false });

const REASONS: AmendmentStatusReason[] = [
  { code: 'target-changed', params: { since: 1 } },
  { code: 'target-deleted', params: { since: 2, kind: 'replace' } },
  { code: 'target-deleted', params: { since: 2, kind: 'insert' } },
  { code: 'not-applied', params: { version: 3, reason: 'target-already-amended' } },
  { code: 'competing-amendment-accepted', params: { acceptedAmendmentId: 'a1', clauseLabel: '4.', version: 1, authorName: 'Marcus Johnson', organisationName: 'Public Knowledge' } },
  { code: 'competing-amendment-accepted', params: { acceptedAmendmentId: 'a1', clauseLabel: null, version: 1, authorName: 'Marcus Johnson', organisationName: 'Public Knowledge' } },
  { code: 'version-adopted', params: { version: 2 } },
  { code: 'ballot-failed', params: { ballotId: 'b1', outcome: 'failed', explanationParts: [{ code: 'majority', outcome: 'failed', yes: 2, no: 10, abstain: 0, recuse: 0 }] } },
];

describe('amendment status notes and drafting refusals in the reader’s language', () => {
  it.each(REASONS.map((r) => [`${r.code} ${JSON.stringify(r.params).slice(0, 40)}`, r]))('%s reads as a sentence in English and French', (_name, reason) => {
    const english = statusReasonText(en.t, 'en', reason);
    const french = statusReasonText(fr.t, 'fr', reason);
    for (const s of [english, french]) expect(s).not.toMatch(/\{\{|undefined|null|documents\./);
    expect(french).not.toBe(english);
  });

  it('says the English note again in English, and the note in French from the code', () => {
    const outdated = { status: 'outdated' as const, statusNote: 'A competing amendment to clause 4. of version 1, by Marcus Johnson (Public Knowledge), was accepted.', statusReason: REASONS[4] };
    expect(amendmentStatusNote(en.t, 'en', outdated)).toBe(outdated.statusNote);
    expect(amendmentStatusNote(fr.t, 'fr', outdated)).toBe('Un amendement concurrent au paragraphe 4 de la version 1, de Marcus Johnson (Public Knowledge), a été adopté.');
    expect(amendmentStatusNote(fr.t, 'fr', { status: 'rejected', statusNote: 'Failed: 2 yes – 10 no; a simple majority of yes over no was needed.', statusReason: REASONS[7] })).toBe(
      'Issue du scrutin — Rejeté : 2 oui – 10 non ; il fallait une majorité simple de oui sur les non.',
    );
    // Decided before reasons were recorded: the English note, as it was.
    expect(amendmentStatusNote(fr.t, 'fr', { status: 'outdated', statusNote: 'An old note.', statusReason: null })).toBe('An old note.');
    expect(amendmentStatusNote(fr.t, 'fr', { status: 'proposed', statusNote: null, statusReason: null })).toBeNull();
  });

  it('translates every drafting refusal code, and falls back to the English detail for a code it does not know', () => {
    for (const code of Object.keys(DRAFTING_REFUSALS)) {
      const act = { 'not-current-version': 'amend', 'adoption-ballot-open': 'adopt' }[code] ?? 'withdraw';
      const params = { status: 'accepted', version: 1, current: 2, count: 2, disposition: 'noted', act, what: 'amendment' };
      expect(refusalMessage(fr.t, { code, params })).not.toMatch(/\{\{|refusal\.|undefined/);
      expect(refusalMessage(fr.t, { code, params })).not.toBe(refusalMessage(en.t, { code, params }));
    }
    const problem = (p: Partial<Problem>) => new ProblemError({ type: '/problems/conflict', title: 'Conflict', status: 409, detail: 'English detail', ...p });
    expect(problemMessage(fr.t, problem({ code: 'not-proposed', params: { status: 'accepted', act: 'withdraw' } }))).toBe(
      'Cet amendement est adopté ; seul un amendement proposé peut être retiré.',
    );
    expect(problemMessage(fr.t, problem({ code: 'under-ballot', params: { what: 'amendment' } }))).toMatch(/^Cet amendement est soumis au scrutin/);
    expect(problemMessage(fr.t, problem({ code: 'some-future-code', params: {} }))).toBe('English detail');
    expect(problemMessage(fr.t, problem({}))).toBe('English detail');
  });
});
