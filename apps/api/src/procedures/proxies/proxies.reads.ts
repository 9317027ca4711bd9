import type { EntityManager } from 'typeorm';
import { isoDay, workingGroupScope, type AffiliationSnapshot, type ProxyEndReason, type ProxyScope } from '@parley/domain';
import type { ProxyView } from '@parley/contracts';
import type { AuditActor, NewAuditEvent, Tx } from '../../audit/audited-transaction';

/**
 * Proxies as stored (decision record 0040): plain functions over an entity manager, so the vote path
 * (decisions), membership (working groups) and the proxies module read and end them without a module
 * cycle.
 */
export interface ProxyRow {
  id: string;
  workingGroupId: string;
  grantorId: string;
  grantorName: string;
  grantorSnapshot: AffiliationSnapshot;
  holderId: string;
  holderName: string;
  holderSnapshot: AffiliationSnapshot;
  scope: ProxyScope;
  ballotId: string | null;
  ballotTitle: string | null;
  fromDay: string | null;
  toDay: string | null;
  givenAt: Date;
  endedAt: Date | null;
  endReason: ProxyEndReason | null;
  endedById: string | null;
  endedByName: string | null;
  live: boolean;
}

/**
 * A proxy is live while not ended and not past: its ballot still takes votes, or its period's last
 * day has not gone by. `$T` is today (YYYY-MM-DD), `$N` now; both are placeholders the caller numbers.
 */
const liveSql = (t: string, n: string) =>
  `(p.ended_at IS NULL AND ((p.scope = 'period' AND p.to_day >= ${t}::date)
     OR (p.scope = 'ballot' AND EXISTS (SELECT 1 FROM ballots lb WHERE lb.id = p.ballot_id AND lb.status = 'open' AND lb.closes_at > ${n}::timestamptz))))`;

const COLUMNS = (t: string, n: string) => `p.id, p.working_group_id AS "workingGroupId", p.grantor_id AS "grantorId", p.grantor_name AS "grantorName",
  p.grantor_snapshot AS "grantorSnapshot", p.holder_id AS "holderId", p.holder_name AS "holderName", p.holder_snapshot AS "holderSnapshot",
  p.scope, p.ballot_id AS "ballotId", b.title AS "ballotTitle", to_char(p.from_day, 'YYYY-MM-DD') AS "fromDay", to_char(p.to_day, 'YYYY-MM-DD') AS "toDay",
  p.given_at AS "givenAt", p.ended_at AS "endedAt", p.end_reason AS "endReason", p.ended_by AS "endedById", e.name AS "endedByName",
  ${liveSql(t, n)} AS live`;
const FROM = `proxies p LEFT JOIN ballots b ON b.id = p.ballot_id LEFT JOIN people e ON e.id = p.ended_by`;

export async function findProxy(manager: EntityManager, id: string, now: Date, lock = false): Promise<ProxyRow | null> {
  if (lock) await manager.query(`SELECT id FROM proxies WHERE id = $1 FOR UPDATE`, [id]);
  const [row] = await manager.query(`SELECT ${COLUMNS('$2', '$3')} FROM ${FROM} WHERE p.id = $1`, [id, isoDay(now), now]);
  return row ?? null;
}

/** Every proxy given in a group, newest first (the public trail). */
export function proxiesOfGroup(manager: EntityManager, groupId: string, now: Date, limit = 500): Promise<ProxyRow[]> {
  return manager.query(`SELECT ${COLUMNS('$2', '$3')} FROM ${FROM} WHERE p.working_group_id = $1 ORDER BY p.given_at DESC, p.id DESC LIMIT $4`, [
    groupId,
    isoDay(now),
    now,
    limit,
  ]);
}

/** The live proxies these holders hold that cover this ballot now (its own ballot, or a period that includes today). */
export function proxiesCovering(manager: EntityManager, groupId: string, ballotId: string, holderIds: string[], now: Date): Promise<ProxyRow[]> {
  return manager.query(
    `SELECT ${COLUMNS('$4', '$5')} FROM ${FROM}
      WHERE p.working_group_id = $1 AND p.holder_id = ANY($3::uuid[]) AND p.ended_at IS NULL
        AND (p.ballot_id = $2 OR (p.scope = 'period' AND p.from_day <= $4::date AND p.to_day >= $4::date))
      ORDER BY p.grantor_name, p.grantor_id`,
    [groupId, ballotId, holderIds, isoDay(now), now],
  );
}

/** How many live proxies a person has given and holds in a group. */
export async function liveCounts(manager: EntityManager, groupId: string, personId: string, now: Date): Promise<{ given: number; held: number }> {
  const [row] = await manager.query(
    `SELECT count(*) FILTER (WHERE p.grantor_id = $2)::int AS given, count(*) FILTER (WHERE p.holder_id = $2)::int AS held
       FROM proxies p WHERE p.working_group_id = $1 AND (p.grantor_id = $2 OR p.holder_id = $2) AND ${liveSql('$3', '$4')}`,
    [groupId, personId, isoDay(now), now],
  );
  return row;
}

/** Live counts of many people at once (for the list of eligible holders). */
export async function liveCountsOf(manager: EntityManager, groupId: string, now: Date): Promise<Map<string, { given: number; held: number }>> {
  const rows: { personId: string; given: number; held: number }[] = await manager.query(
    `SELECT x.person_id AS "personId", count(*) FILTER (WHERE x.role = 'g')::int AS given, count(*) FILTER (WHERE x.role = 'h')::int AS held
       FROM proxies p CROSS JOIN LATERAL (VALUES (p.grantor_id, 'g'), (p.holder_id, 'h')) AS x(person_id, role)
      WHERE p.working_group_id = $1 AND ${liveSql('$2', '$3')} GROUP BY 1`,
    [groupId, isoDay(now), now],
  );
  return new Map(rows.map((r) => [r.personId, { given: r.given, held: r.held }]));
}

