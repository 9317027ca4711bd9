import type { AffiliationSnapshot } from '@parley/domain';
import {
  canClose,
  canOpenBallot,
  canVote,
  choicesVisible,
  ownChoiceVisible,
  rollCallPublished,
  runningTallyVisible,
} from '../../apps/api/src/decisions/ballot.policy';
import { createI18n } from '../../apps/web/src/test/i18n';
import { refusalMessage } from '../../apps/web/src/i18n/server-messages';

const snapshot = { organisationId: 'o', stakeholderGroup: 'government' } as AffiliationSnapshot;
const openedAt = new Date('2026-11-20T10:00:00Z');
const closesAt = new Date('2026-11-27T10:00:00Z');
const before = new Date('2026-11-24T10:00:00Z');
const after = new Date('2026-11-28T10:00:00Z');
const open = { status: 'open' as const, openedAt, closesAt, closedAt: null };
const closed = { status: 'closed' as const, openedAt, closesAt, closedAt: new Date('2026-11-25T09:00:00Z') };
/** 403 is a refusal of the person (forbidden), 409 of the ballot's state (conflict). */
const kindOf = (v: true | { status: number }) => (v === true ? null : v.status === 409 ? 'conflict' : 'forbidden');

describe('ballot policy: when X, allowed / not allowed', () => {
  it.each([
    ['a chair with an affiliation, active group', { isChair: true, currentSnapshot: snapshot, groupStatus: 'active' as const }, true],
    ['a chair in a forming group', { isChair: true, currentSnapshot: snapshot, groupStatus: 'forming' as const }, true],
    ['a member who is not a chair', { isChair: false, currentSnapshot: snapshot, groupStatus: 'active' as const }, 'chairs-only'],
    ['a chair without a current affiliation', { isChair: true, currentSnapshot: null, groupStatus: 'active' as const }, 'needs-affiliation'],
    ['a chair of a closed group', { isChair: true, currentSnapshot: snapshot, groupStatus: 'closed' as const }, 'group-closed'],
  ] as [string, Parameters<typeof canOpenBallot>[0], true | string][])('opening: %s', (_, standing, expected) => {
    const verdict = canOpenBallot(standing);
    if (expected === true) expect(verdict).toBe(true);
    else expect(verdict).toMatchObject({ code: expected, status: 403 });
  });

  it.each([
    ['an elector, before the closing time', { inElectorate: true, currentSnapshot: snapshot }, open, before, null],
    ['an elector, after the closing time (scheduler not yet run)', { inElectorate: true, currentSnapshot: snapshot }, open, after, 'conflict'],
    ['an elector, ballot closed early', { inElectorate: true, currentSnapshot: snapshot }, closed, before, 'conflict'],
    ['someone admitted after opening', { inElectorate: false, currentSnapshot: snapshot }, open, before, 'forbidden'],
    ['an elector whose affiliation ended', { inElectorate: true, currentSnapshot: null }, open, before, 'forbidden'],
    ['an elector still a voting member', { inElectorate: true, currentSnapshot: snapshot, membership: { status: 'voting' as const } }, open, before, null],
    [
      'an elector who left the group',
      { inElectorate: true, currentSnapshot: snapshot, membership: { status: 'left' as const, since: before } },
      open,
      before,
      'forbidden',
    ],
    [
      'an elector removed from the group',
      { inElectorate: true, currentSnapshot: snapshot, membership: { status: 'removed' as const, since: before } },
      open,
      before,
      'forbidden',
    ],
    ['an elector now an observer', { inElectorate: true, currentSnapshot: snapshot, membership: { status: 'observer' as const } }, open, before, 'forbidden'],
  ] as [string, Parameters<typeof canVote>[0], typeof open | typeof closed, Date, 'forbidden' | 'conflict' | null][])(
    'voting: %s',
    (_, voter, ballot, now, expected) => {
      expect(kindOf(canVote(voter, ballot, now))).toBe(expected);
    },
  );

  it('the electorate refusal says when it was fixed', () => {
    expect(canVote({ inElectorate: false, currentSnapshot: snapshot }, open, before)).toEqual({
      code: 'not-in-electorate',
      params: { openedAt: '2026-11-20T10:00:00.000Z' },
      status: 403,
    });
  });

  it.each([
    ['a chair, open ballot', true, open, null],
    ['a chair, closed ballot', true, closed, 'conflict'],
    ['not a chair', false, open, 'forbidden'],
  ])('closing early: %s', (_, isChair, ballot, expected) => {
    expect(kindOf(canClose({ isChair, currentSnapshot: snapshot }, ballot))).toBe(expected);
  });

  it.each([
    // visibility, tallies, status → running tally, choices in the roll call, roll call at all, own choice
    ['roll-call', 'live', 'open', true, true, true, true],
    ['roll-call', 'live', 'closed', false, true, true, true],
    ['roll-call', 'hidden-until-close', 'open', false, false, true, true],
    ['roll-call', 'hidden-until-close', 'closed', false, true, true, true],
    ['secret', 'live', 'open', false, false, false, false],
    ['secret', 'live', 'closed', false, false, false, false],
    ['secret', 'hidden-until-close', 'closed', false, false, false, false],
  ] as const)('disclosure of a %s ballot with %s tallies, %s', (visibility, tallies, status, tally, choices, roll, own) => {
    const b = { visibility, tallies, status };
    expect([runningTallyVisible(b), choicesVisible(b), rollCallPublished(b), ownChoiceVisible(b)]).toEqual([tally, choices, roll, own]);
  });
});

describe('vote refusals of people no longer voting members, in the reader’s language', () => {
  const since = new Date('2026-11-22T08:30:00Z');
  it.each([
    ['left', { status: 'left' as const, since }, 'voter-left-group', 'Vous avez quitté ce groupe de travail le 2026-11-22 08:30 UTC'],
    ['removed', { status: 'removed' as const, since }, 'voter-removed-from-group', 'Vous avez été retiré de ce groupe de travail le 2026-11-22 08:30 UTC'],
    ['observer', { status: 'observer' as const }, 'voter-now-observer', 'Vous êtes désormais observateur'],
  ])('%s: a stable code, and the web says the sentence in French', (_, membership, code, french) => {
    const refusal = canVote({ inElectorate: true, currentSnapshot: snapshot, membership }, open, before);
    expect(refusal).toMatchObject({ code, status: 403 });
    const fr = createI18n({ lng: 'fr', detect: false });
    expect(refusal !== true && refusalMessage(fr.t, refusal)).toContain(french);
  });
});
