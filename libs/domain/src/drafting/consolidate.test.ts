import fc from 'fast-check';
import { compareAcceptance, consolidate } from './consolidate';
import { clauseLabels } from './numbering';
import { clause, parisCall } from './paris-call.fixture';
import type { AcceptedAmendment, Clause } from './types';

const newId = (a: AcceptedAmendment): string => `new-${a.id}`;
const at = (minute: number): string => new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString();

const replace = (id: string, target: string, text: string, minute = 0): AcceptedAmendment => ({
  id,
  kind: 'replace',
  targetClauseId: target,
  text,
  baseVersion: 1,
  acceptedAt: at(minute),
});
const insert = (id: string, after: string | null, text: string, minute = 0): AcceptedAmendment => ({
  id,
  kind: 'insert',
  targetClauseId: after,
  text,
  newClauseKind: 'operative',
  baseVersion: 1,
  acceptedAt: at(minute),
});
const remove = (id: string, target: string, minute = 0): AcceptedAmendment => ({
  id,
  kind: 'delete',
  targetClauseId: target,
  baseVersion: 1,
  acceptedAt: at(minute),
});

const noHackBack = 'Take steps to prevent non-State actors from hacking-back, for their own purposes or those of other non-State actors.';
const vulnerabilities = 'Encourage the coordinated disclosure of vulnerabilities.';
const ids = (clauses: Clause[]): string[] => clauses.map((c) => c.id);

describe('consolidate', () => {
  it('replaces a clause text, keeping its id and kind', () => {
    const result = consolidate(parisCall, [replace('a1', 'c14', noHackBack)], newId);
    expect(result.clauses.find((c) => c.id === 'c14')).toEqual({ id: 'c14', kind: 'operative', text: noHackBack });
    expect(result.applied).toEqual([{ amendmentId: 'a1', kind: 'replace', clauseId: 'c14' }]);
    expect(result.notApplied).toEqual([]);
  });

  it('inserts a tenth principle after the ninth, numbered 10.', () => {
    const result = consolidate(parisCall, [insert('a1', 'c15', vulnerabilities)], newId);
    expect(ids(result.clauses).slice(-2)).toEqual(['c15', 'new-a1']);
    expect(clauseLabels(result.clauses).get('new-a1')).toBe('10.');
    expect(result.applied).toEqual([{ amendmentId: 'a1', kind: 'insert', clauseId: 'new-a1' }]);
  });

  it('inserts at the start when the target is null', () => {
    expect(ids(consolidate(parisCall, [insert('a1', null, vulnerabilities)], newId).clauses).slice(0, 2)).toEqual(['new-a1', 'c01']);
  });

  it('deletes a clause and renumbers the rest', () => {
    const result = consolidate(parisCall, [remove('a1', 'c10')], newId);
    expect(ids(result.clauses)).not.toContain('c10');
    expect(clauseLabels(result.clauses).get('c11')).toBe('4.');
  });

  it('puts several insertions at one place in acceptance order, whatever the input order', () => {
    const amendments = [insert('b', 'c15', 'Second.', 5), insert('a', 'c15', 'Third.', 9), insert('z', 'c15', 'First.', 1)];
    const result = consolidate(parisCall, amendments, newId);
    expect(result.clauses.slice(-4).map((c) => c.text)).toEqual([clause('c15').text, 'First.', 'Second.', 'Third.']);
    expect(result.applied.map((a) => a.amendmentId)).toEqual(['z', 'b', 'a']);
  });

  it.each<[string, AcceptedAmendment[], { amendmentId: string; reason: string }[]]>([
    [
      'a replace after the clause was deleted',
      [remove('a1', 'c14', 1), replace('a2', 'c14', noHackBack, 2)],
      [{ amendmentId: 'a2', reason: 'target-deleted' }],
    ],
    [
      'a delete after the clause was deleted',
      [remove('a1', 'c14', 1), remove('a2', 'c14', 2)],
      [{ amendmentId: 'a2', reason: 'target-deleted' }],
    ],
    [
      'a second replace of one clause',
      [replace('a1', 'c14', noHackBack, 1), replace('a2', 'c14', 'Take steps.', 2)],
      [{ amendmentId: 'a2', reason: 'target-already-amended' }],
    ],
    [
      'a delete of a clause just replaced',
      [replace('a1', 'c14', noHackBack, 1), remove('a2', 'c14', 2)],
      [{ amendmentId: 'a2', reason: 'target-already-amended' }],
    ],
    [
      'a replace of a clause just inserted',
      [insert('a1', 'c15', vulnerabilities, 1), replace('a2', 'new-a1', 'Other.', 2)],
      [{ amendmentId: 'a2', reason: 'target-already-amended' }],
    ],
    ['a target that is not in the version', [replace('a1', 'c99', noHackBack)], [{ amendmentId: 'a1', reason: 'target-not-found' }]],
    [
      'an insertion after a clause that is not in the version',
      [insert('a1', 'c99', vulnerabilities)],
      [{ amendmentId: 'a1', reason: 'target-not-found' }],
    ],
    [
      'two amendments with one id',
      [replace('a1', 'c14', noHackBack), remove('a1', 'c10')],
      [
        { amendmentId: 'a1', reason: 'duplicate-amendment-id' },
        { amendmentId: 'a1', reason: 'duplicate-amendment-id' },
      ],
    ],
  ])('does not apply %s, and says why', (_case, amendments, refused) => {
    const result = consolidate(parisCall, amendments, newId);
    expect(result.notApplied.map(({ amendmentId, reason }) => ({ amendmentId, reason }))).toEqual(refused);
    expect(result.notApplied.every((n) => n.note.length > 0)).toBe(true);
    expect(result.applied.length + result.notApplied.length).toBe(amendments.length);
  });

  it('refuses a new clause id the version already uses', () => {
    const result = consolidate(parisCall, [insert('a1', 'c15', vulnerabilities)], () => 'c07');
    expect(result.notApplied).toMatchObject([{ amendmentId: 'a1', reason: 'new-clause-id-taken' }]);
    expect(result.clauses).toEqual(parisCall);
  });

  it('puts an insertion after a clause deleted earlier in that clause’s place', () => {
    const result = consolidate(parisCall, [remove('a1', 'c14', 1), insert('a2', 'c14', vulnerabilities, 2)], newId);
    expect(ids(result.clauses).slice(-3)).toEqual(['c13', 'new-a2', 'c15']);
    expect(result.notApplied).toEqual([]);
  });

  it('applies a later-accepted amendment after an earlier one, whatever the input order', () => {
    // accepted second: the replace is refused because the clause was deleted first
    const result = consolidate(parisCall, [replace('a1', 'c14', noHackBack, 7), remove('a2', 'c14', 3)], newId);
    expect(result.applied.map((a) => a.amendmentId)).toEqual(['a2']);
    expect(result.notApplied).toMatchObject([{ amendmentId: 'a1', reason: 'target-deleted' }]);
  });

  it.each([
    ['earlier instant first', { id: 'b', acceptedAt: '2026-03-01T09:00:00Z' }, { id: 'a', acceptedAt: '2026-03-01T10:00:00Z' }, -1],
    ['same instant: by id', { id: 'a', acceptedAt: '2026-03-01T09:00:00Z' }, { id: 'b', acceptedAt: '2026-03-01T09:00:00.000Z' }, -1],
    [
      'offsets are parsed, not compared as text',
      { id: 'a', acceptedAt: '2026-03-01T10:00:00+02:00' },
      { id: 'b', acceptedAt: '2026-03-01T09:00:00Z' },
      -1,
    ],
    ['an unparseable instant sorts last', { id: 'a', acceptedAt: 'yesterday' }, { id: 'b', acceptedAt: '2026-03-01T09:00:00Z' }, 1],
  ])('compareAcceptance: %s', (_case, a, b, sign) => {
    const full = (x: { id: string; acceptedAt: string }): AcceptedAmendment => ({ ...remove(x.id, 'c07'), acceptedAt: x.acceptedAt });
    expect(Math.sign(compareAcceptance(full(a), full(b)))).toBe(sign);
    expect(Math.sign(compareAcceptance(full(b), full(a)))).toBe(-sign);
  });

  it('is fast for 300 clauses and 300 amendments', () => {
    const clauses: Clause[] = Array.from({ length: 300 }, (_, i) => ({ ...parisCall[i % 15], id: `k${i}` }));
    const amendments = clauses.map((c, i) =>
      i % 3 === 0
        ? replace(`a${i}`, c.id, noHackBack, i % 60)
        : i % 3 === 1
          ? insert(`a${i}`, c.id, vulnerabilities, i % 60)
          : remove(`a${i}`, c.id, i % 60),
    );
    const started = performance.now();
    const result = consolidate(clauses, amendments, newId);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.clauses).toHaveLength(300);
  });
});

