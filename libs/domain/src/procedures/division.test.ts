import { applyDivisionDeletions, divisionClauseProblem, divisionResult, divisionsBlockingAdoption } from './division';

const version = [
  { id: 'h', kind: 'heading' as const },
  { id: 'pp1', kind: 'preamble' as const },
  { id: 'op1', kind: 'operative' as const },
  { id: 'op2', kind: 'operative' as const },
];

describe('division of the question', () => {
  it('deletes the paragraphs only when the ballot to retain them failed; without quorum the text stands', () => {
    expect(divisionResult('failed')).toBe('deleted');
    expect(divisionResult('passed')).toBe('retained');
    expect(divisionResult('no-quorum')).toBe('retained');
  });

  it('accepts paragraphs of the version named once', () => {
    expect(divisionClauseProblem(['op1', 'op2'], version)).toBeNull();
  });

  it('refuses a clause named twice, a clause of another version, and a heading (it is not a paragraph)', () => {
    expect(divisionClauseProblem(['op1', 'op1'], version)).toEqual({ code: 'duplicate', clauseId: 'op1' });
    expect(divisionClauseProblem(['zz'], version)).toEqual({ code: 'not-in-version', clauseId: 'zz' });
    expect(divisionClauseProblem(['h'], version)).toEqual({ code: 'heading', clauseId: 'h' });
  });

  it('refuses dividing every paragraph: that is the vote on the whole', () => {
    expect(divisionClauseProblem(['pp1', 'op1', 'op2'], version)).toEqual({ code: 'whole-text' });
  });

  it('holds the adoption back while a request is undecided, a ballot runs, or a deletion waits for its consolidation', () => {
    const rs = [
      { id: 'a', status: 'pending' as const, consolidatedInVersion: null },
      { id: 'b', status: 'balloting' as const, consolidatedInVersion: null },
      { id: 'c', status: 'deleted' as const, consolidatedInVersion: null },
      { id: 'd', status: 'deleted' as const, consolidatedInVersion: 3 },
      { id: 'e', status: 'retained' as const, consolidatedInVersion: null },
      { id: 'f', status: 'declined' as const, consolidatedInVersion: null },
    ];
    expect(divisionsBlockingAdoption(rs).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('a failed division deletes its paragraphs from the text; a paragraph already gone deletes nothing', () => {
    const clauses = [{ id: 'op1' }, { id: 'op2' }, { id: 'op3' }];
    const out = applyDivisionDeletions(clauses, [
      { id: 'd1', clauseIds: ['op2', 'gone'] },
      { id: 'd2', clauseIds: ['op2'] },
    ]);
    expect(out.clauses.map((c) => c.id)).toEqual(['op1', 'op3']);
    expect(out.applied).toEqual([
      { divisionId: 'd1', clauseIds: ['op2'] },
      { divisionId: 'd2', clauseIds: [] },
    ]);
  });
});
