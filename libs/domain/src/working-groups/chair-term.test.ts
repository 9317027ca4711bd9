import { isTermActing, isTermCurrent, isTermOverdue, termAsOf } from './chair-term';
import { FRANCE, newChairTerm, newMember } from './test-factories';

const chair = newMember(FRANCE);
const now = new Date('2026-06-30T00:00:00.000Z');

describe('chair terms at a given instant', () => {
  it.each([
    ['open-ended, started', {}, { current: true, acting: true, overdue: false }],
    ['not started yet', { startedAt: '2026-07-01T00:00:00.000Z' }, { current: false, acting: false, overdue: false }],
    ['starts exactly now', { startedAt: '2026-06-30T00:00:00.000Z' }, { current: true, acting: true, overdue: false }],
    ['due to end later', { endsAt: '2026-12-31' }, { current: true, acting: true, overdue: false }],
    ['due end exactly now (exclusive)', { endsAt: '2026-06-30' }, { current: false, acting: true, overdue: true }],
    ['due end passed, no recorded end', { endsAt: '2026-06-01' }, { current: false, acting: true, overdue: true }],
    [
      'ended and recorded',
      { endsAt: '2026-06-01', endedAt: '2026-06-01T00:00:00.000Z', endReason: 'term-completed' as const },
      { current: false, acting: false, overdue: false },
    ],
    [
      'resignation recorded after now (not known yet at now)',
      { endedAt: '2026-07-15T00:00:00.000Z', endReason: 'resigned' as const },
      { current: true, acting: true, overdue: false },
    ],
  ])('%s', (_label, overrides, expected) => {
    const term = newChairTerm(chair, overrides);
    expect({ current: isTermCurrent(term, now), acting: isTermActing(term, now), overdue: isTermOverdue(term, now) }).toEqual(expected);
  });

  it('termAsOf hides an end recorded after the instant and keeps one recorded before', () => {
    const later = newChairTerm(chair, { endedAt: '2026-07-15T00:00:00.000Z', endReason: 'resigned' });
    expect(termAsOf(later, now)).toMatchObject({ endedAt: null, endReason: null });
    const earlier = newChairTerm(chair, { endedAt: '2026-05-15T00:00:00.000Z', endReason: 'resigned' });
    expect(termAsOf(earlier, now)).toBe(earlier);
  });
});
