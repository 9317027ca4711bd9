import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { BallotSummary, MeetingView } from '@parley/contracts';
import { renderWithApp } from '../../test/render';
import { ballotChoices, clauseOptionLabel } from './AgendaItemLinksEditor';
import { AgendaSection } from './AgendaSection';
import { EditMeetingDetails } from './EditMeetingDetails';
import { detailsBody, detailsValues } from './MeetingDetailsFields';
import { isoToZoned } from './meeting-time';

const answer = (status: number, body: unknown) => ({
  ok: status < 400,
  status,
  statusText: '',
  headers: { get: () => (status < 400 ? 'application/json' : 'application/problem+json') },
  text: async () => JSON.stringify(body),
});
const gabriel = { id: 'p-1', name: 'Gabriel', snapshot: null };

const meeting = {
  id: 'm-1',
  workingGroupId: 'wg-1',
  workingGroupName: 'Norms group',
  title: 'Second formal session',
  startsAt: '2027-03-12T13:00:00.000Z',
  endsAt: '2027-03-12T16:00:00.000Z',
  timeZone: 'Europe/Paris',
  place: 'Palais des Nations',
  online: false,
  status: 'planned',
  onlineUrl: null,
  turnLimitSeconds: 120,
  scheduledBy: gabriel,
  scheduledAt: '2027-03-01T09:00:00.000Z',
  openedAt: null,
  closedAt: null,
  currentItemId: null,
  agenda: [
    {
      id: 'i-1',
      position: 1,
      title: 'Principle 4',
      notes: null,
      document: { id: 'd-1', title: 'Paris Call', version: null },
      clauseIds: ['c-4'],
      amendmentId: null,
      ballot: null,
      silenceId: 's-1',
    },
    { id: 'i-2', position: 2, title: 'Any other business', notes: null, document: null, clauseIds: [], amendmentId: null, ballot: null, silenceId: null },
  ],
  attendance: [],
  quorum: { quorum: 0.5, present: 0, members: 3, needed: 2, met: false, byStakeholderGroup: null },
  floor: { speaking: null, queue: [], past: [] },
  speakingTime: { totalSeconds: 0, turns: 0, byStakeholderGroup: [], byOrganisation: [], cap: 0.5, alarms: [] },
  reportDocumentId: null,
  viewer: { runs: true, mayAttend: true, attendance: null },
} as unknown as MeetingView;

const clause = (id: string, label: string | null, kind: string, text: string) => ({ id, label, kind, text, position: 1 });
const documentBody = {
  id: 'd-1',
  title: 'Paris Call',
  versions: [{ number: 1 }, { number: 2 }],
  version: { number: 2, clauses: [clause('c-h', null, 'heading', 'Principles'), clause('c-p', null, 'preamble', 'Recalling the Charter'), clause('c-4', '4.', 'operative', 'Prevent ICT-enabled theft of intellectual property')] },
};
const ballot = (id: string, status: string, closedAt: string | null, title: string) =>
  ({ id, status, closedAt, title, subject: { type: 'motion', id: null, details: null } }) as unknown as BallotSummary;

// The editor reads five endpoints before it shows an item's links: give a loaded machine time.
configure({ asyncUtilTimeout: 5000 });

