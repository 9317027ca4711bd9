import { clauseByReference, clauseReferences } from './clause-references';

const clauses = [
  { id: 'h', kind: 'heading' as const },
  { id: 'p1', kind: 'preamble' as const },
  { id: 'p2', kind: 'preamble' as const },
  { id: 'o1', kind: 'operative' as const },
  { id: 'o2', kind: 'operative' as const },
];

describe('clause references', () => {
  it('names preambular and operative paragraphs as delegates do', () => {
    expect([...clauseReferences(clauses).values()]).toEqual(['H1', 'PP1', 'PP2', 'OP1', 'OP2']);
  });

  it('reads the ways a delegate writes a reference, and refuses what names nothing', () => {
    expect(clauseByReference(clauses, 'OP2')).toBe('o2');
    expect(clauseByReference(clauses, ' op 1 ')).toBe('o1');
    expect(clauseByReference(clauses, '2.')).toBe('o2');
    expect(clauseByReference(clauses, 'PP2')).toBe('p2');
    expect(clauseByReference(clauses, 'PP3')).toBeNull();
    expect(clauseByReference(clauses, 'Annex')).toBeNull();
  });
});
