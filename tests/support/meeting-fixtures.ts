import type { MeetingView } from '@parley/contracts';
import { Clock } from '../../apps/api/src/platform/clock/clock';
import type { ApiClient, ApiResponse } from './http-client';
import type { TestApp } from './test-app';

const HOUR = 3_600_000;
export const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

/** A valid session to schedule, with overrides. */
export const meetingInput = (overrides: Record<string, unknown> = {}) => ({
  title: 'Second formal session',
  startsAt: inHours(24),
  endsAt: inHours(27),
  timeZone: 'Europe/Paris',
  place: 'Palais des Nations, Room XVII',
  onlineUrl: 'https://meet.example.org/wg-second-session',
  agenda: [{ title: 'Adoption of the agenda' }, { title: 'Programme of work' }],
  ...overrides,
});

export async function scheduleMeeting(client: ApiClient, groupId: string, overrides: Record<string, unknown> = {}): Promise<MeetingView> {
  const res = await client.post<MeetingView>(`/api/working-groups/${groupId}/meetings`, meetingInput(overrides));
  if (res.status !== 201) throw new Error(`schedule failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The meeting acts by path, each answering the meeting. */
export const meetingActs = (meetingId: string) => ({
  open: (c: ApiClient) => c.post<MeetingView>(`/api/meetings/${meetingId}/open`),
  close: (c: ApiClient) => c.post<MeetingView>(`/api/meetings/${meetingId}/close`),
  takeUp: (c: ApiClient, itemId: string) => c.post<MeetingView>(`/api/meetings/${meetingId}/current-item`, { itemId }),
  attend: (c: ApiClient, body: Record<string, unknown> = { mode: 'in-person' }) => c.post<MeetingView>(`/api/meetings/${meetingId}/attendance`, body),
  ask: (c: ApiClient, itemId: string, body: Record<string, unknown> = {}) => c.post<MeetingView>(`/api/meetings/${meetingId}/floor`, { itemId, ...body }),
  give: (c: ApiClient, requestId: string) => c.post<MeetingView>(`/api/meetings/${meetingId}/floor/${requestId}/give`),
  end: (c: ApiClient, requestId: string) => c.post<MeetingView>(`/api/meetings/${meetingId}/floor/${requestId}/end`),
  withdraw: (c: ApiClient, requestId: string) => c.post<MeetingView>(`/api/meetings/${meetingId}/floor/${requestId}/withdraw`),
  agenda: (c: ApiClient, items: unknown[]): Promise<ApiResponse<MeetingView>> => c.request<MeetingView>('PUT', `/api/meetings/${meetingId}/agenda`, { items }),
  change: (c: ApiClient, body: Record<string, unknown>) => c.patch<MeetingView>(`/api/meetings/${meetingId}`, body),
});

/** Moves the API's clock `ms` ahead of real time (turns are timed by it). */
export function advanceClock(t: TestApp, ms: number): void {
  const clock = t.app.get(Clock);
  clock.now = () => new Date(Date.now() + ms);
}

/** Row counts of the meeting tables and the audit log: equal before and after means nothing was written. */
export async function meetingCounts(t: TestApp): Promise<Record<string, number>> {
  const [row] = await t.dataSource.query(
    `SELECT (SELECT count(*) FROM meetings)::int AS meetings, (SELECT count(*) FROM meeting_agenda_items)::int AS items,
            (SELECT count(*) FROM meeting_attendance)::int AS attendance, (SELECT count(*) FROM meeting_floor_requests)::int AS floor,
            (SELECT count(*) FROM audit_events)::int AS events`,
  );
  return row;
}
