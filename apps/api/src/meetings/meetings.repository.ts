import type { EntityManager } from 'typeorm';
import type { AffiliationSnapshot, AttendanceMode, FloorKind, FloorState, MeetingStatus } from '@parley/domain';

/** One meeting as stored, with the scheduler's name and the group's name. */
export interface MeetingRow {
  id: string;
  workingGroupId: string;
  workingGroupName: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: string | null;
  onlineUrl: string | null;
  turnLimitSeconds: number | null;
  status: MeetingStatus;
  currentItemId: string | null;
  createdBy: string;
  createdName: string;
  createdSnapshot: AffiliationSnapshot;
  createdAt: Date;
  openedAt: Date | null;
  closedAt: Date | null;
  reportDocumentId: string | null;
}

export interface AgendaItemRow {
  id: string;
  position: number;
  title: string;
  notes: string | null;
  documentId: string | null;
  documentTitle: string | null;
  versionNumber: number | null;
  clauseIds: string[];
  amendmentId: string | null;
  ballotId: string | null;
  ballotTitle: string | null;
  ballotStatus: string | null;
  silenceId: string | null;
}

export interface AttendanceRow {
  personId: string;
  name: string;
  mode: AttendanceMode;
  snapshot: AffiliationSnapshot;
  voting: boolean;
  checkedInAt: Date;
  recordedBy: string;
}

export interface FloorRow {
  id: string;
  itemId: string;
  personId: string;
  name: string;
  snapshot: AffiliationSnapshot;
  kind: FloorKind;
  state: FloorState;
  requestedAt: Date;
  requestedBy: string;
  givenAt: Date | null;
  endedAt: Date | null;
  seconds: number | null;
}

const MEETING = `
  SELECT m.id, m.working_group_id AS "workingGroupId", g.name AS "workingGroupName", m.title, m.starts_at AS "startsAt", m.ends_at AS "endsAt",
         m.time_zone AS "timeZone", m.place, m.online_url AS "onlineUrl", m.turn_limit_seconds AS "turnLimitSeconds", m.status,
         m.current_item_id AS "currentItemId", m.created_by AS "createdBy", p.name AS "createdName", m.created_snapshot AS "createdSnapshot",
         m.created_at AS "createdAt", m.opened_at AS "openedAt", m.closed_at AS "closedAt", m.report_document_id AS "reportDocumentId"
    FROM meetings m JOIN working_groups g ON g.id = m.working_group_id JOIN people p ON p.id = m.created_by`;

export async function meetingById(manager: EntityManager, id: string): Promise<MeetingRow | null> {
  return (await manager.query(`${MEETING} WHERE m.id = $1`, [id]))[0] ?? null;
}

export function meetingsOfGroup(manager: EntityManager, workingGroupId: string, limit = 500): Promise<MeetingRow[]> {
  return manager.query(`${MEETING} WHERE m.working_group_id = $1 ORDER BY m.starts_at DESC, m.id DESC LIMIT $2`, [workingGroupId, limit]);
}

/** Locks the meeting's row: every act on one meeting is settled one at a time. */
export async function lockMeeting(manager: EntityManager, id: string): Promise<MeetingRow | null> {
  const [locked] = await manager.query(`SELECT id FROM meetings WHERE id = $1 FOR UPDATE`, [id]);
  return locked ? meetingById(manager, id) : null;
}

export function agendaOf(manager: EntityManager, meetingId: string): Promise<AgendaItemRow[]> {
  return manager.query(
    `SELECT i.id, i.position, i.title, i.notes, i.document_id AS "documentId", d.title AS "documentTitle", i.version_number AS "versionNumber",
            i.clause_ids::text[] AS "clauseIds", i.amendment_id AS "amendmentId", i.ballot_id AS "ballotId", b.title AS "ballotTitle",
            b.status AS "ballotStatus", i.silence_id AS "silenceId"
       FROM meeting_agenda_items i LEFT JOIN documents d ON d.id = i.document_id LEFT JOIN ballots b ON b.id = i.ballot_id
      WHERE i.meeting_id = $1 ORDER BY i.position`,
    [meetingId],
  );
}

export function attendanceOf(manager: EntityManager, meetingId: string): Promise<AttendanceRow[]> {
  return manager.query(
    `SELECT a.person_id AS "personId", p.name, a.mode, a.snapshot, a.voting, a.checked_in_at AS "checkedInAt", a.recorded_by AS "recordedBy"
       FROM meeting_attendance a JOIN people p ON p.id = a.person_id WHERE a.meeting_id = $1 ORDER BY a.checked_in_at, p.name, a.person_id`,
    [meetingId],
  );
}

const FLOOR = `
  SELECT f.id, f.agenda_item_id AS "itemId", f.person_id AS "personId", p.name, f.snapshot, f.kind, f.state, f.requested_at AS "requestedAt",
         f.requested_by AS "requestedBy", f.given_at AS "givenAt", f.ended_at AS "endedAt", f.seconds
    FROM meeting_floor_requests f JOIN people p ON p.id = f.person_id`;

export function floorOf(manager: EntityManager, meetingId: string): Promise<FloorRow[]> {
  return manager.query(`${FLOOR} WHERE f.meeting_id = $1 ORDER BY f.requested_at, f.id`, [meetingId]);
}

export async function floorRequest(manager: EntityManager, meetingId: string, id: string): Promise<FloorRow | null> {
  return (await manager.query(`${FLOOR} WHERE f.meeting_id = $1 AND f.id = $2`, [meetingId, id]))[0] ?? null;
}

/** The group's resolved composition cap on a stakeholder group's share (null column: the default). */
export async function groupShareCap(manager: EntityManager, workingGroupId: string): Promise<number | null> {
  const [row] = await manager.query(`SELECT max_stakeholder_group_share::float AS cap FROM working_groups WHERE id = $1`, [workingGroupId]);
  return row?.cap ?? null;
}

export type LinkKind = 'document' | 'amendment' | 'ballot' | 'silence';

/** Of the given ids of one kind, those that belong to the group (the rest are another group's, or none). */
export async function linksInGroup(manager: EntityManager, kind: LinkKind, ids: string[], workingGroupId: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const sql = {
    document: `SELECT id FROM documents WHERE id = ANY($1::uuid[]) AND working_group_id = $2`,
    amendment: `SELECT am.id FROM amendments am JOIN documents d ON d.id = am.document_id WHERE am.id = ANY($1::uuid[]) AND d.working_group_id = $2`,
    ballot: `SELECT id FROM ballots WHERE id = ANY($1::uuid[]) AND working_group_id = $2`,
    silence: `SELECT id FROM silence_procedures WHERE id = ANY($1::uuid[]) AND working_group_id = $2`,
  }[kind];
  const rows: { id: string }[] = await manager.query(sql, [ids, workingGroupId]);
  return new Set(rows.map((r) => r.id));
}
