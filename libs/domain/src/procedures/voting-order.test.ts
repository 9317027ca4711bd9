import { placeInOrder, undecidedAhead, votingOrderProblem } from './voting-order';

const competitors = [
  { id: 'a', status: 'proposed' },
  { id: 'b', status: 'balloting' },
  { id: 'c', status: 'proposed' },
  { id: 'x', status: 'withdrawn' },
];

describe('order of voting on competing amendments', () => {
  it('accepts an order naming every undecided competitor once', () => {
    expect(votingOrderProblem(['c', 'a', 'b'], competitors)).toBeNull();
  });

  it('refuses an order that leaves an undecided competitor out, names one twice, or names one that is decided or elsewhere', () => {
    expect(votingOrderProblem(['c', 'a'], competitors)).toEqual({ code: 'missing', amendmentId: 'b' });
    expect(votingOrderProblem(['c', 'c', 'a', 'b'], competitors)).toEqual({ code: 'duplicate', amendmentId: 'c' });
    expect(votingOrderProblem(['c', 'a', 'b', 'x'], competitors)).toEqual({ code: 'not-competing', amendmentId: 'x' });
  });

  it('needs two competitors: one amendment alone has no order', () => {
    expect(votingOrderProblem(['a'], [{ id: 'a', status: 'proposed' }])).toEqual({ code: 'too-few' });
  });

  it('says where an amendment is voted: 2nd of 3', () => {
    expect(placeInOrder(['c', 'a', 'b'], 'a')).toEqual({ position: 2, of: 3 });
    expect(placeInOrder(['c', 'a', 'b'], 'z')).toBeNull();
  });

  it('names the first amendment ahead still undecided; decided ones ahead do not hold it back', () => {
    const status: Record<string, string> = { c: 'rejected', a: 'proposed', b: 'proposed' };
    expect(undecidedAhead(['c', 'a', 'b'], 'b', (id) => status[id])).toBe('a');
    expect(undecidedAhead(['c', 'a', 'b'], 'a', (id) => status[id])).toBeNull();
    expect(undecidedAhead(['c', 'a', 'b'], 'c', (id) => status[id])).toBeNull();
  });
});
