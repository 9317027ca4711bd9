import type { EntityManager } from 'typeorm';
import { undecidedAhead, placeInOrder, type AffiliationSnapshot } from '@parley/domain';
import { refusal, type Refusal } from '@parley/contracts';

/**
 * A clause's order of voting read over an entity manager (plain functions, no module cycle): the
 * voting-order service and the opening of an amendment's ballot (which the order holds back) share them.
 */
export interface VotingOrderRow {
  id: string;
  documentId: string;
  clauseId: string;
  amendmentIds: string[];
  reason: string;
  setBy: string;
  setByName: string;
  setSnapshot: AffiliationSnapshot;
  setAt: Date;
}

/** The order in force on a clause: the latest set. */
export async function currentVotingOrder(manager: EntityManager, documentId: string, clauseId: string): Promise<VotingOrderRow | null> {
  const rows: VotingOrderRow[] = await manager.query(
    `SELECT o.id, o.document_id AS "documentId", o.clause_id AS "clauseId", o.amendment_ids::text[] AS "amendmentIds", o.reason,
            o.set_by AS "setBy", p.name AS "setByName", o.set_snapshot AS "setSnapshot", o.set_at AS "setAt"
       FROM voting_orders o JOIN people p ON p.id = o.set_by
      WHERE o.document_id = $1 AND o.clause_id = $2 ORDER BY o.set_at DESC, o.id DESC LIMIT 1`,
    [documentId, clauseId],
  );
  return rows[0] ?? null;
}

/**
 * Whether the amendment's ballot may open under its clause's order of voting: the refusal naming the
 * first amendment ahead of it still undecided, or true. Called inside the transaction that opens it.
 */
export async function votingOrderVerdict(manager: EntityManager, amendment: { id: string; documentId: string; targetClauseId: string | null }): Promise<true | Refusal> {
  if (!amendment.targetClauseId) return true;
  const order = await currentVotingOrder(manager, amendment.documentId, amendment.targetClauseId);
  if (!order) return true;
  const statuses: { id: string; status: string }[] = await manager.query(`SELECT id, status FROM amendments WHERE id = ANY($1::uuid[])`, [order.amendmentIds]);
  const statusOf = new Map(statuses.map((s) => [s.id, s.status]));
  const ahead = undecidedAhead(order.amendmentIds, amendment.id, (id) => statusOf.get(id));
  if (!ahead) return true;
  const place = placeInOrder(order.amendmentIds, ahead)!;
  return refusal('voting-order-ahead', { amendmentId: ahead, position: place.position, of: place.of });
}

/** Ids of the amendments replacing or deleting the clause (competing for it), whatever their status, oldest first. */
export async function competitorIds(manager: EntityManager, documentId: string, clauseId: string): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM amendments WHERE document_id = $1 AND target_clause_id = $2 AND kind IN ('replace','delete') ORDER BY created_at, id`,
    [documentId, clauseId],
  );
  return rows.map((r) => r.id);
}
