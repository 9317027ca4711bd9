import type { AffiliationSnapshot } from '@parley/domain';
import {
  canAnswerNomination,
  canBeNominated,
  canChangeRole,
  canCreateGroup,
  canDecideJoinRequests,
  canDeclineNomination,
  canLeave,
  canNominateChair,
  canProposeChairRemoval,
  canRemoveMember,
  canRequestToJoin,
  canResign,
  canWithdrawJoinRequest,
  canWithdrawNomination,
  type PolicyStanding,
} from '../../apps/api/src/working-groups/working-group.policy';
import type { Refusal } from '@parley/contracts';
import { canAct } from '../../apps/api/src/policy/standing';
import { refusalText } from '../../apps/api/src/platform/http/refusal-text';

/** A verdict as the person reads it: the English the API renders from the refusal's code. */
const said = (v: true | Refusal) => (v === true ? true : refusalText(v));
const NEEDS_AFFILIATION = 'You need a current affiliation to take part; add one on your profile';
const VOTING_MEMBERS_NOMINATE = 'Only voting members of this working group can nominate a chair';

/** Group-role rules as "when X, allowed / not allowed" tables (pure functions: no app, no database). */

const SNAPSHOT: AffiliationSnapshot = {
  affiliationId: 'a1',
  organisationId: 'o1',
  organisationName: 'Access Now',
  stakeholderGroup: 'civil-society',
  subtype: 'ngo',
  country: 'US',
  title: 'Policy analyst',
  organisationVerified: true,
};

type Who = 'visitor' | 'unaffiliated member' | 'observer' | 'member' | 'rapporteur' | 'chair' | 'unaffiliated chair' | 'convener' | 'convener after a confirmed chair';

function standing(who: Who, groupStatus: PolicyStanding['groupStatus'] = 'active'): PolicyStanding {
  const membership = (kind: 'member' | 'observer', isRapporteur = false) => ({ id: 'm1', kind, isRapporteur, admissionSnapshot: SNAPSHOT });
  const base: PolicyStanding = { membership: null, isChair: false, isConvener: false, currentSnapshot: SNAPSHOT, groupStatus, groupHasConfirmedChair: false };
  switch (who) {
    case 'visitor':
      return base;
    case 'unaffiliated member':
      return { ...base, membership: membership('member'), currentSnapshot: null };
    case 'observer':
      return { ...base, membership: membership('observer') };
    case 'member':
      return { ...base, membership: membership('member') };
    case 'rapporteur':
      return { ...base, membership: membership('member', true) };
    case 'chair':
      return { ...base, membership: membership('member'), isChair: true, groupHasConfirmedChair: true };
    case 'unaffiliated chair':
      return { ...base, membership: membership('member'), isChair: true, currentSnapshot: null };
    case 'convener':
      return { ...base, membership: membership('member'), isConvener: true };
    case 'convener after a confirmed chair':
      return { ...base, membership: membership('member'), isConvener: true, groupHasConfirmedChair: true };
  }
}

const allowed = (v: true | Refusal) => (v === true ? 'allowed' : 'not allowed');

