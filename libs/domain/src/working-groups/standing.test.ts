import { standingRefusal, type ActingStanding } from './standing';
import type { AffiliationSnapshot } from '../identity/affiliation-snapshot';

const snapshot = { organisationId: 'o', organisationName: 'Japan' } as AffiliationSnapshot;

describe('standingRefusal: the first condition of every act in a group', () => {
  it.each<[string, ActingStanding, ReturnType<typeof standingRefusal>]>([
    ['an affiliated person in an active group may go on', { currentSnapshot: snapshot, groupStatus: 'active' }, null],
    ['an affiliated person in a forming group may go on', { currentSnapshot: snapshot, groupStatus: 'forming' }, null],
    ['nobody acts without a current affiliation', { currentSnapshot: null, groupStatus: 'active' }, 'needs-affiliation'],
    ['nobody acts in a closed group', { currentSnapshot: snapshot, groupStatus: 'closed' }, 'group-closed'],
    ['the missing affiliation is named first', { currentSnapshot: null, groupStatus: 'closed' }, 'needs-affiliation'],
  ])('%s', (_, standing, expected) => {
    expect(standingRefusal(standing)).toBe(expected);
  });
});
