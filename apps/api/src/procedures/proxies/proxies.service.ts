import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { periodProblem, PROXY_MAX_PERIOD_DAYS, sameConstituency, workingGroupScope, type AffiliationSnapshot, type ProxyGiveFacts } from '@parley/domain';
import type { GiveProxyRequest, GroupProxiesResponse, ProxyView } from '@parley/contracts';
import { AuditedTransaction } from '../../audit/audited-transaction';
import { isAcceptingVotes } from '../../decisions/ballot.policy';
import { BallotRepository } from '../../decisions/ballot.repository';
import type { Actor } from '../../identity/actor';
import { PeopleService } from '../../identity/people.service';
import { Clock } from '../../platform/clock/clock';
import { authorise, notFound, refuse, stated, validationProblem } from '../../platform/http/problem';
import { WorkingGroupAccess } from '../../working-groups/working-group-access';
import { canGiveProxy, canRevokeProxy } from './proxies.policy';
import { findProxy, liveCounts, liveCountsOf, lockPeopleForProxies, proxiesOfGroup, proxyEndEvent, toProxyView } from './proxies.reads';

/**
 * Proxy votes with a public trail (decision record 0040): a voting member gives their vote to another
 * of the same organisation (or stakeholder group, where the group allows it), for one ballot or a
 * period; revokes it at any time. Each act is one audited transaction on the group's chain; the cap
 * and the no-chain rule are counted under locks on both people, so concurrent grants cannot beat them.
 */