/**
 * Serialises every proxy decision about these people in this group (giving to or from them): the
 * count that settles the cap and the no-chain rule is read under these locks. Sorted, so two
 * transactions locking the same two people never deadlock.
 */
export async function lockPeopleForProxies(manager: EntityManager, groupId: string, personIds: string[]): Promise<void> {
  for (const id of [...new Set(personIds)].sort()) await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`proxies:${groupId}:${id}`]);
}

const terms = (p: ProxyRow) => ({ scope: p.scope, ballotId: p.ballotId, from: p.fromDay, to: p.toDay });
const parties = (p: ProxyRow) => ({ grantorId: p.grantorId, grantorName: p.grantorName, holderId: p.holderId, holderName: p.holderName });

/** The event of a proxy ending (revoked by its grantor, or ended by a departure). */
export function proxyEndEvent(p: ProxyRow, reason: ProxyEndReason, actor: AuditActor): NewAuditEvent {
  const base = { scope: workingGroupScope(p.workingGroupId), actor, subjectType: 'proxy' as const, subjectId: p.id };
  return reason === 'revoked'
    ? { ...base, action: 'proxy.revoked', change: { ...parties(p), ...terms(p) } }
    : { ...base, action: 'proxy.ended', change: { ...parties(p), ...terms(p), reason } };
}

/**
 * Ends, with its recorded reason, every proxy not yet ended that a person gave or holds in a group:
 * called in the same transaction when they leave, are removed, or stop being a voting member. A proxy
 * already past (its ballot closed, its period over) is ended too, so nothing stays open behind them.
 */
export async function endProxiesOf(tx: Tx, groupId: string, personId: string, why: 'left' | 'removed' | 'not-voting', actor: AuditActor): Promise<number> {
  await lockPeopleForProxies(tx.manager, groupId, [personId]);
  const rows: ProxyRow[] = await tx.manager.query(
    `SELECT ${COLUMNS('$3', '$4')} FROM ${FROM} WHERE p.working_group_id = $1 AND (p.grantor_id = $2 OR p.holder_id = $2) AND p.ended_at IS NULL FOR UPDATE OF p`,
    [groupId, personId, isoDay(tx.now), tx.now],
  );
  for (const p of rows) {
    const reason = `${p.grantorId === personId ? 'grantor' : 'holder'}-${why}` as ProxyEndReason;
    await tx.manager.query(`UPDATE proxies SET ended_at = $2, end_reason = $3, ended_by = $4 WHERE id = $1`, [p.id, tx.now, reason, actor.id]);
    await tx.record(proxyEndEvent(p, reason, actor));
  }
  return rows.length;
}

export function toProxyView(p: ProxyRow): ProxyView {
  return {
    id: p.id,
    workingGroupId: p.workingGroupId,
    grantor: { id: p.grantorId, name: p.grantorName, snapshot: p.grantorSnapshot },
    holder: { id: p.holderId, name: p.holderName, snapshot: p.holderSnapshot },
    scope: p.scope,
    ballot: p.ballotId ? { id: p.ballotId, title: p.ballotTitle ?? '' } : null,
    from: p.fromDay,
    to: p.toDay,
    givenAt: new Date(p.givenAt).toISOString(),
    endedAt: p.endedAt ? new Date(p.endedAt).toISOString() : null,
    endReason: p.endReason,
    endedBy: p.endedById ? { id: p.endedById, name: p.endedByName ?? '' } : null,
    live: p.live,
  };
}

/**
 * Ends, in the same transaction, every proxy not yet ended that rests on an affiliation which has just
 * ended: those the person gave or holds as a delegate of that organisation, in any group. (A proxy whose
 * affiliation ends on a later day is refused at use from that day, and ended when either person leaves.)
 */
export async function endProxiesOnAffiliationEnd(tx: Tx, personId: string, organisationId: string, actor: AuditActor): Promise<number> {
  const groups: { id: string }[] = await tx.manager.query(
    `SELECT DISTINCT working_group_id AS id FROM proxies
      WHERE ended_at IS NULL AND ((grantor_id = $1 AND grantor_snapshot->>'organisationId' = $2) OR (holder_id = $1 AND holder_snapshot->>'organisationId' = $2))
      ORDER BY working_group_id`,
    [personId, organisationId],
  );
  let ended = 0;
  for (const g of groups) {
    await lockPeopleForProxies(tx.manager, g.id, [personId]);
    const rows: ProxyRow[] = await tx.manager.query(
      `SELECT ${COLUMNS('$4', '$5')} FROM ${FROM}
        WHERE p.working_group_id = $1 AND p.ended_at IS NULL
          AND ((p.grantor_id = $2 AND p.grantor_snapshot->>'organisationId' = $3) OR (p.holder_id = $2 AND p.holder_snapshot->>'organisationId' = $3))
        FOR UPDATE OF p`,
      [g.id, personId, organisationId, isoDay(tx.now), tx.now],
    );
    for (const p of rows) {
      const reason: ProxyEndReason = p.grantorId === personId ? 'grantor-affiliation-ended' : 'holder-affiliation-ended';
      await tx.manager.query(`UPDATE proxies SET ended_at = $2, end_reason = $3, ended_by = $4 WHERE id = $1`, [p.id, tx.now, reason, actor.id]);
      await tx.record(proxyEndEvent(p, reason, actor));
      ended += 1;
    }
  }
  return ended;
}
