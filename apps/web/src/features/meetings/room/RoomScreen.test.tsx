import { screen, within } from '@testing-library/react';
import type { FloorRequestView, MeetingView } from '@parley/contracts';
import type { StakeholderGroup } from '@parley/domain';
import { renderWithApp } from '../../../test/render';
import { RoomScreen } from './RoomScreenPage';
import { liveSpeakingTime, speakerClock } from './room-model';

const T0 = Date.parse('2026-12-06T10:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

const person = (name: string, org: string, group: StakeholderGroup) => ({
  id: `p-${name}`,
  name,
  snapshot: {
    affiliationId: `a-${name}`,
    organisationId: `o-${org}`,
    organisationName: org,
    stakeholderGroup: group,
    subtype: 'national' as const,
    country: null,
    title: 'Delegate',
    organisationVerified: true,
  },
});

const request = (id: string, who: FloorRequestView['person'], over: Partial<FloorRequestView> = {}): FloorRequestView => ({
  id,
  itemId: 'i1',
  person: who,
  kind: 'speech',
  state: 'waiting',
  requestedAt: at(0),
  byChair: false,
  givenAt: null,
  endedAt: null,
  seconds: null,
  ...over,
});

const ana = person('Ana Ruiz', 'Ministry of Digital Affairs', 'government');
const ben = person('Ben Okafor', 'Open Rights Network', 'civil-society');
const chloe = person('Chloé Martin', 'Telco Alliance', 'private-sector');

function meeting(over: Partial<MeetingView> = {}): MeetingView {
  const past = [
    request('d1', ana, { state: 'done', givenAt: at(0), endedAt: at(100), seconds: 100 }),
    request('d2', ana, { state: 'done', givenAt: at(100), endedAt: at(200), seconds: 100 }),
    request('d3', ben, { state: 'done', givenAt: at(200), endedAt: at(220), seconds: 20 }),
  ];
  return {
    id: 'm1',
    workingGroupId: 'wg1',
    workingGroupName: 'Working Group on Cyber Norms',
    title: 'Third session',
    startsAt: at(0),
    endsAt: at(7200),
    timeZone: 'Europe/Geneva',
    place: 'Room XVII',
    online: false,
    status: 'open',
    onlineUrl: null,
    turnLimitSeconds: 180,
    scheduledBy: { id: 'chair', name: 'Chair', snapshot: null },
    scheduledAt: at(-86400),
    openedAt: at(0),
    closedAt: null,
    currentItemId: 'i1',
    agenda: [
      { id: 'i1', position: 2, title: 'Norms on critical infrastructure', notes: null, document: null, clauseIds: [], amendmentId: null, ballot: null, silenceId: null },
    ],
    attendance: [],
    quorum: { quorum: 0.5, present: 3, members: 4, needed: 2, met: true, byStakeholderGroup: null },
    floor: {
      speaking: request('s1', chloe, { state: 'speaking', givenAt: at(300) }),
      queue: [
        request('q0', ben, { kind: 'point-of-order', requestedAt: at(310) }),
        ...Array.from({ length: 7 }, (_, i) => request(`q${i + 1}`, person(`Speaker ${i + 1}`, `Org ${i + 1}`, 'government'), { requestedAt: at(301 + i) })),
      ],
      past,
    },
    speakingTime: {
      totalSeconds: 220,
      turns: 3,
      byStakeholderGroup: [
        { stakeholderGroup: 'government', seconds: 200, share: 200 / 220, turns: 2 },
        { stakeholderGroup: 'private-sector', seconds: 0, share: 0, turns: 0 },
        { stakeholderGroup: 'civil-society', seconds: 20, share: 20 / 220, turns: 1 },
      ],
      byOrganisation: [],
      cap: 0.5,
      alarms: [{ stakeholderGroup: 'government', share: 200 / 220, cap: 0.5 }],
    },
    reportDocumentId: null,
    viewer: { runs: false, mayAttend: false, attendance: null },
    ...over,
  };
}

describe('room screen', () => {
  it('shows the speaker with organisation and stakeholder group, and counts down against the turn limit', () => {
    renderWithApp(<RoomScreen meeting={meeting()} nowMs={T0 + 345_000} liveStatus="live" />);
    const speaker = screen.getByTestId('room-speaker');
    expect(within(speaker).getByTestId('room-speaker-name').textContent).toContain('Chloé Martin');
    expect(speaker.textContent).toContain('Telco Alliance');
    expect(speaker.textContent).toContain('Private sector');
    // Given at 300 s, now 345 s: 45 s spent of 3:00, 2:15 left.
    expect(screen.getByTestId('room-timer').textContent).toContain('2:15');
    expect(screen.getByTestId('room-timer').hasAttribute('data-over')).toBe(false);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Third session');
    expect(screen.getByTestId('room-item').textContent).toContain('2. Norms on critical infrastructure');
    expect(screen.getByTestId('room-live').textContent).toContain('Live');
  });

  it('shows time over the limit once it passed', () => {
    renderWithApp(<RoomScreen meeting={meeting()} nowMs={T0 + 500_000} liveStatus="reconnecting" />);
    const timer = screen.getByTestId('room-timer');
    expect(timer.getAttribute('data-over')).toBe('true');
    expect(timer.textContent).toContain('+0:20');
    expect(timer.textContent).toContain('over time');
    expect(screen.getByTestId('room-live').textContent).toContain('Reconnecting');
  });

  it('lists the next six speakers, points of order marked, and counts the rest', () => {
    renderWithApp(<RoomScreen meeting={meeting()} nowMs={T0 + 345_000} liveStatus="live" />);
    const items = within(screen.getByTestId('room-queue')).getAllByRole('listitem');
    expect(items).toHaveLength(6);
    expect(items[0].textContent).toContain('Order');
    expect(items[0].textContent).toContain('Ben Okafor');
    expect(items[0].getAttribute('data-kind')).toBe('point-of-order');
    expect(items[1].textContent).toContain('Speaker 1');
    expect(items[1].textContent).not.toContain('Order');
    expect(screen.getByText('+ 2 more waiting')).toBeTruthy();
  });

  it('shows speaking time by stakeholder group with the turn under way, and the alarm above the cap', () => {
    renderWithApp(<RoomScreen meeting={meeting()} nowMs={T0 + 345_000} liveStatus="live" />);
    const bars = screen.getByTestId('speaking-time');
    const gov = bars.querySelector('[data-group="government"]')!;
    // 200 s of 265 s (220 ended + 45 under way): 75 %, above the 50 % cap.
    expect(gov.textContent).toContain('75%');
    expect(gov.getAttribute('data-alarm')).toBe('true');
    expect(within(gov as HTMLElement).getByTestId('speaking-alarm').textContent).toContain('Alarm: Government above the cap of 50%');
    const priv = bars.querySelector('[data-group="private-sector"]')!;
    expect(priv.textContent).toContain('17%');
    expect(priv.hasAttribute('data-alarm')).toBe(false);
  });

  it('says so when nobody has the floor or waits, in French', () => {
    const m = meeting({ floor: { speaking: null, queue: [], past: [] }, currentItemId: null });
    renderWithApp(<RoomScreen meeting={m} nowMs={T0} liveStatus="connecting" />, { language: 'fr' });
    expect(screen.getByText('Personne n’a la parole')).toBeTruthy();
    expect(screen.getByText('Personne n’attend la parole')).toBeTruthy();
    expect(screen.getByText('Aucun point de l’ordre du jour n’est encore abordé')).toBeTruthy();
    expect(screen.getByText('Orateur en cours')).toBeTruthy();
    expect(screen.queryByTestId('room-timer')).toBeNull();
  });
});

describe('room model', () => {
  it('counts elapsed time without a limit, and speaking time is the meeting’s own when nobody speaks', () => {
    const m = meeting({ turnLimitSeconds: null });
    expect(speakerClock(m, T0 + 400_000)).toEqual({ elapsed: 100, limit: null, remaining: null, over: 0 });
    const quiet = meeting({ floor: { ...meeting().floor, speaking: null } });
    expect(liveSpeakingTime(quiet, T0 + 400_000)).toBe(quiet.speakingTime);
  });
});
