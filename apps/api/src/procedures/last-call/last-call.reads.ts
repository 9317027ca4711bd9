import type { EntityManager } from 'typeorm';
import { lastCallOpen, lastCallWarnings, type AffiliationSnapshot, type LastCallWarningKind } from '@parley/domain';
import type { AdoptionWarningsView } from '@parley/contracts';

/**
 * A version's last call read over an entity manager (plain functions, no module cycle): the last-call
 * service and the adoption preflight (which warns of it) share them.
 */
export interface LastCallRow {
  id: string;
  documentId: string;
  versionNumber: number;
  days: number;
  opensAt: Date;
  closesAt: Date;
  note: string | null;
  openedBy: string;
  openerName: string;
  openedSnapshot: AffiliationSnapshot;
}

export interface LastCallCommentRow {
  id: string;
  clauseId: string;
  kind: 'general' | 'technical' | 'editorial' | 'clarification';
  body: string;
  authorId: string;
  authorName: string;
  authorSnapshot: AffiliationSnapshot;
  createdAt: Date;
  disposition: 'accepted' | 'noted' | 'rejected' | null;
}

export async function lastCallOf(manager: EntityManager, documentId: string, version: number): Promise<LastCallRow | null> {
  const rows: LastCallRow[] = await manager.query(
    `SELECT l.id, l.document_id AS "documentId", l.version_number AS "versionNumber", l.days, l.opens_at AS "opensAt", l.closes_at AS "closesAt", l.note,
            l.opened_by AS "openedBy", p.name AS "openerName", l.opened_snapshot AS "openedSnapshot"
       FROM last_calls l JOIN people p ON p.id = l.opened_by WHERE l.document_id = $1 AND l.version_number = $2`,
    [documentId, version],
  );
  return rows[0] ?? null;
}

/** The comments raised on the version during its last call (threads started, not replies), oldest first. */
export function lastCallComments(manager: EntityManager, lc: LastCallRow): Promise<LastCallCommentRow[]> {
  return manager.query(
    `SELECT c.id, c.clause_id AS "clauseId", c.kind, c.body, c.author_id AS "authorId", p.name AS "authorName", c.author_snapshot AS "authorSnapshot", c.created_at AS "createdAt", c.disposition
       FROM comments c JOIN people p ON p.id = c.author_id
      WHERE c.document_id = $1 AND c.version_number = $2 AND c.parent_id IS NULL AND c.created_at >= $3 AND c.created_at < $4
      ORDER BY c.created_at, c.id`,
    [lc.documentId, lc.versionNumber, lc.opensAt, lc.closesAt],
  );
}

/** What the adoption preflight lists about the version's last call (null: nothing to warn of), and the kinds that apply. */
export async function lastCallWarningOn(
  manager: EntityManager,
  documentId: string,
  version: number,
  lastCallDays: number,
  now: Date,
  labelOf: (clauseId: string) => string | null,
): Promise<{ kinds: LastCallWarningKind[]; view: AdoptionWarningsView['lastCall'] }> {
  const lc = await lastCallOf(manager, documentId, version);
  const comments = lc ? await lastCallComments(manager, lc) : [];
  const undisposed = comments.filter((c) => c.disposition === null);
  const kinds = lastCallWarnings({ lastCallDays, lastCall: lc ? { opensAt: new Date(lc.opensAt), closesAt: new Date(lc.closesAt), days: lc.days } : null, undisposed: undisposed.length }, now);
  if (kinds.length === 0) return { kinds, view: null };
  return {
    kinds,
    view: {
      requiredDays: lastCallDays,
      held: lc ? { days: lc.days, opensAt: new Date(lc.opensAt).toISOString(), closesAt: new Date(lc.closesAt).toISOString(), open: lastCallOpen({ closesAt: new Date(lc.closesAt) }, now) } : null,
      undisposed: undisposed.map((c) => ({ commentId: c.id, clauseId: c.clauseId, clauseLabel: labelOf(c.clauseId), kind: c.kind, body: c.body })),
      kinds,
    },
  };
}