describe('the agenda editor links and the session details', () => {
  const fetchMock = jest.fn();
  const calls: { url: string; method: string; body: unknown }[] = [];
  let agendaAnswer: () => ReturnType<typeof answer> = () => answer(200, meeting);
  beforeEach(() => {
    calls.length = 0;
    fetchMock.mockReset();
    (globalThis as { fetch: unknown }).fetch = fetchMock;
    fetchMock.mockImplementation(async (url: string, init?: { method?: string; body?: string }) => {
      calls.push({ url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(init.body) : undefined });
      if (url.startsWith('/api/working-groups/wg-1/documents')) return answer(200, { items: [{ id: 'd-1', title: 'Paris Call' }] });
      if (url.startsWith('/api/working-groups/wg-1/ballots'))
        return answer(200, { items: [ballot('b-1', 'open', null, 'Adopt version 2'), ballot('b-old', 'closed', '2020-01-01T00:00:00.000Z', 'Old ballot')], nextCursor: null });
      if (url.startsWith('/api/documents/d-1/amendments')) return answer(200, { items: [], nextCursor: null });
      if (url.startsWith('/api/documents/d-1/silence'))
        return answer(200, { items: [{ id: 's-1', version: 2, deadline: '2027-03-20T12:00:00.000Z', state: 'under-way' }] });
      if (url.startsWith('/api/documents/d-1')) return answer(200, documentBody);
      if (url.startsWith('/api/meetings/m-1/agenda')) return agendaAnswer();
      if (url.startsWith('/api/meetings/m-1')) return answer(200, meeting);
      return answer(404, { type: '/problems/not-found', title: 'Not found', status: 404 });
    });
  });

  it('offers a paragraph by its label, the group’s open ballots, and keeps the links already made when saving', async () => {
    renderWithApp(<AgendaSection m={meeting} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit the agenda' }));
    const toggle = screen.getByRole('button', { name: 'Links of “Principle 4”' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const links = screen.getByRole('group', { name: 'What “Principle 4” links to' });
    // The paragraph already linked shows by the label the document page gives it.
    await within(links).findByText('Clause 4. — “Prevent ICT-enabled theft of intellectual property”');
    expect(within(links).getByRole('textbox', { name: 'Version (optional)' })).toBeTruthy();
    expect(within(links).getByRole('textbox', { name: 'Open amendment (optional)' })).toBeTruthy();
    await waitFor(() => expect((within(links).getByRole('textbox', { name: 'Silence procedure (optional)' }) as HTMLInputElement).value).toMatch(/^Version 2, until/));
    // A ballot: the open one is offered, one closed long ago is not.
    const ballotBox = within(links).getByRole('textbox', { name: 'Ballot (optional)' });
    await waitFor(() => expect(calls.some((c) => c.url.startsWith('/api/working-groups/wg-1/ballots'))).toBe(true));
    fireEvent.click(ballotBox);
    fireEvent.click(await screen.findByRole('option', { name: 'Adopt version 2 (open)', hidden: true }));
    expect(screen.queryByRole('option', { name: /Old ballot/, hidden: true })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save the agenda' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({
      items: [
        { id: 'i-1', title: 'Principle 4', notes: null, documentId: 'd-1', version: null, clauseIds: ['c-4'], amendmentId: null, ballotId: 'b-1', silenceId: 's-1' },
        { id: 'i-2', title: 'Any other business', notes: null, documentId: null, version: null, clauseIds: [], amendmentId: null, ballotId: null, silenceId: null },
      ],
    });
  });

  it('shows the server’s field errors next to the control of the item they name, in French', async () => {
    agendaAnswer = () =>
      answer(400, {
        type: '/problems/validation',
        title: 'Invalid',
        status: 400,
        errors: [{ field: 'items.1.ballotId', code: 'not-in-this-group', message: 'Not in this group.' }],
      });
    renderWithApp(<AgendaSection m={meeting} />, { language: 'fr' });
    fireEvent.click(screen.getByRole('button', { name: 'Modifier l’ordre du jour' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer l’ordre du jour' }));
    const links = await screen.findByRole('group', { name: 'Ce à quoi « Any other business » renvoie' });
    const box = within(links).getByRole('textbox', { name: 'Scrutin (facultatif)' });
    expect(box.getAttribute('aria-invalid')).toBe('true');
    const described = (box.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
    expect(described.join(' ')).not.toBe('');
    expect(screen.queryByRole('group', { name: 'Ce à quoi « Principle 4 » renvoie' })).toBeNull();
    agendaAnswer = () => answer(200, meeting);
  });

  it('lets a chair change the details: the form starts from the session as it stands, in its time zone', async () => {
    renderWithApp(<EditMeetingDetails m={meeting} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit details' }));
    const form = screen.getByTestId('meeting-details-form');
    expect((within(form).getByLabelText(/^Starts/) as HTMLInputElement).value).toBe('2027-03-12T14:00');
    expect((within(form).getByRole('textbox', { name: 'Time limit per turn (minutes)' }) as HTMLInputElement).value).toBe('2');
    fireEvent.change(within(form).getByLabelText(/^Starts/), { target: { value: '2027-03-12T15:00' } });
    fireEvent.change(within(form).getByLabelText(/^Ends/), { target: { value: '2027-03-12T18:00' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the details' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
      title: 'Second formal session',
      startsAt: '2027-03-12T14:00:00.000Z',
      endsAt: '2027-03-12T17:00:00.000Z',
      timeZone: 'Europe/Paris',
      place: 'Palais des Nations',
      onlineUrl: null,
      turnLimitSeconds: 120,
    });
  });

  it('shows no "Edit details" to a reader who does not run the session, nor once it is closed', () => {
    renderWithApp(
      <>
        <EditMeetingDetails m={{ ...meeting, viewer: { runs: false, mayAttend: true, attendance: null } }} />
        <EditMeetingDetails m={{ ...meeting, status: 'closed' }} />
      </>,
    );
    expect(screen.queryByRole('button', { name: 'Edit details' })).toBeNull();
  });

  it('names paragraphs, picks ballots and converts times as the page needs', () => {
    const t = ((k: string, o?: Record<string, string>) =>
      k === 'documents.clause.name' ? `Clause ${o?.label}` : k === 'meetings.links.clauseOption' ? `${o?.name} | ${o?.text}` : k) as never;
    expect(clauseOptionLabel(t, { label: '4.', kind: 'operative', text: 'Short' })).toBe('Clause 4. | Short');
    expect(clauseOptionLabel(t, { label: null, kind: 'preamble', text: 'x'.repeat(80) })).toMatch(/^documents\.kinds\.preamble \| x{59}…$/);
    const now = Date.parse('2027-03-12T00:00:00.000Z');
    const list = [ballot('a', 'open', null, 'A'), ballot('b', 'closed', '2027-03-01T00:00:00.000Z', 'B'), ballot('c', 'closed', '2026-01-01T00:00:00.000Z', 'C')];
    expect(ballotChoices(list, now, null).map((b) => b.id)).toEqual(['a', 'b']);
    expect(ballotChoices(list, now, 'c').map((b) => b.id)).toEqual(['a', 'b', 'c']);
    expect(isoToZoned('2027-07-12T12:00:00.000Z', 'Europe/Paris')).toBe('2027-07-12T14:00');
    expect(isoToZoned('2027-03-12T13:00:00.000Z', 'UTC')).toBe('2027-03-12T13:00');
    const v = detailsValues(meeting);
    expect(detailsBody(v)).toMatchObject({ startsAt: meeting.startsAt, endsAt: meeting.endsAt, turnLimitSeconds: 120, place: 'Palais des Nations' });
    expect(detailsBody({ ...v, turnLimit: '', place: '  ' })).toMatchObject({ turnLimitSeconds: null, place: null });
  });
});
