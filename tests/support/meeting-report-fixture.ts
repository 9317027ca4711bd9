import type { Delegate } from './drafting-fixtures';
import type { TestApp } from './test-app';

/**
 * A meeting's record written straight into the meetings tables, for the report's tests and the
 * authorization matrix (the meetings routes of part A drive a meeting through HTTP; the report only
 * reads what they leave). `openMeeting` starts it an hour ago; `closeMeeting` closes it now, so that
 * what the group's chain records in between falls inside the meeting.
 */
export interface MeetingAttendee {
  who: Delegate;
  mode: 'in-person' | 'online';
  voting: boolean;
}

export async function openMeeting(
  t: TestApp,
  groupId: string,
  chair: Delegate,
  opts: { title?: string; place?: string | null; onlineUrl?: string | null; timeZone?: string; agenda?: string[] } = {},
): Promise<{ id: string; itemIds: string[] }> {
  const [m] = (await t.dataSource.query(
    `INSERT INTO meetings (working_group_id, title, starts_at, ends_at, time_zone, place, online_url, status, created_by, created_snapshot, created_at, opened_at, opened_by)
     VALUES ($1, $2, now() - interval '1 hour', now() + interval '1 hour', $3, $4, $5, 'open', $6, $7, now() - interval '2 days', now() - interval '1 hour', $6)
     RETURNING id`,
    [groupId, opts.title ?? 'Second reading', opts.timeZone ?? 'Europe/Paris', opts.place === undefined ? 'Room 4' : opts.place, opts.onlineUrl ?? null, chair.id, JSON.stringify(chair.snapshot)],
  )) as { id: string }[];
  const itemIds: string[] = [];
  for (const [i, title] of (opts.agenda ?? ['Adoption of the agenda']).entries()) {
    const [row] = (await t.dataSource.query(`INSERT INTO meeting_agenda_items (meeting_id, position, title) VALUES ($1, $2, $3) RETURNING id`, [m.id, i + 1, title])) as { id: string }[];
    itemIds.push(row.id);
  }
  return { id: m.id, itemIds };
}

export async function checkIn(t: TestApp, meetingId: string, recordedBy: Delegate, attendees: MeetingAttendee[]): Promise<void> {
  for (const a of attendees)
    await t.dataSource.query(
      `INSERT INTO meeting_attendance (meeting_id, person_id, mode, snapshot, voting, checked_in_at, recorded_by) VALUES ($1, $2, $3, $4, $5, now() - interval '55 minutes', $6)`,
      [meetingId, a.who.id, a.mode, JSON.stringify(a.who.snapshot), a.voting, recordedBy.id],
    );
}

/** A turn at the floor that ended: `seconds` long, given by the chair. */
export async function spoke(t: TestApp, meetingId: string, itemId: string, chair: Delegate, who: Delegate, seconds: number, kind: 'speech' | 'point-of-order' = 'speech'): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO meeting_floor_requests (meeting_id, agenda_item_id, person_id, snapshot, kind, state, requested_at, requested_by, given_at, given_by, ended_at, ended_by, seconds)
     VALUES ($1, $2, $3, $4, $5, 'done', now() - interval '50 minutes', $3, now() - interval '45 minutes', $6, now() - interval '45 minutes' + make_interval(secs => $7), $6, $7)`,
    [meetingId, itemId, who.id, JSON.stringify(who.snapshot), kind, chair.id, seconds],
  );
}

export async function closeMeeting(t: TestApp, meetingId: string, chair: Delegate): Promise<void> {
  await t.dataSource.query(`UPDATE meetings SET status = 'closed', closed_at = now(), closed_by = $2 WHERE id = $1`, [meetingId, chair.id]);
}
