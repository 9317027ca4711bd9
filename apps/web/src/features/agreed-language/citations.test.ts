import type { AgreedLanguagePedigree } from '@parley/contracts';
import { addCitation, citationErrorIndexes, citationInputs, insertPassage, strayCitations, type DraftCitation } from './citations';

const pedigree: AgreedLanguagePedigree = {
  workingGroup: { id: 'g1', name: 'Norms group' },
  document: { id: 'd1', title: 'Paris Call' },
  version: 2,
  clauseId: 'c1',
  label: 'OP7',
  adoptedAt: '2026-03-03T10:00:00.000Z',
  ballotId: null,
};
const cite = (passage: string, over: Partial<DraftCitation> = {}): DraftCitation => ({ documentId: 'd1', version: 2, clauseId: 'c1', passage, pedigree, ...over });

describe('inserting agreed language into a text', () => {
  it('puts the passage at the cursor, spaced from the words around it, the passage itself untouched', () => {
    expect(insertPassage('Recalling and', { start: 9, end: 9 }, 'the Charter')).toEqual({ text: 'Recalling the Charter and', caret: 21 });
    expect(insertPassage('', null, 'Reaffirming due diligence,')).toEqual({ text: 'Reaffirming due diligence,', caret: 26 });
  });

  it('replaces what the drafter selected, and goes at the end when the field was never touched', () => {
    expect(insertPassage('States should act.', { start: 7, end: 13 }, 'shall')).toEqual({ text: 'States shall act.', caret: 12 });
    expect(insertPassage('Noting', null, 'the report')).toEqual({ text: 'Noting the report', caret: 17 });
  });

  it('adds no space next to punctuation or an existing space, and copes with a stale cursor', () => {
    expect(insertPassage('Noting ; and', { start: 7, end: 7 }, 'X')).toEqual({ text: 'Noting X; and', caret: 8 });
    expect(insertPassage('abc', { start: 40, end: 50 }, 'd').text).toBe('abc d');
  });
});

describe('citations', () => {
  it('are kept once per adopted clause and words', () => {
    const one = addCitation([], cite('due diligence'));
    expect(addCitation(one, cite('due diligence'))).toHaveLength(1);
    expect(addCitation(one, cite('due diligence', { version: 3 }))).toHaveLength(2);
  });

  it('that are no longer verbatim in the text are found before the server refuses them', () => {
    const list = [cite('due diligence'), cite('hack-back'), cite('the Charter')];
    expect(strayCitations('States exercise due diligence under the Charter.', list)).toEqual([1]);
    expect(strayCitations('States exercise due  diligence.', list)).toEqual([0, 1, 2]);
  });

  it('are sent without their pedigree, and not at all when there are none', () => {
    expect(citationInputs([])).toEqual({});
    expect(citationInputs([cite('due diligence')])).toEqual({ citations: [{ documentId: 'd1', version: 2, clauseId: 'c1', passage: 'due diligence' }] });
  });

  it('find their own refusal among the server’s field errors, in an amendment or a chair’s text clause', () => {
    expect([...citationErrorIndexes(['text', 'citations.1.passage', 'citations.1.clauseId', 'citations.0'])]).toEqual([
      [1, 'citations.1.passage'],
      [0, 'citations.0'],
    ]);
    expect([...citationErrorIndexes(['clauses.2.citations.0.passage', 'clauses.1.citations.3.passage'], 'clauses.2.')]).toEqual([[0, 'clauses.2.citations.0.passage']]);
  });
});
