import { clauseLabels, numberClauses } from './numbering';
import { parisCall } from './paris-call.fixture';
import type { Clause } from './types';

describe('numberClauses', () => {
  const labels = clauseLabels(parisCall);

  it.each([
    ['c01', 'the "Preamble" heading', null],
    ['c02', 'the first preambular paragraph', null],
    ['c06', 'the "Principles" heading', null],
    ['c07', 'the first principle', '1.'],
    ['c10', 'the principle on ICT-enabled theft', '4.'],
    ['c15', 'the last principle', '9.'],
  ])('%s, %s, is labelled %j', (id, _what, label) => {
    expect(labels.get(id)).toBe(label);
  });

  it('numbers operative clauses in reading order, wherever headings and preambles fall between them', () => {
    const clauses: Clause[] = [
      { id: 'a', kind: 'operative', text: 'First.' },
      { id: 'h', kind: 'heading', text: 'Annex' },
      { id: 'p', kind: 'preamble', text: 'Recalling.' },
      { id: 'b', kind: 'operative', text: 'Second.' },
    ];
    expect(numberClauses(clauses).map((c) => [c.id, c.number, c.label])).toEqual([
      ['a', 1, '1.'],
      ['h', null, null],
      ['p', null, null],
      ['b', 2, '2.'],
    ]);
  });

  it('keeps the clause fields and handles an empty version', () => {
    expect(numberClauses(parisCall)[6]).toMatchObject(parisCall[6]);
    expect(numberClauses([])).toEqual([]);
  });
});