@Injectable()
export class ProxiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: WorkingGroupAccess,
    private readonly ballots: BallotRepository,
    private readonly people: PeopleService,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
  ) {}

  async give(actor: Actor, groupId: string, input: GiveProxyRequest): Promise<ProxyView> {
    const id = await this.tx.run(async (tx) => {
      const settings = await this.groups.settings(tx.manager, groupId);
      if (!settings) throw notFound('working-group');
      let ballotId: string | null = null;
      if (input.scope === 'ballot') {
        if (!input.ballotId) throw validationProblem('ballotId', 'required');
        const ballot = await this.ballots.findById(input.ballotId, tx.manager);
        if (!ballot || ballot.workingGroupId !== groupId || !isAcceptingVotes(ballot, tx.now)) throw refuse('proxy-ballot-not-open');
        ballotId = ballot.id;
      } else {
        if (!input.from) throw validationProblem('from', 'required');
        if (!input.to) throw validationProblem('to', 'required');
        const bad = periodProblem(input.from, input.to, tx.now);
        if (bad?.code === 'date-too-early') throw validationProblem(bad.field, bad.code, { earliest: tx.now.toISOString().slice(0, 10) });
        if (bad?.code === 'too-long') throw validationProblem(bad.field, bad.code, { maximum: PROXY_MAX_PERIOD_DAYS });
        if (bad) throw validationProblem(bad.field, 'end-after-start');
      }
      const [holderPerson] = (await tx.manager.query(`SELECT id, name FROM people WHERE id = $1`, [input.holderId])) as { id: string; name: string }[];
      if (!holderPerson) throw validationProblem('holderId', 'invalid-id');

      await lockPeopleForProxies(tx.manager, groupId, [actor.id, input.holderId]);
      const { facts, grantorNow, holderNow, currentHolder } = await this.facts(tx.manager, groupId, settings.procedureRules, actor.id, input.holderId, tx.now);
      authorise(canGiveProxy(facts, { holder: holderPerson.name, currentHolder }));
      if (ballotId) {
        const electors = await this.ballots.electorsAmong(tx.manager, ballotId, [actor.id, input.holderId]);
        if (!electors.has(actor.id)) throw refuse('proxy-not-in-electorate', { name: actor.name });
        if (!electors.has(input.holderId)) throw refuse('proxy-not-in-electorate', { name: holderPerson.name });
      }
      const grantor = await this.people.auditActorWith(tx.manager, actor.id, grantorNow);
      const [row] = (await tx.manager.query(
        `INSERT INTO proxies (working_group_id, grantor_id, grantor_name, grantor_snapshot, holder_id, holder_name, holder_snapshot, scope, ballot_id, from_day, to_day, given_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING id`,
        [groupId, actor.id, grantor.name, JSON.stringify(grantorNow), input.holderId, holderPerson.name, JSON.stringify(holderNow), input.scope, ballotId, input.scope === 'period' ? input.from : null, input.scope === 'period' ? input.to : null, tx.now],
      )) as { id: string }[];
      await tx.record({
        scope: workingGroupScope(groupId),
        actor: grantor,
        action: 'proxy.given',
        subjectType: 'proxy',
        subjectId: row.id,
        change: {
          grantor: { id: actor.id, name: grantor.name ?? '', snapshot: grantorNow! },
          holder: { id: input.holderId, name: holderPerson.name, snapshot: holderNow! },
          scope: input.scope,
          ballotId,
          from: input.scope === 'period' ? input.from! : null,
          to: input.scope === 'period' ? input.to! : null,
        },
      });
      return row.id;
    });
    return toProxyView((await findProxy(this.dataSource.manager, id, this.clock.now()))!);
  }

  async revoke(actor: Actor, proxyId: string): Promise<ProxyView> {
    await this.tx.run(async (tx) => {
      const proxy = await findProxy(tx.manager, proxyId, tx.now, true);
      if (!proxy) throw notFound('proxy');
      authorise(canRevokeProxy(actor.id, proxy));
      await tx.manager.query(`UPDATE proxies SET ended_at = $2, end_reason = 'revoked', ended_by = $3 WHERE id = $1`, [proxyId, tx.now, actor.id]);
      await tx.record(proxyEndEvent(proxy, 'revoked', await this.people.auditActor(tx.manager, actor.id, tx.now)));
    });
    return toProxyView((await findProxy(this.dataSource.manager, proxyId, this.clock.now()))!);
  }

  /** Whether this person may give their vote to that one in the group now (the rule `give` applies, before its locks; for the authorisation matrix). */
  async giveVerdict(manager: EntityManager, groupId: string, grantorId: string, holderId: string, now: Date) {
    const settings = (await this.groups.settings(manager, groupId))!;
    const [holder] = (await manager.query(`SELECT name FROM people WHERE id = $1`, [holderId])) as { name: string }[];
    const { facts, currentHolder } = await this.facts(manager, groupId, settings.procedureRules, grantorId, holderId, now);
    return canGiveProxy(facts, { holder: holder?.name ?? '', currentHolder });
  }

  /** The group's public trail of proxies; signed in, whether and to whom the reader may give their vote now. */
  async list(groupId: string, actor: Actor | null): Promise<GroupProxiesResponse> {
    const manager = this.dataSource.manager;
    const now = this.clock.now();
    // Both keyed by the group: one round trip (an unknown group has no proxies, and is refused).
    const [settings, proxies] = await Promise.all([this.groups.settings(manager, groupId), proxiesOfGroup(manager, groupId, now)]);
    if (!settings) throw notFound('working-group');
    const rules = settings.procedureRules;
    const items = proxies.map(toProxyView);
    let me: GroupProxiesResponse['me'] = null;
    if (actor) {
      const { facts } = await this.facts(manager, groupId, rules, actor.id, null, now);
      const verdict = canGiveProxy(facts, { holder: '', currentHolder: items.find((p) => p.live && p.grantor.id === actor.id)?.holder.name });
      const [electorate, counts, openBallots] = await Promise.all([
        this.groups.votingElectorate(manager, groupId, now),
        liveCountsOf(manager, groupId, now),
        manager.query(
          `SELECT b.id, b.title FROM ballots b JOIN ballot_electors e ON e.ballot_id = b.id AND e.person_id = $2
            WHERE b.working_group_id = $1 AND b.status = 'open' AND b.closes_at > $3 ORDER BY b.closes_at, b.id`,
          [groupId, actor.id, now],
        ) as Promise<{ id: string; title: string }[]>,
      ]);
      const mine = facts.grantor;
      const eligibleHolders =
        verdict === true && mine
          ? electorate
              .filter((e) => e.personId !== actor.id && sameConstituency(mine, e.snapshot, rules.proxyWithinStakeholderGroup))
              .filter((e) => (counts.get(e.personId)?.given ?? 0) === 0 && (counts.get(e.personId)?.held ?? 0) < rules.proxyCap)
              .map((e) => ({ id: e.personId, name: e.name, snapshot: e.snapshot }))
          : [];
      const revocable = items.filter((p) => p.grantor.id === actor.id && p.endedAt === null).map((p) => p.id);
      me = { can: { give: stated(verdict) }, eligibleHolders, openBallots, revocable };
    }
    return { cap: rules.proxyCap, withinStakeholderGroup: rules.proxyWithinStakeholderGroup, items, me };
  }

  /** The facts of the giving rule, read now (under the caller's locks when it writes). `holderId` null: only the grantor's side. */
  private async facts(manager: EntityManager, groupId: string, rules: { proxyCap: number; proxyWithinStakeholderGroup: boolean }, grantorId: string, holderId: string | null, now: Date) {
    const ids = holderId ? [grantorId, holderId] : [grantorId];
    const [memberships, snapshots] = await Promise.all([this.ballots.membershipsNow(manager, groupId, ids), this.people.snapshotsOf(manager, ids, now)]);
    const votingNow = (id: string): AffiliationSnapshot | null => (memberships.get(id)?.status === 'voting' ? (snapshots.get(id) ?? null) : null);
    const grantorNow = votingNow(grantorId);
    const holderNow = holderId ? votingNow(holderId) : grantorNow;
    const g = await liveCounts(manager, groupId, grantorId, now);
    const h = holderId ? await liveCounts(manager, groupId, holderId, now) : { given: 0, held: 0 };
    let currentHolder: string | undefined;
    if (g.given > 0) {
      const [row] = await manager.query(`SELECT holder_name AS name FROM proxies WHERE working_group_id = $1 AND grantor_id = $2 AND ended_at IS NULL ORDER BY given_at DESC LIMIT 1`, [groupId, grantorId]);
      currentHolder = row?.name;
    }
    const facts: ProxyGiveFacts = {
      cap: rules.proxyCap,
      withinStakeholderGroup: rules.proxyWithinStakeholderGroup,
      grantorId,
      holderId: holderId ?? '',
      grantor: grantorNow,
      holder: holderNow,
      grantorGiven: g.given,
      grantorHolds: g.held,
      holderGave: h.given,
      holderHolds: h.held,
    };
    return { facts, grantorNow, holderNow, currentHolder };
  }
}
