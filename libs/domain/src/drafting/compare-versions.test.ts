import fc from 'fast-check';
import { compareVersions } from './compare-versions';
import { clause, parisCall } from './paris-call.fixture';
import type { Clause } from './types';
import { renderPlainDiff } from './word-diff';

const without = (id: string): Clause[] => parisCall.filter((c) => c.id !== id);
const moved = (id: string, toIndex: number): Clause[] => {
  const rest = without(id);
  return [...rest.slice(0, toIndex), clause(id), ...rest.slice(toIndex)];
};
const replaced = (id: string, text: string): Clause[] => parisCall.map((c) => (c.id === id ? { ...c, text } : c));
const responsibleBehaviour: Clause = {
  id: 'n1',
  kind: 'operative',
  text: 'Encourage all actors to report vulnerabilities responsibly.',
};
const statusesOf = (before: Clause[], after: Clause[]): string[] =>
  compareVersions(before, after).clauses.map((r) => `${r.clauseId}:${r.status}`);

describe('compareVersions', () => {
  it.each<[string, Clause[], Record<string, number>, string[]]>([
    ['identical versions', parisCall, { unchanged: 15 }, []],
    [
      'a principle inserted after the heading',
      [...parisCall.slice(0, 6), responsibleBehaviour, ...parisCall.slice(6)],
      { unchanged: 15, inserted: 1 },
      ['n1:inserted'],
    ],
    ['a principle deleted', without('c08'), { unchanged: 14, deleted: 1 }, ['c08:deleted']],
    ['the last principle moved to the top of the principles', moved('c15', 6), { unchanged: 14, moved: 1 }, ['c15:moved']],
    ['the first principle moved to the end', moved('c07', 14), { unchanged: 14, moved: 1 }, ['c07:moved']],
    ['two adjacent principles swapped (one of the pair is marked)', moved('c09', 7), { unchanged: 14, moved: 1 }, ['c09:moved']],
    [
      'a principle reworded',
      replaced('c13', clause('c13').text.replace('an advanced', 'a basic')),
      { unchanged: 14, changed: 1 },
      ['c13:changed'],
    ],
  ])('%s', (_case, after, counts, notUnchanged) => {
    const { clauses, summary } = compareVersions(parisCall, after);
    expect(summary).toEqual({ unchanged: 0, changed: 0, moved: 0, inserted: 0, deleted: 0, ...counts });
    expect(clauses.filter((r) => r.status !== 'unchanged').map((r) => `${r.clauseId}:${r.status}`)).toEqual(notUnchanged);
  });

  it('orders rows as the new version reads, with a deleted clause where it stood', () => {
    const after = [...without('c08').slice(0, 7), responsibleBehaviour, ...without('c08').slice(7)];
    expect(statusesOf(parisCall, after).slice(5, 10)).toEqual([
      'c06:unchanged',
      'c07:unchanged',
      'c08:deleted',
      'n1:inserted',
      'c09:unchanged',
    ]);
  });

  it('puts clauses deleted at the very start first', () => {
    expect(statusesOf(parisCall, parisCall.slice(2)).slice(0, 3)).toEqual(['c01:deleted', 'c02:deleted', 'c03:unchanged']);
  });

  it('anchors a deleted clause to a clause that stayed in place, not to one that moved away', () => {
    // c07 moves to the end and c08 is deleted: c08 is shown after c06 (its nearest unmoved predecessor)
    const after = [...parisCall.slice(0, 6), ...parisCall.slice(8), clause('c07')];
    expect(statusesOf(parisCall, after).slice(5, 8)).toEqual(['c06:unchanged', 'c08:deleted', 'c09:unchanged']);
  });

  it('gives labels before and after, so "2." becoming "1." is visible', () => {
    const row = compareVersions(parisCall, without('c07')).clauses.find((r) => r.clauseId === 'c08');
    expect(row).toMatchObject({ status: 'unchanged', beforeLabel: '2.', afterLabel: '1.' });
  });

  it('carries the word diff of a changed clause', () => {
    const row = compareVersions(parisCall, replaced('c13', clause('c13').text.replace('an advanced', 'a basic'))).clauses.find(
      (r) => r.clauseId === 'c13',
    );
    expect(row && renderPlainDiff(row.diff)).toBe('Support efforts to strengthen [-an advanced-]{+a basic+} cyber hygiene for all actors.');
  });

  it('marks a clause both moved and reworded as moved, with its text diff', () => {
    const after = moved('c15', 6).map((c) => (c.id === 'c15' ? { ...c, text: c.text.replace('Promote', 'Advance') } : c));
    const row = compareVersions(parisCall, after).clauses.find((r) => r.clauseId === 'c15');
    expect(row).toMatchObject({ status: 'moved', textChanged: true, beforeLabel: '9.', afterLabel: '1.' });
    expect(row && renderPlainDiff(row.diff)).toMatch(/^\[-Promote-\]\{\+Advance\+\} the widespread/);
  });

  it('counts a change of kind as a change', () => {
    const after = parisCall.map((c) => (c.id === 'c05' ? { ...c, kind: 'operative' as const } : c));
    expect(statusesOf(parisCall, after)[4]).toBe('c05:changed');
  });

  it('gives inserted and deleted clauses whole-text diffs', () => {
    const rows = compareVersions([clause('c07')], [clause('c08')]).clauses;
    expect(rows.map((r) => [r.status, r.diff])).toEqual([
      ['deleted', [{ op: 'delete', text: clause('c07').text }]],
      ['inserted', [{ op: 'insert', text: clause('c08').text }]],
    ]);
  });

  it('refuses a version with two clauses of one id', () => {
    expect(() => compareVersions(parisCall, [...parisCall, clause('c07')])).toThrow(/Duplicate clause id "c07"/);
  });

  it('never marks a clause moved when clauses were only inserted and deleted', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 15, maxLength: 15 }), fc.array(fc.nat(15), { maxLength: 6 }), (keep, insertAt) => {
        const after: Clause[] = parisCall.filter((_, i) => keep[i]);
        insertAt.forEach((at, n) =>
          after.splice(Math.min(at, after.length), 0, { id: `n${n}`, kind: 'operative', text: `New clause ${n}.` }),
        );
        const { summary } = compareVersions(parisCall, after);
        expect(summary.moved).toBe(0);
        expect(summary.deleted).toBe(keep.filter((k) => !k).length);
        expect(summary.inserted).toBe(insertAt.length);
      }),
    );
  });

  it('lists every clause of both versions once, and the new version in its order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(parisCall), (after) => {
        const rows = compareVersions(parisCall, after).clauses;
        expect(rows).toHaveLength(parisCall.length);
        expect(rows.filter((r) => r.after !== null).map((r) => r.clauseId)).toEqual(after.map((c) => c.id));
        const unmoved = rows.filter((r) => r.status === 'unchanged').map((r) => r.clauseId);
        expect([...unmoved].sort()).toEqual(unmoved); // what is not marked moved kept its relative order
      }),
    );
  });

  it('is fast for 300 clauses', () => {
    const before: Clause[] = Array.from({ length: 300 }, (_, i) => ({ ...parisCall[i % 15], id: `k${i}` }));
    const after = before.map((c, i) => (i % 3 === 0 ? { ...c, text: c.text.replace(/ the /g, ' a ') + ' Added words.' } : c)).reverse();
    const started = performance.now();
    const { summary } = compareVersions(before, after);
    expect(performance.now() - started).toBeLessThan(500);
    expect(summary.moved).toBe(299);
  });
});
