import type { AffiliationSnapshot } from '@parley/domain';
import {
  canAmend,
  canComment,
  canConsolidate,
  canCosponsor,
  canCreateDocument,
  canDispose,
  canOpenBallot,
  canWithdraw,
  canWithdrawCosponsorship,
  type DraftingStanding,
} from '../../apps/api/src/drafting/drafting.policy';
import { isRefusalCode, type AmendmentStatus, type Refusal } from '@parley/contracts';
import { refusalText } from '../../apps/api/src/platform/http/refusal-text';

/** A verdict as the person reads it: the English the API renders from the refusal's code. */
const said = (v: true | Refusal) => (v === true ? true : refusalText(v));

// Who may do what with a group's texts, as a table: when X, allowed / not allowed.
const snapshot: AffiliationSnapshot = { affiliationId: 'a', organisationId: 'o', organisationName: 'Org', stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'FR', title: 'Delegate', organisationVerified: true };
const membership = (kind: 'member' | 'observer', isRapporteur = false) => ({ id: 'm', kind, isRapporteur, admissionSnapshot: snapshot });
const standing = (over: Partial<DraftingStanding>): DraftingStanding => ({ membership: null, isChair: false, isConvener: false, currentSnapshot: snapshot, groupStatus: 'active', ...over });

const WHO: [string, DraftingStanding][] = [
  ['a chair', standing({ membership: membership('member'), isChair: true })],
  ['a rapporteur', standing({ membership: membership('member', true) })],
  ['a member', standing({ membership: membership('member') })],
  ['an observer', standing({ membership: membership('observer') })],
  ['the convener, not a member', standing({ isConvener: true })],
  ['an outsider', standing({})],
  ['a member without a current affiliation', standing({ membership: membership('member'), currentSnapshot: null })],
  ['a chair of a closed group', standing({ membership: membership('member'), isChair: true, groupStatus: 'closed' })],
];

//                                    create  comment amend  dispose consolidate openBallot
const EXPECTED: Record<string, boolean[]> = {
  'a chair': [true, true, true, true, true, true],
  'a rapporteur': [true, true, true, true, true, false],
  'a member': [false, true, true, false, false, false],
  'an observer': [false, true, false, false, false, false],
  'the convener, not a member': [false, false, false, false, false, false],
  'an outsider': [false, false, false, false, false, false],
  'a member without a current affiliation': [false, false, false, false, false, false],
  'a chair of a closed group': [false, false, false, false, false, false],
};

describe('drafting policy', () => {
  it.each(WHO)('when %s: create, comment, amend, dispose, consolidate, open ballots as in the table', (who, s) => {
    expect([canCreateDocument(s), canComment(s), canAmend(s), canDispose(s), canConsolidate(s), canOpenBallot(s)].map((v) => v === true)).toEqual(EXPECTED[who]);
  });

  it('every refusal says why, in words', () => {
    for (const [, s] of WHO) for (const verdict of [canCreateDocument(s), canComment(s), canAmend(s), canDispose(s), canConsolidate(s), canOpenBallot(s)]) if (verdict !== true) expect(said(verdict)).toMatch(/^[A-Z].{10,}$/);
    expect(said(canAmend(standing({ membership: membership('member'), currentSnapshot: null })))).toBe('You need a current affiliation to take part; add one on your profile');
    expect(said(canComment(standing({ membership: membership('member'), groupStatus: 'closed' })))).toBe('This working group is closed');
  });

  it.each([
    ['another member co-sponsors', standing({ membership: membership('member') }), 'me', true],
    ['the author may not co-sponsor their own amendment', standing({ membership: membership('member') }), 'author', 'You cannot co-sponsor your own amendment'],
    ['an observer may not co-sponsor', standing({ membership: membership('observer') }), 'me', 'Only members of this working group can co-sponsor amendments'],
    ['a chair who is not a voting member may not co-sponsor', standing({ isChair: true }), 'me', 'Only members of this working group can co-sponsor amendments'],
  ])('co-sponsoring: %s', (_what, s, actor, verdict) => {
    expect(said(canCosponsor(s, { authorId: 'author' }, actor))).toBe(verdict);
  });

  it.each([
    ['the author withdraws a proposed amendment', 'author', 'proposed', true],
    ['someone else may not', 'other', 'proposed', 'Only the author can withdraw an amendment'],
    ['not under ballot', 'author', 'balloting', 'This amendment is under ballot and can no longer be withdrawn'],
    ['not once decided', 'author', 'accepted', 'This amendment is accepted; only a proposed amendment can be withdrawn'],
  ] as [string, string, AmendmentStatus, true | string][])('withdrawal: %s', (_what, actor, status, verdict) => {
    expect(said(canWithdraw({ authorId: 'author', status }, actor))).toBe(verdict);
  });

  it.each([
    ['a co-sponsor withdraws while it is proposed', true, 'proposed', true],
    ['someone who does not co-sponsor it may not', false, 'proposed', 'You do not co-sponsor this amendment'],
    ['not under ballot', true, 'balloting', 'This amendment is under ballot; co-sponsorships can no longer be withdrawn'],
    ['not once decided', true, 'rejected', 'This amendment is rejected; only a proposed amendment can be changed'],
  ] as const)('withdrawing a co-sponsorship: %s', (_what, isCosponsor, status, verdict) => {
    expect(said(canWithdrawCosponsorship({ status }, isCosponsor))).toBe(verdict);
  });

  it('gives every refusal a stable code (and the status it names), for pages in other languages', () => {
    const refusals = [
      ...WHO.flatMap(([, s]) => [canCreateDocument(s), canComment(s), canAmend(s), canDispose(s), canConsolidate(s), canOpenBallot(s)]),
      canCosponsor(standing({ membership: membership('member') }), { authorId: 'me' }, 'me'),
      canWithdraw({ authorId: 'author', status: 'proposed' }, 'other'),
      canWithdraw({ authorId: 'author', status: 'balloting' }, 'author'),
      canWithdrawCosponsorship({ status: 'proposed' }, false),
      canWithdrawCosponsorship({ status: 'balloting' }, true),
      canWithdrawCosponsorship({ status: 'outdated' }, true),
    ].filter((v): v is Refusal => v !== true);
    expect(refusals.filter((v) => !isRefusalCode(v.code))).toEqual([]);
    expect(canWithdraw({ authorId: 'author', status: 'accepted' }, 'author')).toEqual({ code: 'not-proposed', params: { status: 'accepted', act: 'withdraw' }, status: 409 });
  });
});
