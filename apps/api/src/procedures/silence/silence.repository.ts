import type { AffiliationSnapshot, SilenceState } from '@parley/domain';
import type { AdoptionWarningsRecord } from '@parley/contracts';
import type { EntityManager } from 'typeorm';

/** One silence procedure as stored, with the names of the people it names. */
export interface SilenceRow {
  id: string;
  documentId: string;
  documentTitle: string;
  workingGroupId: string;
  versionId: string;
  versionNumber: number;
  startedBy: string;
  startedName: string;
  startedSnapshot: AffiliationSnapshot;
  startedAt: Date;
  deadline: Date;
  warnings: AdoptionWarningsRecord | null;
  state: SilenceState;
  endedAt: Date | null;
  withdrawnBy: string | null;
  withdrawnName: string | null;
  withdrawnSnapshot: AffiliationSnapshot | null;
  withdrawalReason: string | null;
  objection: { id: string; personId: string; name: string; snapshot: AffiliationSnapshot; reason: string; at: Date } | null;
}

const SELECT = `
  SELECT s.id, s.document_id AS "documentId", d.title AS "documentTitle", s.working_group_id AS "workingGroupId", s.version_id AS "versionId",
         s.version_number AS "versionNumber", s.started_by AS "startedBy", ps.name AS "startedName", s.started_snapshot AS "startedSnapshot",
         s.started_at AS "startedAt", s.deadline, s.warnings, s.state, s.ended_at AS "endedAt", s.withdrawn_by AS "withdrawnBy",
         pw.name AS "withdrawnName", s.withdrawn_snapshot AS "withdrawnSnapshot", s.withdrawal_reason AS "withdrawalReason",
         CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'personId', o.person_id, 'name', po.name, 'snapshot', o.snapshot, 'reason', o.reason, 'at', o.at) END AS objection
    FROM silence_procedures s JOIN documents d ON d.id = s.document_id JOIN people ps ON ps.id = s.started_by
    LEFT JOIN people pw ON pw.id = s.withdrawn_by
    LEFT JOIN silence_objections o ON o.silence_id = s.id LEFT JOIN people po ON po.id = o.person_id`;

const toRow = (r: SilenceRow & { objection: (Omit<NonNullable<SilenceRow['objection']>, 'at'> & { at: string }) | null }): SilenceRow => ({
  ...r,
  objection: r.objection ? { ...r.objection, at: new Date(r.objection.at) } : null,
});

export async function silenceById(manager: EntityManager, id: string): Promise<SilenceRow | null> {
  const rows = await manager.query(`${SELECT} WHERE s.id = $1`, [id]);
  return rows[0] ? toRow(rows[0]) : null;
}

export async function silencesOfDocument(manager: EntityManager, documentId: string): Promise<SilenceRow[]> {
  return (await manager.query(`${SELECT} WHERE s.document_id = $1 ORDER BY s.started_at DESC, s.id DESC`, [documentId])).map(toRow);
}

export async function silencesOfGroup(manager: EntityManager, workingGroupId: string, limit = 200): Promise<SilenceRow[]> {
  return (await manager.query(`${SELECT} WHERE s.working_group_id = $1 ORDER BY s.started_at DESC, s.id DESC LIMIT $2`, [workingGroupId, limit])).map(toRow);
}

/** Locks the procedure's row: objections, withdrawal and the scheduler's adoption are settled one at a time. */
export async function lockSilence(manager: EntityManager, id: string): Promise<{ id: string; state: SilenceState; deadline: Date; documentId: string; workingGroupId: string } | null> {
  const rows = await manager.query(
    `SELECT id, state, deadline, document_id AS "documentId", working_group_id AS "workingGroupId" FROM silence_procedures WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0] ?? null;
}

/** The procedure under way on a document, if any. */
export async function silenceUnderWay(manager: EntityManager, documentId: string): Promise<{ id: string; versionNumber: number; deadline: Date } | null> {
  const rows = await manager.query(
    `SELECT id, version_number AS "versionNumber", deadline FROM silence_procedures WHERE document_id = $1 AND state = 'under-way'`,
    [documentId],
  );
  return rows[0] ?? null;
}

/** Procedures whose deadline has come with no objection: the scheduler adopts their versions. */
export async function silencesDue(manager: EntityManager, now: Date, limit: number): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(`SELECT id FROM silence_procedures WHERE state = 'under-way' AND deadline <= $1 ORDER BY deadline, id LIMIT $2`, [now, limit]);
  return rows.map((r) => r.id);
}