describe('working-group policy', () => {
  it.each<[Who, 'allowed' | 'not allowed']>([
    ['visitor', 'allowed'],
    ['unaffiliated member', 'not allowed'],
    ['observer', 'not allowed'],
    ['member', 'not allowed'],
    ['chair', 'not allowed'],
  ])('asking to join: when %s, %s', (who, expected) => {
    expect(allowed(canRequestToJoin(standing(who), false))).toBe(expected);
  });

  it('asking to join twice, or without an affiliation, says why', () => {
    expect(said(canRequestToJoin(standing('visitor'), true))).toMatch(/already asked/);
    expect(said(canRequestToJoin({ ...standing('visitor'), currentSnapshot: null }, false))).toBe(NEEDS_AFFILIATION);
    expect(said(canRequestToJoin(standing('visitor', 'closed'), false))).toBe('This working group is closed');
  });

  it.each<[Who, 'allowed' | 'not allowed']>([
    ['visitor', 'not allowed'],
    ['observer', 'not allowed'],
    ['member', 'not allowed'],
    ['rapporteur', 'not allowed'],
    ['chair', 'allowed'],
    ['unaffiliated chair', 'not allowed'],
    ['convener', 'allowed'],
    ['convener after a confirmed chair', 'not allowed'],
  ])('deciding join requests: when %s, %s', (who, expected) => {
    expect(allowed(canDecideJoinRequests(standing(who)))).toBe(expected);
  });

  it.each<[Who, 'allowed' | 'not allowed']>([
    ['visitor', 'not allowed'],
    ['unaffiliated member', 'allowed'],
    ['observer', 'allowed'],
    ['member', 'allowed'],
    ['unaffiliated chair', 'allowed'],
  ])('leaving: when %s, %s (no affiliation needed to step out)', (who, expected) => {
    expect(allowed(canLeave(standing(who)))).toBe(expected);
  });

  const target = { personId: 'other', kind: 'member' as const, isChair: false };
  it.each<[Who, typeof target, 'allowed' | 'not allowed']>([
    ['member', target, 'not allowed'],
    ['rapporteur', target, 'not allowed'],
    ['convener', target, 'not allowed'],
    ['chair', target, 'allowed'],
    ['chair', { ...target, isChair: true }, 'not allowed'],
    ['chair', { ...target, personId: 'me' }, 'not allowed'],
    ['unaffiliated chair', target, 'not allowed'],
  ])('removing a member: when %s removes %o, %s', (who, t, expected) => {
    expect(allowed(canRemoveMember(standing(who), 'me', t))).toBe(expected);
  });

  it.each<[Who, 'self' | 'other', { kind?: 'member' | 'observer'; rapporteur?: boolean }, 'allowed' | 'not allowed']>([
    ['chair', 'other', { rapporteur: true }, 'allowed'],
    ['chair', 'other', { kind: 'observer' }, 'allowed'],
    ['chair', 'self', { rapporteur: true }, 'allowed'],
    ['member', 'other', { rapporteur: true }, 'not allowed'],
    ['member', 'self', { rapporteur: true }, 'not allowed'],
    ['member', 'self', { kind: 'observer' }, 'allowed'],
    ['rapporteur', 'self', { rapporteur: false }, 'allowed'],
    ['observer', 'self', { kind: 'member' }, 'not allowed'],
    ['convener', 'other', { rapporteur: true }, 'not allowed'],
    ['unaffiliated chair', 'other', { rapporteur: true }, 'not allowed'],
  ])('changing a role: when %s changes %s with %o, %s', (who, whom, change, expected) => {
    const t = { personId: whom === 'self' ? 'me' : 'other', kind: (who === 'observer' ? 'observer' : 'member') as 'member' | 'observer', isChair: false };
    expect(allowed(canChangeRole(standing(who), 'me', t, change))).toBe(expected);
  });

  it.each<[Who, 'allowed' | 'not allowed']>([
    ['visitor', 'not allowed'],
    ['unaffiliated member', 'not allowed'],
    ['observer', 'not allowed'],
    ['member', 'allowed'],
    ['rapporteur', 'allowed'],
    ['chair', 'allowed'],
    ['unaffiliated chair', 'not allowed'],
    ['convener', 'allowed'],
  ])('nominating a chair: when %s, %s', (who, expected) => {
    expect(allowed(canNominateChair(standing(who)))).toBe(expected);
  });

  it('nominating a chair: an observer is told only voting members nominate; a chair admitted as observer still may; a closed group refuses', () => {
    expect(said(canNominateChair(standing('observer')))).toBe(VOTING_MEMBERS_NOMINATE);
    expect(said(canNominateChair({ ...standing('observer'), isChair: true }))).toBe(true);
    expect(said(canNominateChair(standing('member', 'closed')))).toBe('This working group is closed');
  });

  it.each<[string, 'allowed' | 'not allowed', { kind: 'member' | 'observer' } | null]>([
    ['a voting member', 'allowed', { kind: 'member' }],
    ['an observer', 'not allowed', { kind: 'observer' }],
    ['someone outside the group', 'not allowed', null],
  ])('being nominated: when %s, %s', (_who, expected, nominee) => {
    expect(allowed(canBeNominated(nominee))).toBe(expected);
  });

  it('answering a nomination: only the nominee; accepting needs an affiliation and membership, declining does not', () => {
    expect(said(canAnswerNomination(standing('member'), 'me', 'me'))).toBe(true);
    expect(said(canAnswerNomination(standing('chair'), 'me', 'someone else'))).toMatch(/Only the person nominated/);
    expect(said(canAnswerNomination(standing('unaffiliated member'), 'me', 'me'))).toBe(NEEDS_AFFILIATION);
    expect(said(canAnswerNomination(standing('visitor'), 'me', 'me'))).toMatch(/no longer a member/);
    // A nominee who stepped down to observer can no longer stand: accepting would open a ballot on a non-voting chair.
    expect(said(canAnswerNomination(standing('observer'), 'me', 'me'))).toMatch(/now an observer/);
    expect(said(canDeclineNomination('me', 'me'))).toBe(true);
    expect(said(canDeclineNomination('me', 'someone else'))).toMatch(/Only the person nominated/);
  });

  it.each<[string, 'allowed' | 'not allowed']>([
    ['nominee', 'allowed'],
    ['nominator', 'allowed'],
    ['chair', 'not allowed'],
    ['someone else', 'not allowed'],
  ])('withdrawing a nomination: when the %s, %s (no affiliation needed, like declining)', (who, expected) => {
    expect(allowed(canWithdrawNomination(who, { nomineeId: 'nominee', nominatedBy: 'nominator' }))).toBe(expected);
  });

  it('withdrawing a join request: only the person who asked', () => {
    expect(said(canWithdrawJoinRequest('me', 'me'))).toBe(true);
    expect(said(canWithdrawJoinRequest('chair', 'me'))).toMatch(/Only the person who asked/);
  });

  it('resigning: only the chair themself', () => {
    expect(said(canResign('me', 'me'))).toBe(true);
    expect(said(canResign('me', 'chair'))).toMatch(/Only the chair/);
  });

  it.each<[Who, 'allowed' | 'not allowed']>([
    ['visitor', 'not allowed'],
    ['observer', 'not allowed'],
    ['unaffiliated member', 'not allowed'],
    ['member', 'allowed'],
    ['chair', 'allowed'],
  ])('proposing a chair’s removal: when %s, %s', (who, expected) => {
    expect(allowed(canProposeChairRemoval(standing(who)))).toBe(expected);
  });

  it('convening and acting need a current affiliation; a closed group refuses acts', () => {
    expect(said(canCreateGroup(SNAPSHOT))).toBe(true);
    expect(said(canCreateGroup(null))).toBe(NEEDS_AFFILIATION);
    expect(said(canAct(standing('member')))).toBe(true);
    expect(said(canAct(standing('member', 'closed')))).toBe('This working group is closed');
  });
});
