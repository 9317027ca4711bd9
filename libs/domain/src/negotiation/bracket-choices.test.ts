import type { Clause } from '../drafting/types';
import { applyBracketChoices, type BracketChoice } from './bracket-choices';

const clauses: Clause[] = [
  { id: 'h', kind: 'heading', text: 'Principles' },
  { id: 'c1', kind: 'operative', text: 'States shall refrain from attacks on critical infrastructure.' },
  { id: 'c2', kind: 'operative', text: 'Companies should disclose vulnerabilities.' },
];
const choice = (over: Partial<BracketChoice>): BracketChoice => ({
  bracketId: 'b1',
  clauseId: 'c1',
  passage: 'shall',
  hintStart: 7,
  text: 'should',
  removedAt: '2026-12-01T10:00:00Z',
  ...over,
});

describe('applyBracketChoices', () => {
  it('replaces the passage with the chosen text and leaves other clauses as they were', () => {
    const r = applyBracketChoices(clauses, [choice({})]);
    expect(r.clauses[1].text).toBe('States should refrain from attacks on critical infrastructure.');
    expect(r.clauses[0]).toEqual(clauses[0]);
    expect(r.clauses[2]).toEqual(clauses[2]);
    expect(r.applied).toEqual([{ bracketId: 'b1', clauseId: 'c1' }]);
    expect(r.notApplied).toEqual([]);
    expect(clauses[1].text).toBe('States shall refrain from attacks on critical infrastructure.');
  });

  it('finds the passage again when the clause moved it (an amendment applied first)', () => {
    const amended = clauses.map((c) => (c.id === 'c1' ? { ...c, text: `Recalling its work, ${c.text}` } : c));
    expect(applyBracketChoices(amended, [choice({})]).clauses[1].text).toBe(
      'Recalling its work, States should refrain from attacks on critical infrastructure.',
    );
  });

  it('reports a choice whose passage or clause is gone, and changes nothing for it', () => {
    const r = applyBracketChoices(clauses, [choice({ bracketId: 'b2', passage: 'must' }), choice({ bracketId: 'b3', clauseId: 'gone' })]);
    expect(r.clauses).toEqual(clauses);
    expect(r.applied).toEqual([]);
    expect(r.notApplied.map((n) => [n.bracketId, n.reason])).toEqual([
      ['b2', 'passage-not-found'],
      ['b3', 'clause-not-found'],
    ]);
  });

  it('applies several choices in one clause, in removal order whatever the order given', () => {
    const a = choice({ bracketId: 'a', passage: 'critical infrastructure', hintStart: 37, text: 'essential services', removedAt: '2026-12-02T00:00:00Z' });
    const b = choice({ bracketId: 'b', removedAt: '2026-12-01T00:00:00Z' });
    const one = applyBracketChoices(clauses, [a, b]);
    const two = applyBracketChoices(clauses, [b, a]);
    expect(one).toEqual(two);
    expect(one.clauses[1].text).toBe('States should refrain from attacks on essential services.');
    expect(one.applied.map((x) => x.bracketId)).toEqual(['b', 'a']);
  });
});