// Amendments over the Paris Call, including targets that are missing, deleted or created in the same run,
// shared instants (ties broken by id) and occasionally shared ids.
const targetIds = [...parisCall.map((c) => c.id), 'c99', ...['a0', 'a1', 'a2', 'a3'].map((id) => `new-${id}`)];
const amendmentArb: fc.Arbitrary<AcceptedAmendment> = fc
  .record({
    id: fc.constantFrom('a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10', 'a11'),
    kind: fc.constantFrom('replace' as const, 'insert' as const, 'delete' as const),
    target: fc.constantFrom(...targetIds),
    atStart: fc.boolean(),
    text: fc.constantFrom(...parisCall.map((c) => c.text), noHackBack, vulnerabilities),
    minute: fc.nat(5),
  })
  .map(({ id, kind, target, atStart, text, minute }) =>
    kind === 'replace'
      ? replace(id, target, text, minute)
      : kind === 'insert'
        ? insert(id, atStart ? null : target, text, minute)
        : remove(id, target, minute),
  );

describe('consolidate properties', () => {
  it('never loses or alters a clause no amendment targets, nor changes their order', () => {
    fc.assert(
      fc.property(fc.array(amendmentArb, { maxLength: 12 }), (amendments) => {
        const targeted = new Set(amendments.filter((a) => a.kind !== 'insert').map((a) => a.targetClauseId));
        const untouched = parisCall.filter((c) => !targeted.has(c.id));
        const result = consolidate(parisCall, amendments, newId);
        const survivors = result.clauses.filter((c) => untouched.some((u) => u.id === c.id));
        expect(survivors).toEqual(untouched);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result whatever order the amendments are given in', () => {
    fc.assert(
      fc.property(
        fc
          .array(amendmentArb, { maxLength: 12 })
          .chain((amendments) => fc.tuple(fc.constant(amendments), fc.shuffledSubarray(amendments, { minLength: amendments.length }))),
        ([amendments, shuffled]) => {
          expect(consolidate(parisCall, shuffled, newId)).toEqual(consolidate(parisCall, amendments, newId));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accounts for every amendment exactly once, and keeps clause ids unique', () => {
    fc.assert(
      fc.property(fc.array(amendmentArb, { maxLength: 12 }), (amendments) => {
        const result = consolidate(parisCall, amendments, newId);
        expect(result.applied.length + result.notApplied.length).toBe(amendments.length);
        expect(new Set(ids(result.clauses)).size).toBe(result.clauses.length);
      }),
    );
  });
});
