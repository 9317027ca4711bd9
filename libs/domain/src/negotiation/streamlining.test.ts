import { streamlinedKind, streamliningProblem, type StreamliningCandidate } from './streamlining';

const DOC = 'doc-1';
const a = (id: string, over: Partial<StreamliningCandidate> = {}): StreamliningCandidate => ({ id, documentId: DOC, status: 'proposed', kind: 'replace', targetClauseId: 'c4', appliesToVersion: 1, ...over });
const found = (...xs: StreamliningCandidate[]) => new Map(xs.map((x) => [x.id, x]));

describe('streamliningProblem: who may be merged', () => {
  it('two or more proposed amendments rewriting one clause of one version may be merged (a deletion among them too)', () => {
    expect(streamliningProblem(DOC, ['a', 'b'], found(a('a'), a('b')))).toBeNull();
    expect(streamliningProblem(DOC, ['a', 'b', 'c'], found(a('a'), a('b'), a('c', { kind: 'delete' })))).toBeNull();
  });

  it('insertions after one clause (or at the start) may be merged; an insertion never with a replacement', () => {
    expect(streamliningProblem(DOC, ['a', 'b'], found(a('a', { kind: 'insert' }), a('b', { kind: 'insert' })))).toBeNull();
    expect(streamliningProblem(DOC, ['a', 'b'], found(a('a', { kind: 'insert', targetClauseId: null }), a('b', { kind: 'insert', targetClauseId: null })))).toBeNull();
    expect(streamliningProblem(DOC, ['a', 'b'], found(a('a', { kind: 'insert' }), a('b')))).toEqual({ code: 'not-same-place' });
  });

  it('fewer than two, the same one twice, one not found, one of another document', () => {
    expect(streamliningProblem(DOC, ['a'], found(a('a')))).toEqual({ code: 'too-few', minimum: 2 });
    expect(streamliningProblem(DOC, ['a', 'a'], found(a('a')))).toEqual({ code: 'duplicate', amendmentId: 'a' });
    expect(streamliningProblem(DOC, ['a', 'x'], found(a('a')))).toEqual({ code: 'not-found', amendmentId: 'x' });
    expect(streamliningProblem(DOC, ['a', 'b'], found(a('a'), a('b', { documentId: 'other' })))).toEqual({ code: 'other-document', amendmentId: 'b' });
  });

  it('one under ballot runs its course; one decided, withdrawn or already merged is not open', () => {
    expect(streamliningProblem(DOC, ['a', 'b'], found(a('a'), a('b', { status: 'balloting' })))).toEqual({ code: 'under-ballot', amendmentId: 'b' });
    for (const status of ['accepted', 'rejected', 'withdrawn', 'outdated', 'merged']) {
      expect(streamliningProblem(DOC, ['a', 'b'], found(a('a'), a('b', { status })))).toEqual({ code: 'not-open', amendmentId: 'b', status });
    }
  });

  it('different clauses, or different versions, are not one place', () => {
    expect(streamliningProblem(DOC, ['a', 'b'], found(a('a'), a('b', { targetClauseId: 'c5' })))).toEqual({ code: 'not-same-place' });
    expect(streamliningProblem(DOC, ['a', 'b'], found(a('a'), a('b', { appliesToVersion: 2 })))).toEqual({ code: 'not-same-place' });
  });

  it('the merged proposal inserts when its sources insert, and otherwise replaces', () => {
    expect(streamlinedKind([{ kind: 'insert' }, { kind: 'insert' }])).toBe('insert');
    expect(streamlinedKind([{ kind: 'replace' }, { kind: 'delete' }])).toBe('replace');
  });
});
