import { amendmentStanding, competes, competingGroups, outdatedByAcceptance } from './outdated';
import { clause, parisCall } from './paris-call.fixture';
import type { Amendment, Clause } from './types';

const hackBack = clause('c14').text;
const noHackBack = 'Take steps to prevent non-State actors from hacking-back, for their own purposes or those of other non-State actors.';

const replace = (id: string, target: string, baseVersion = 1): Amendment => ({
  id,
  kind: 'replace',
  targetClauseId: target,
  text: noHackBack,
  baseVersion,
});
const remove = (id: string, target: string, baseVersion = 1): Amendment => ({ id, kind: 'delete', targetClauseId: target, baseVersion });
const insert = (id: string, after: string | null, baseVersion = 1): Amendment => ({
  id,
  kind: 'insert',
  targetClauseId: after,
  text: 'Encourage the coordinated disclosure of vulnerabilities.',
  newClauseKind: 'operative',
  baseVersion,
});

const v2Unchanged: Clause[] = parisCall;
const v2Reworded: Clause[] = parisCall.map((c) => (c.id === 'c14' ? { ...c, text: noHackBack } : c));
const v2Deleted: Clause[] = parisCall.filter((c) => c.id !== 'c14');

describe('amendmentStanding', () => {
  it.each<[string, Amendment, number, Clause[], string | null, string, string | null]>([
    ['a replace against the current version', replace('a', 'c14', 2), 2, v2Reworded, noHackBack, 'current', null],
    ['a replace whose target did not change', replace('a', 'c14'), 2, v2Unchanged, hackBack, 'carried-forward', null],
    ['a replace whose target was reworded', replace('a', 'c14'), 2, v2Reworded, hackBack, 'outdated', 'target-changed'],
    ['a replace whose target was deleted', replace('a', 'c14'), 2, v2Deleted, hackBack, 'outdated', 'target-deleted'],
    ['a delete whose target was reworded', remove('a', 'c14'), 3, v2Reworded, hackBack, 'outdated', 'target-changed'],
    ['a delete whose target is unchanged two versions on', remove('a', 'c14'), 3, v2Unchanged, hackBack, 'carried-forward', null],
    ['an insert after a clause that was reworded', insert('a', 'c14'), 2, v2Reworded, null, 'carried-forward', null],
    ['an insert after a clause that was deleted', insert('a', 'c14'), 2, v2Deleted, null, 'outdated', 'target-deleted'],
    ['an insert at the start', insert('a', null), 2, v2Deleted, null, 'carried-forward', null],
  ])('%s', (_case, amendment, currentNumber, clauses, baseText, status, reason) => {
    const standing = amendmentStanding(amendment, { number: currentNumber, clauses }, baseText);
    expect(standing.status).toBe(status);
    if (standing.status === 'outdated') {
      expect(standing.reason).toBe(reason);
      expect(standing.note).toMatch(/after version 1/);
    }
    if (standing.status === 'carried-forward') expect(standing).toEqual({ status, fromVersion: 1, toVersion: currentNumber });
  });

  it('refuses an amendment based on a version after the current one', () => {
    expect(() => amendmentStanding(replace('a', 'c14', 3), { number: 2, clauses: parisCall }, hackBack)).toThrow(RangeError);
  });

  it('needs the base text of a replace or delete target', () => {
    expect(() => amendmentStanding(remove('a', 'c14'), { number: 2, clauses: parisCall }, null)).toThrow(TypeError);
  });
});

describe('competing amendments', () => {
  it.each<[string, Amendment, Amendment, boolean]>([
    ['two replaces of one clause of one version', replace('a', 'c14'), replace('b', 'c14'), true],
    ['a replace and a delete of one clause', replace('a', 'c14'), remove('b', 'c14'), true],
    ['one amendment with itself', replace('a', 'c14'), replace('a', 'c14'), false],
    ['different clauses', replace('a', 'c14'), replace('b', 'c13'), false],
    ['different base versions', replace('a', 'c14'), replace('b', 'c14', 2), false],
    ['a replace and an insert after that clause', replace('a', 'c14'), insert('b', 'c14'), false],
    ['two inserts after one clause', insert('a', 'c14'), insert('b', 'c14'), false],
  ])('%s', (_case, a, b, expected) => {
    expect(competes(a, b)).toBe(expected);
    expect(competes(b, a)).toBe(expected);
  });

  it('lists the open amendments a competing acceptance makes outdated, with a note', () => {
    const accepted = replace('a', 'c14');
    const open = [accepted, replace('b', 'c14'), remove('c', 'c14'), replace('d', 'c14', 2), insert('e', 'c14'), replace('f', 'c13')];
    expect(outdatedByAcceptance(accepted, open)).toEqual([
      {
        amendmentId: 'b',
        reason: 'competing-amendment-accepted',
        acceptedAmendmentId: 'a',
        note: 'Amendment "a" to the same clause of version 1 was accepted.',
      },
      {
        amendmentId: 'c',
        reason: 'competing-amendment-accepted',
        acceptedAmendmentId: 'a',
        note: 'Amendment "a" to the same clause of version 1 was accepted.',
      },
    ]);
    expect(outdatedByAcceptance(insert('e', 'c14'), open)).toEqual([]);
  });

  it('groups competing amendments to show them together', () => {
    const groups = competingGroups([
      replace('z', 'c14'),
      insert('i', 'c14'),
      replace('m', 'c13'),
      remove('b', 'c14'),
      replace('y', 'c13'),
      replace('q', 'c12'),
    ]);
    expect(groups.map((g) => g.map((a) => a.id))).toEqual([
      ['b', 'z'],
      ['m', 'y'],
    ]);
  });
});
