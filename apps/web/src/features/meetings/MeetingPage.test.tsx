import { fireEvent, screen, within } from '@testing-library/react';
import type { MeetingView } from '@parley/contracts';
import { Route, Routes } from 'react-router-dom';
import { renderWithApp } from '../../test/render';
import MeetingPage from './MeetingPage';

const answer = (status: number, body: unknown) => ({
  ok: status < 400,
  status,
  statusText: '',
  headers: { get: () => (status < 400 ? 'application/json' : 'application/problem+json') },
  text: async () => JSON.stringify(body),
});
const snapshot = { affiliationId: 'a', organisationId: 'o-1', organisationName: 'Ministry', stakeholderGroup: 'government', subtype: 'national', country: null, title: 'Delegate', organisationVerified: true };
const gabriel = { id: 'p-1', name: 'Gabriel', snapshot };

const closed: MeetingView = {
  id: 'm-1',
  workingGroupId: 'wg-1',
  workingGroupName: 'Norms group',
  title: 'Second formal session',
  startsAt: '2027-03-12T13:00:00.000Z',
  endsAt: '2027-03-12T16:00:00.000Z',
  timeZone: 'Europe/Paris',
  place: 'Palais des Nations',
  online: true,
  status: 'closed',
  onlineUrl: null,
  turnLimitSeconds: null,
  scheduledBy: gabriel,
  scheduledAt: '2027-03-01T09:00:00.000Z',
  openedAt: '2027-03-12T13:00:00.000Z',
  closedAt: '2027-03-12T16:00:00.000Z',
  currentItemId: null,
  agenda: [{ id: 'i-1', position: 1, title: 'Programme of work', notes: null, document: { id: 'd-1', title: 'Programme', version: 2 }, clauseIds: [], amendmentId: null, ballot: null, silenceId: null }],
  attendance: [{ person: gabriel, mode: 'in-person', voting: true, checkedInAt: '2027-03-12T13:01:00.000Z', byChair: false }],
  quorum: { quorum: 0.5, present: 1, members: 3, needed: 2, met: false, byStakeholderGroup: null },
  floor: { speaking: null, queue: [], past: [] },
  speakingTime: {
    totalSeconds: 100,
    turns: 3,
    byStakeholderGroup: [
      { stakeholderGroup: 'government', seconds: 72, share: 0.72, turns: 1 },
      { stakeholderGroup: 'private-sector', seconds: 18, share: 0.18, turns: 1 },
      { stakeholderGroup: 'civil-society', seconds: 10, share: 0.1, turns: 1 },
    ],
    byOrganisation: [{ organisationId: 'o-1', organisationName: 'Ministry', stakeholderGroup: 'government', seconds: 72, share: 0.72, turns: 1 }],
    cap: 0.5,
    alarms: [{ stakeholderGroup: 'government', share: 0.72, cap: 0.5 }],
  },
  reportDocumentId: null,
  viewer: { runs: false, mayAttend: false, attendance: null },
} as MeetingView;

describe('MeetingPage', () => {
  const fetchMock = jest.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    (globalThis as { fetch: unknown }).fetch = fetchMock;
  });
  const show = (m: MeetingView, language: 'en' | 'fr' = 'en') => {
    fetchMock.mockImplementation(async (url: string) => (url.startsWith('/api/meetings/m-1') ? answer(200, m) : answer(401, { type: '/problems/unauthenticated', title: 'Not signed in', status: 401 })));
    return renderWithApp(
      <Routes>
        <Route path="/meetings/:id" element={<MeetingPage />} />
      </Routes>,
      { route: '/meetings/m-1', language },
    );
  };

  it('shows the public record of a closed session: when in its time zone, the agenda, attendance by group, quorum, and the speaking-time alarm; no acts', async () => {
    show(closed);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Second formal session');
    expect(screen.getByTestId('meeting-when').textContent).toMatch(/Europe\/Paris time/);
    expect(screen.getByTestId('meeting-when').textContent).toMatch(/Mar 12, 2027, 2:00\s*–\s*5:00\sPM \(GMT\+1\)/);
    expect(screen.getByRole('link', { name: 'Programme (version 2)' }).getAttribute('href')).toBe('/documents/d-1?version=2');
    expect(within(screen.getByTestId('quorum')).getByText('Not met')).toBeTruthy();
    expect(screen.getByTestId('speaking-alarm').textContent).toMatch("Governments have held 72 % of the floor; the group's cap is 50 %.");
    expect(screen.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href')).toBe('/api/meetings/m-1/calendar.ics');
    expect(screen.queryByRole('button', { name: /Check in|Ask for the floor|Open the session|Close the session/ })).toBeNull();
    const headings = screen.getAllByRole('heading').map((h) => Number(h.tagName.slice(1)));
    headings.forEach((level, i) => expect(level - (headings[i - 1] ?? 0)).toBeLessThanOrEqual(1));
  });

  it('offers a member to check in, and a chair to open the session after a confirmation, in French', async () => {
    show({ ...closed, status: 'planned', viewer: { runs: true, mayAttend: true, attendance: null } }, 'fr');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByRole('button', { name: 'Signaler ma présence — sur place' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir la séance' }));
    expect(screen.getByText('Ouvrir la séance maintenant ? Les participants pourront alors demander la parole.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'L’ouvrir' })).toBeTruthy();
  });
});
