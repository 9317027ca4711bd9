import type { AmendmentResponse } from '@parley/contracts';
import type { StakeholderGroup } from '@parley/domain';
import { groupsBehind } from './support-groups';

const amendment = (proposer: StakeholderGroup | null, crossGroupSupport: StakeholderGroup[]): Pick<AmendmentResponse, 'author' | 'crossGroupSupport'> => ({
  author: {
    id: 'p1',
    name: 'Ana Ruiz',
    snapshot: proposer
      ? {
          affiliationId: 'a1',
          organisationId: 'o1',
          organisationName: 'Org',
          stakeholderGroup: proposer,
          subtype: proposer === 'government' ? 'national' : proposer === 'private-sector' ? 'company' : 'ngo',
          country: 'FR',
          title: 'Delegate',
          organisationVerified: true,
        }
      : null,
  } as AmendmentResponse['author'],
  crossGroupSupport,
});

describe('support across stakeholder groups of an amendment', () => {
  it('counts the proposer’s own group first, then the co-sponsors’ other groups', () => {
    expect(groupsBehind(amendment('private-sector', ['civil-society', 'government']))).toEqual(['private-sector', 'government', 'civil-society']);
    expect(groupsBehind(amendment('civil-society', ['government']))).toEqual(['civil-society', 'government']);
  });

  it('shows nothing while every co-sponsor is of the proposer’s group', () => {
    expect(groupsBehind(amendment('government', []))).toEqual([]);
  });

  it('shows the co-sponsors’ groups when the proposer’s affiliation is not known', () => {
    expect(groupsBehind(amendment(null, ['government']))).toEqual(['government']);
  });
});
