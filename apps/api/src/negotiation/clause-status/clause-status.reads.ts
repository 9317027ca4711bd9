import type { EntityManager } from 'typeorm';
import { adRefExpired, adRefExpiringSoon, adRefOpen, effectiveStatus, isoDay, negotiationCounts, type AdRefEnding, type AffiliationSnapshot, type ClauseKind, type ClauseStatus } from '@parley/domain';
import type { AdRefView, ClauseNegotiation, ClauseStatusEntry, NegotiationCountsView } from '@parley/contracts';
import { actorRef } from '../../drafting/drafting.mapper';

/**
 * The negotiating status of every clause of a version, read in three set-based queries whatever the
 * number of clauses (the latest status of each clause by DISTINCT ON over clause_statuses_latest_idx,
 * with whether its text changed since; the open ad refs; open brackets counted by clause). Used by the document read, the
 * adoption preflight and the clause-status endpoints.
 */
export interface NegotiationRead {
  byClause: Map<string, Omit<ClauseNegotiation, 'openBrackets'>>;
  openAdRefs: number;
  /** Open brackets by clause (opened on the version read or before). */
  openBrackets: Map<string, number>;
}

interface LatestRow {
  clause_id: string;
  status: ClauseStatus;
  at: Date;
  text_changed: boolean;
}
interface OpenAdRefRow {
  id: string;
  clause_id: string;
  organisation_id: string;
  organisation_name: string;
  expires_on: string;
}

export async function readNegotiation(manager: EntityManager, doc: { id: string; adopted: boolean }, version: { id: string; number: number }, now: Date): Promise<NegotiationRead> {
  const [latest, adRefs, brackets] = await Promise.all([
    manager.query(
      `SELECT DISTINCT ON (s.clause_id) s.clause_id, s.status, s.at, (made.text IS DISTINCT FROM now_.text) AS text_changed
         FROM clause_statuses s
         JOIN version_clauses made ON made.version_id = s.version_id AND made.clause_id = s.clause_id
         LEFT JOIN version_clauses now_ ON now_.version_id = $2 AND now_.clause_id = s.clause_id
        WHERE s.document_id = $1 AND s.version_number <= $3
        ORDER BY s.clause_id, s.at DESC, s.id DESC`,
      [doc.id, version.id, version.number],
    ) as Promise<LatestRow[]>,
    manager.query(
      `SELECT id, clause_id, organisation_id, organisation_name, expires_on::text AS expires_on
         FROM clause_ad_refs
        WHERE document_id = $1 AND version_number <= $2 AND ended IS NULL AND expires_on >= $3::date
        ORDER BY agreed_at, id`,
      [doc.id, version.number, isoDay(now)],
    ) as Promise<OpenAdRefRow[]>,
    manager.query(
      `SELECT clause_id, count(*)::int AS n FROM brackets WHERE document_id = $1 AND resolution IS NULL AND opened_in_version <= $2 GROUP BY clause_id`,
      [doc.id, version.number],
    ) as Promise<{ clause_id: string; n: number }[]>,
  ]);
  const byClause = new Map<string, Omit<ClauseNegotiation, 'openBrackets'>>();
  const entry = (clauseId: string) => {
    let e = byClause.get(clauseId);
    if (!e) {
      e = { ...effectiveStatus(null), recordedStatus: 'not-read', provisional: !doc.adopted, statusSetAt: null, adRefs: [] };
      byClause.set(clauseId, e);
    }
    return e;
  };
  const bracketed = new Set(brackets.map((b) => b.clause_id));
  for (const r of latest) {
    const eff = effectiveStatus({ status: r.status, textChanged: r.text_changed, bracketed: bracketed.has(r.clause_id) });
    Object.assign(entry(r.clause_id), { status: eff.status, recordedStatus: eff.recorded, changedSinceAgreed: eff.changedSinceAgreed, statusSetAt: new Date(r.at).toISOString() });
  }
  for (const a of adRefs)
    entry(a.clause_id).adRefs.push({ id: a.id, organisationId: a.organisation_id, organisationName: a.organisation_name, expiresOn: a.expires_on, expiringSoon: adRefExpiringSoon(a.expires_on, now) });
  return { byClause, openAdRefs: adRefs.length, openBrackets: new Map(brackets.map((b) => [b.clause_id, b.n])) };
}

/** A clause's negotiation as the document read shows it (the defaults for a clause never moved). */
export function clauseNegotiationOf(read: NegotiationRead, clauseId: string, adopted: boolean): ClauseNegotiation {
  const e = read.byClause.get(clauseId);
  const base = e ?? { status: 'not-read' as const, recordedStatus: 'not-read' as const, changedSinceAgreed: false, provisional: !adopted, statusSetAt: null, adRefs: [] };
  return { ...base, openBrackets: read.openBrackets.get(clauseId) ?? 0 };
}

export function countsOf(clauses: { kind: ClauseKind; negotiation: ClauseNegotiation }[], adopted: boolean): NegotiationCountsView {
  return {
    ...negotiationCounts(clauses.map((c) => ({ kind: c.kind, status: c.negotiation.status, openAdRefs: c.negotiation.adRefs.length, openBrackets: c.negotiation.openBrackets }))),
    provisional: !adopted,
  };
}

