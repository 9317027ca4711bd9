import { screen, within } from '@testing-library/react';
import type { FloorRequestView, MeetingView } from '@parley/contracts';
import type { StakeholderGroup } from '@parley/domain';
import { renderWithApp } from '../../test/render';
import { liveSpeakingTime, turnClock, zonedToIso } from './meeting-time';
import { SpeakersPanel } from './SpeakersPanel';
import { SpeakingTimePanel, SpeakingTimeView } from './SpeakingTimePanel';

const SUBTYPES = { government: 'national', 'private-sector': 'company', 'civil-society': 'ngo' } as const;
const snap = (org: string, group: StakeholderGroup) => ({
  affiliationId: `aff-${org}`,
  organisationId: `org-${org}`,
  organisationName: org,
  stakeholderGroup: group,
  subtype: SUBTYPES[group],
  country: null,
  title: 'Delegate',
  organisationVerified: true,
});
const person = (name: string, org: string, group: StakeholderGroup) => ({ id: `p-${name}`, name, snapshot: snap(org, group) }) as FloorRequestView['person'];

const ago = (s: number) => new Date(Date.now() - s * 1000).toISOString();
const request = (id: string, p: FloorRequestView['person'], over: Partial<FloorRequestView> = {}): FloorRequestView => ({
  id,
  itemId: 'item-1',
  person: p,
  kind: 'speech',
  state: 'waiting',
  requestedAt: ago(600),
  byChair: false,
  givenAt: null,
  endedAt: null,
  seconds: null,
  ...over,
});

const gov = person('Gabriel', 'Ministry', 'government');
const biz = person('Paula', 'Acme', 'private-sector');
const ngo = person('Chidi', 'Open Rights', 'civil-society');

function meeting(over: Partial<MeetingView> = {}): MeetingView {
  return {
    id: 'm-1',
    workingGroupId: 'wg-1',
    workingGroupName: 'WG',
    title: 'First session',
    startsAt: ago(3600),
    endsAt: ago(-3600),
    timeZone: 'Europe/Paris',
    place: 'Geneva',
    online: false,
    status: 'open',
    onlineUrl: null,
    turnLimitSeconds: 60,
    scheduledBy: gov,
    scheduledAt: ago(9000),
    openedAt: ago(1800),
    closedAt: null,
    currentItemId: 'item-1',
    agenda: [{ id: 'item-1', position: 1, title: 'Opening', notes: null, document: null, clauseIds: [], amendmentId: null, ballot: null, silenceId: null }],
    attendance: [],
    quorum: { quorum: 0.5, present: 0, members: 0, needed: 0, met: true, byStakeholderGroup: null },
    floor: { speaking: null, queue: [], past: [] },
    speakingTime: { totalSeconds: 0, turns: 0, byStakeholderGroup: [], byOrganisation: [], cap: 0.5, alarms: [] },
    reportDocumentId: null,
    viewer: { runs: true, mayAttend: true, attendance: 'in-person' },
    ...over,
  } as MeetingView;
}

