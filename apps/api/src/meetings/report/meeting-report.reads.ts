import type { EntityManager } from 'typeorm';
import type { AffiliationSnapshot, AttendanceMode, FloorKind, MeetingStatus, ReportAttendee, ReportPerson, SpokenTurn } from '@parley/domain';

/** The meeting row the report needs, locked for the draft (acts on one meeting serialise on it). */
export interface ReportMeetingRow {
  id: string;
  workingGroupId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: string | null;
  online: boolean;
  status: MeetingStatus;
  openedAt: Date | null;
  openedBy: string | null;
  closedAt: Date | null;
  closedBy: string | null;
  reportDocumentId: string | null;
}

export async function lockMeetingForReport(manager: EntityManager, meetingId: string): Promise<ReportMeetingRow | null> {
  const [row] = (await manager.query(
    `SELECT id, working_group_id AS "workingGroupId", title, starts_at AS "startsAt", ends_at AS "endsAt", time_zone AS "timeZone",
            place, online_url IS NOT NULL AS online, status, opened_at AS "openedAt", opened_by AS "openedBy",
            closed_at AS "closedAt", closed_by AS "closedBy", report_document_id AS "reportDocumentId"
       FROM meetings WHERE id = $1 FOR UPDATE`,
    [meetingId],
  )) as ReportMeetingRow[];
  return row ?? null;
}

/**
 * A person who opened or closed the meeting, named with their organisation as the record holds it:
 * their check-in's snapshot, else the snapshot the meeting was scheduled with when they scheduled it.
 */
export async function meetingOfficer(manager: EntityManager, meetingId: string, personId: string | null): Promise<ReportPerson | null> {
  if (!personId) return null;
  const [row] = (await manager.query(
    `SELECT p.name, COALESCE(a.snapshot, CASE WHEN m.created_by = p.id THEN m.created_snapshot END) AS snapshot
       FROM people p JOIN meetings m ON m.id = $1
       LEFT JOIN meeting_attendance a ON a.meeting_id = m.id AND a.person_id = p.id
      WHERE p.id = $2`,
    [meetingId, personId],
  )) as { name: string; snapshot: AffiliationSnapshot | null }[];
  return row ? { name: row.name, organisationName: row.snapshot?.organisationName ?? null } : null;
}

export async function reportAttendance(manager: EntityManager, meetingId: string): Promise<ReportAttendee[]> {
  const rows = (await manager.query(
    `SELECT p.name, a.snapshot, a.mode, a.voting
       FROM meeting_attendance a JOIN people p ON p.id = a.person_id
      WHERE a.meeting_id = $1 ORDER BY a.checked_in_at, p.name`,
    [meetingId],
  )) as { name: string; snapshot: AffiliationSnapshot; mode: AttendanceMode; voting: boolean }[];
  return rows.map((r) => ({ name: r.name, organisationName: r.snapshot.organisationName, stakeholderGroup: r.snapshot.stakeholderGroup, mode: r.mode, voting: r.voting }));
}

export async function reportAgenda(manager: EntityManager, meetingId: string): Promise<{ title: string }[]> {
  return (await manager.query(`SELECT title FROM meeting_agenda_items WHERE meeting_id = $1 ORDER BY position`, [meetingId])) as { title: string }[];
}

/** Every ended turn (points of order included), by the speaker's snapshot at request time. */
export async function reportTurns(manager: EntityManager, meetingId: string): Promise<SpokenTurn[]> {
  return (await manager.query(
    `SELECT person_id AS "personId", snapshot, kind, seconds FROM meeting_floor_requests
      WHERE meeting_id = $1 AND state = 'done' ORDER BY given_at`,
    [meetingId],
  )) as { personId: string; snapshot: AffiliationSnapshot; kind: FloorKind; seconds: number }[];
}

export async function recordReportDocument(manager: EntityManager, meetingId: string, documentId: string): Promise<void> {
  await manager.query(`UPDATE meetings SET report_document_id = $2 WHERE id = $1`, [meetingId, documentId]);
}
