import type { Clause } from '../drafting/types';
import { planChairsText } from './chairs-text';

const current: Clause[] = [
  { id: 'h', kind: 'heading', text: 'Principles' },
  { id: 'a', kind: 'operative', text: 'States shall cooperate.' },
  { id: 'b', kind: 'operative', text: 'Companies should disclose vulnerabilities.' },
];
const newId = (i: number) => `new-${i}`;

describe('planChairsText', () => {
  it('keeps the identity of clauses that name their id, in the chair’s order, and gives new clauses new ids', () => {
    const plan = planChairsText(
      current,
      [
        { id: 'h', kind: 'heading', text: 'Principles' },
        { id: 'b', kind: 'operative', text: 'Companies shall disclose vulnerabilities.' },
        { kind: 'operative', text: 'All actors should share threat information.' },
      ],
      newId,
    );
    expect(plan).toEqual({
      ok: true,
      clauses: [
        { id: 'h', kind: 'heading', text: 'Principles' },
        { id: 'b', kind: 'operative', text: 'Companies shall disclose vulnerabilities.' },
        { id: 'new-2', kind: 'operative', text: 'All actors should share threat information.' },
      ],
      changes: { kept: 1, changed: ['b'], added: ['new-2'], removed: ['a'] },
    });
  });

  it('counts a change of kind as a change', () => {
    const plan = planChairsText(current, [{ id: 'a', kind: 'preamble', text: 'States shall cooperate.' }], newId);
    expect(plan.ok && plan.changes).toEqual({ kept: 0, changed: ['a'], added: [], removed: ['h', 'b'] });
  });

  it('refuses an id that is not a clause of the current version, naming its place', () => {
    expect(planChairsText(current, [{ id: 'a', kind: 'operative', text: 'x' }, { id: 'zz', kind: 'operative', text: 'y' }], newId)).toEqual({
      ok: false,
      problem: { index: 1, field: 'id', code: 'not-a-clause' },
    });
  });

  it('refuses one clause kept twice', () => {
    expect(planChairsText(current, [{ id: 'a', kind: 'operative', text: 'x' }, { id: 'a', kind: 'operative', text: 'y' }], newId)).toEqual({
      ok: false,
      problem: { index: 1, field: 'id', code: 'duplicate-clause' },
    });
  });

  it('refuses an unknown clause kind', () => {
    expect(planChairsText(current, [{ kind: 'annex' as never, text: 'x' }], newId)).toEqual({ ok: false, problem: { index: 0, field: 'kind', code: 'invalid-option' } });
  });
});