describe('the list of speakers', () => {
  it('shows the queue in the order the server gives it, points of order marked, and the chair gives the floor to the next', () => {
    const m = meeting({
      floor: {
        speaking: null,
        queue: [request('r-poo', ngo, { kind: 'point-of-order' }), request('r-1', gov), request('r-2', biz)],
        past: [],
      },
    });
    renderWithApp(<SpeakersPanel m={m} meId="p-Gabriel" />);
    const items = within(screen.getByTestId('floor-queue')).getAllByTestId('floor-queue-item');
    expect(items.map((i) => i.getAttribute('data-kind'))).toEqual(['point-of-order', 'speech', 'speech']);
    expect(items[0].textContent).toMatch('Chidi');
    expect(within(items[0]).getByText('Point of order')).toBeTruthy();
    expect(items[1].textContent).toMatch('Gabriel');
    expect(items[2].textContent).toMatch('Paula');
    expect(within(items[0]).getByRole('button', { name: 'Give the floor (next) to Chidi' }).textContent).toMatch('Give the floor (next)');
    // Gabriel already waits for a speech: he is offered a point of order, not a second speech.
    expect(screen.queryByTestId('floor-ask')).toBeNull();
    expect(screen.getByTestId('floor-point-of-order')).toBeTruthy();
  });

  it('runs a clock for the speaker, counting down against the limit, then says by how much the turn ran over', () => {
    const { unmount } = renderWithApp(<SpeakersPanel m={meeting({ floor: { speaking: request('r-s', gov, { state: 'speaking', givenAt: ago(25) }), queue: [], past: [] } })} meId={null} />);
    expect(screen.getByTestId('turn-elapsed').textContent).toMatch(/^0:2[5-6]$/);
    expect(screen.getByTestId('turn-left').textContent).toMatch(/0:3[4-5] left/);
    expect(screen.queryByTestId('turn-over')).toBeNull();
    expect(screen.getByTestId('speaker-announce').textContent).toMatch('Gabriel has the floor.');
    unmount();
    renderWithApp(<SpeakersPanel m={meeting({ floor: { speaking: request('r-s', gov, { state: 'speaking', givenAt: ago(95) }), queue: [], past: [] } })} meId={null} />, { language: 'fr' });
    expect(screen.getByTestId('turn-elapsed').textContent).toMatch(/^1:3[5-6]$/);
    expect(screen.getByTestId('turn-over').textContent).toMatch(/Dépassement de 0:3[5-6]/);
  });

  it('counts the turn under way in speaking time and raises the alarm above the cap, once, as a sentence', () => {
    const past = [
      request('a', gov, { state: 'done', givenAt: ago(500), endedAt: ago(400), seconds: 100 }),
      request('b', biz, { state: 'done', givenAt: ago(400), endedAt: ago(370), seconds: 30 }),
      request('c', ngo, { state: 'done', givenAt: ago(370), endedAt: ago(360), seconds: 10 }),
    ];
    const m = meeting({ floor: { speaking: request('d', gov, { state: 'speaking', givenAt: ago(60) }), queue: [], past } });
    const st = liveSpeakingTime(m, Date.now());
    expect(st.turns).toBe(4);
    expect(st.byStakeholderGroup.find((g) => g.stakeholderGroup === 'government')?.seconds).toBe(160);
    expect(st.alarms.map((a) => a.stakeholderGroup)).toEqual(['government']);
    renderWithApp(<SpeakingTimePanel m={m} />);
    expect(screen.getByTestId('speaking-alarm').textContent).toMatch("Governments have held 80 % of the floor; the group's cap is 50 %.");
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getByRole('alert').textContent).toMatch('Governments have held 80 %');
    expect(screen.getByRole('meter', { name: 'Government' }).getAttribute('aria-valuenow')).toBe('80');
  });

  it('raises no alarm at or under the cap, in French too', () => {
    const st = liveSpeakingTime(
      meeting({ floor: { speaking: null, queue: [], past: [request('a', gov, { state: 'done', seconds: 50 }), request('b', biz, { state: 'done', seconds: 50 }), request('c', ngo, { state: 'done', seconds: 0 })] } }),
      Date.now(),
    );
    renderWithApp(<SpeakingTimeView st={st} />, { language: 'fr' });
    expect(screen.queryByTestId('speaking-alarm')).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('');
  });
});

describe('meeting times', () => {
  it('reads a wall-clock time in the meeting’s time zone', () => {
    expect(zonedToIso('2027-03-12T14:00', 'Europe/Paris')).toBe('2027-03-12T13:00:00.000Z');
    expect(zonedToIso('2027-07-12T14:00', 'Europe/Paris')).toBe('2027-07-12T12:00:00.000Z');
    expect(zonedToIso('2027-07-12T14:00', 'America/New_York')).toBe('2027-07-12T18:00:00.000Z');
    expect(zonedToIso('not a time', 'UTC')).toBeNull();
  });
  it('says how much of the turn is left, or by how much it ran over', () => {
    const given = new Date(0).toISOString();
    expect(turnClock(given, 60, 45_000)).toEqual({ elapsed: 45, left: 15, over: false, overBy: 0 });
    expect(turnClock(given, 60, 75_000)).toEqual({ elapsed: 75, left: 0, over: true, overBy: 15 });
    expect(turnClock(given, null, 75_000)).toEqual({ elapsed: 75, left: null, over: false, overBy: 0 });
  });
});