/** A clause's status history, newest first. */
export async function statusHistory(manager: EntityManager, documentId: string, clauseId: string): Promise<ClauseStatusEntry[]> {
  const rows: { id: string; status: ClauseStatus; note: string | null; actor_id: string; actor_name: string; actor_snapshot: AffiliationSnapshot; at: Date; version_number: number }[] = await manager.query(
    `SELECT s.id, s.status, s.note, s.actor_id, p.name AS actor_name, s.actor_snapshot, s.at, s.version_number
       FROM clause_statuses s JOIN people p ON p.id = s.actor_id
      WHERE s.document_id = $1 AND s.clause_id = $2
      ORDER BY s.at DESC, s.id DESC`,
    [documentId, clauseId],
  );
  return rows.map((r) => ({ id: r.id, status: r.status, note: r.note, by: actorRef(r.actor_id, r.actor_name, r.actor_snapshot), at: new Date(r.at).toISOString(), version: r.version_number }));
}

export interface AdRefRow {
  id: string;
  documentId: string;
  clauseId: string;
  versionNumber: number;
  organisationId: string;
  organisationName: string;
  expiresOn: string;
  note: string | null;
  agreedBy: string;
  agreedName: string;
  agreedSnapshot: AffiliationSnapshot;
  agreedAt: Date;
  ended: AdRefEnding | null;
  endNote: string | null;
  endedBy: string | null;
  endedName: string | null;
  endedSnapshot: AffiliationSnapshot | null;
  endedAt: Date | null;
}

const AD_REF_SELECT = `SELECT a.id, a.document_id AS "documentId", a.clause_id AS "clauseId", a.version_number AS "versionNumber",
       a.organisation_id AS "organisationId", a.organisation_name AS "organisationName", a.expires_on::text AS "expiresOn", a.note,
       a.agreed_by AS "agreedBy", ap.name AS "agreedName", a.agreed_snapshot AS "agreedSnapshot", a.agreed_at AS "agreedAt",
       a.ended, a.end_note AS "endNote", a.ended_by AS "endedBy", ep.name AS "endedName", a.ended_snapshot AS "endedSnapshot", a.ended_at AS "endedAt"
  FROM clause_ad_refs a JOIN people ap ON ap.id = a.agreed_by LEFT JOIN people ep ON ep.id = a.ended_by`;

export async function adRefsOf(manager: EntityManager, documentId: string, clauseId: string): Promise<AdRefRow[]> {
  return manager.query(`${AD_REF_SELECT} WHERE a.document_id = $1 AND a.clause_id = $2 ORDER BY a.agreed_at DESC, a.id DESC`, [documentId, clauseId]);
}

/** One ad ref, row-locked (it ends once). */
export async function lockAdRef(manager: EntityManager, id: string): Promise<AdRefRow | null> {
  await manager.query(`SELECT 1 FROM clause_ad_refs WHERE id = $1 FOR UPDATE`, [id]);
  const rows: AdRefRow[] = await manager.query(`${AD_REF_SELECT} WHERE a.id = $1`, [id]);
  return rows[0] ?? null;
}

/** The delegation's ad ref on the clause not yet ended (open, or past its date), if any. */
export async function unendedAdRef(manager: EntityManager, documentId: string, clauseId: string, organisationId: string): Promise<AdRefRow | null> {
  const rows: AdRefRow[] = await manager.query(`${AD_REF_SELECT} WHERE a.document_id = $1 AND a.clause_id = $2 AND a.organisation_id = $3 AND a.ended IS NULL FOR UPDATE OF a`, [
    documentId,
    clauseId,
    organisationId,
  ]);
  return rows[0] ?? null;
}

export function toAdRefView(r: AdRefRow, now: Date): AdRefView {
  return {
    id: r.id,
    clauseId: r.clauseId,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    expiresOn: r.expiresOn,
    note: r.note,
    agreedBy: actorRef(r.agreedBy, r.agreedName, r.agreedSnapshot),
    agreedAt: new Date(r.agreedAt).toISOString(),
    version: r.versionNumber,
    ended: r.ended,
    endedBy: r.endedBy ? actorRef(r.endedBy, r.endedName, r.endedSnapshot) : null,
    endedAt: r.endedAt ? new Date(r.endedAt).toISOString() : null,
    endNote: r.endNote,
    open: adRefOpen(r, now),
    expired: r.ended === null && adRefExpired(r.expiresOn, now),
    expiringSoon: r.ended === null && adRefExpiringSoon(r.expiresOn, now),
  };
}

/** Open ad refs on a version's clauses, for the adoption preflight (oldest first). */
export async function openAdRefsOn(manager: EntityManager, documentId: string, n: number, now: Date): Promise<AdRefRow[]> {
  return manager.query(`${AD_REF_SELECT} WHERE a.document_id = $1 AND a.version_number <= $2 AND a.ended IS NULL AND a.expires_on >= $3::date ORDER BY a.agreed_at, a.id`, [
    documentId,
    n,
    isoDay(now),
  ]);
}

/** One ad ref, as read (no lock). */
export async function findAdRef(manager: EntityManager, id: string): Promise<AdRefRow | null> {
  const rows: AdRefRow[] = await manager.query(`${AD_REF_SELECT} WHERE a.id = $1`, [id]);
  return rows[0] ?? null;
}
