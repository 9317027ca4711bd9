import type { EntityManager } from 'typeorm';
import { divisionsBlockingAdoption, type AffiliationSnapshot, type BallotOutcome, type DivisionStatus } from '@parley/domain';

/**
 * Division requests read over an entity manager (plain functions, no module cycle): the division
 * service, the adoption (which a pending division holds back) and the consolidation (which applies a
 * failed division's deletion) share them.
 */
export interface DivisionRow {
  id: string;
  documentId: string;
  versionId: string;
  versionNumber: number;
  clauseIds: string[];
  reason: string;
  requestedBy: string;
  requesterName: string;
  requestedSnapshot: AffiliationSnapshot;
  requestedAt: Date;
  status: DivisionStatus;
  decidedBy: string | null;
  deciderName: string | null;
  decidedSnapshot: AffiliationSnapshot | null;
  decidedAt: Date | null;
  declineReason: string | null;
  ballotId: string | null;
  closedAt: Date | null;
  consolidatedInVersion: number | null;
  outcome: BallotOutcome | null;
  totals: { yes: number; no: number; abstain: number } | null;
}

const SELECT = `SELECT d.id, d.document_id AS "documentId", d.version_id AS "versionId", d.version_number AS "versionNumber", d.clause_ids::text[] AS "clauseIds",
       d.reason, d.requested_by AS "requestedBy", rp.name AS "requesterName", d.requested_snapshot AS "requestedSnapshot", d.requested_at AS "requestedAt",
       d.status, d.decided_by AS "decidedBy", dp.name AS "deciderName", d.decided_snapshot AS "decidedSnapshot", d.decided_at AS "decidedAt",
       d.decline_reason AS "declineReason", d.ballot_id AS "ballotId", d.closed_at AS "closedAt", d.consolidated_in_version AS "consolidatedInVersion",
       b.outcome, b.result->'totals' AS totals
  FROM division_requests d JOIN people rp ON rp.id = d.requested_by LEFT JOIN people dp ON dp.id = d.decided_by LEFT JOIN ballots b ON b.id = d.ballot_id`;

export function divisionsOf(manager: EntityManager, documentId: string): Promise<DivisionRow[]> {
  return manager.query(`${SELECT} WHERE d.document_id = $1 ORDER BY d.requested_at, d.id`, [documentId]);
}

export async function findDivision(manager: EntityManager, id: string, lock = false): Promise<DivisionRow | null> {
  if (lock) await manager.query(`SELECT 1 FROM division_requests WHERE id = $1 FOR UPDATE`, [id]);
  const rows: DivisionRow[] = await manager.query(`${SELECT} WHERE d.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function divisionByBallot(manager: EntityManager, ballotId: string): Promise<DivisionRow | null> {
  const rows: DivisionRow[] = await manager.query(`${SELECT} WHERE d.ballot_id = $1`, [ballotId]);
  return rows[0] ?? null;
}

/** Requests that hold the adoption back: undecided, under ballot, or a deletion no consolidation applied yet. */
export async function divisionsBlocking(manager: EntityManager, documentId: string): Promise<DivisionRow[]> {
  return divisionsBlockingAdoption(await divisionsOf(manager, documentId));
}

/** Failed divisions whose deletion the next consolidation applies, oldest closed first (row-locked when `lock`). */
export async function deletionsToApply(manager: EntityManager, documentId: string, lock: boolean): Promise<DivisionRow[]> {
  if (lock) await manager.query(`SELECT 1 FROM division_requests WHERE document_id = $1 AND status = 'deleted' AND consolidated_in_version IS NULL FOR UPDATE`, [documentId]);
  return manager.query(`${SELECT} WHERE d.document_id = $1 AND d.status = 'deleted' AND d.consolidated_in_version IS NULL ORDER BY d.closed_at, d.id`, [documentId]);
}

export async function markDivisionsConsolidated(manager: EntityManager, ids: readonly string[], version: number): Promise<void> {
  if (ids.length > 0) await manager.query(`UPDATE division_requests SET consolidated_in_version = $2 WHERE id = ANY($1::uuid[])`, [ids, version]);
}

/** The chair's decision on a pending request: put to a ballot, or declined with a reason (once; the guard refuses a second). */
export async function decideDivision(
  manager: EntityManager,
  id: string,
  to: { status: 'balloting'; ballotId: string } | { status: 'declined'; declineReason: string },
  by: string,
  snapshot: AffiliationSnapshot | null,
  at: Date,
): Promise<void> {
  await manager.query(
    `UPDATE division_requests SET status = $2, ballot_id = $3, decline_reason = $4, decided_by = $5, decided_snapshot = $6, decided_at = $7 WHERE id = $1`,
    [id, to.status, to.status === 'balloting' ? to.ballotId : null, to.status === 'declined' ? to.declineReason : null, by, JSON.stringify(snapshot), at],
  );
}
