import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { clauseLabels, isUndecided, placeInOrder, votingOrderProblem, workingGroupScope } from '@parley/domain';
import { refusal, type AmendmentVotingPlace, type SetVotingOrderRequest, type VotingOrderView } from '@parley/contracts';
import { AuditedTransaction } from '../../audit/audited-transaction';
import { canOpenBallot } from '../../decisions/ballot.policy';
import { AmendmentRepository, type AmendmentRow } from '../../drafting/amendment.repository';
import { DocumentRepository } from '../../drafting/document.repository';
import { DraftingStandings } from '../../drafting/drafting-standings';
import { actorRef } from '../../drafting/drafting.mapper';
import type { Actor } from '../../identity/actor';
import { PeopleService } from '../../identity/people.service';
import { Clock } from '../../platform/clock/clock';
import { authorise, notFound, refuse, refused } from '../../platform/http/problem';
import { competitorIds, currentVotingOrder } from './voting-order.reads';



/**
 * Order of voting (decision record 0038): a chair sets the order in which amendments competing for a
 * clause are voted, with a reason; every order set is kept, the latest is in force, and the opening of
 * an amendment's ballot follows it (voting-order.reads `votingOrderVerdict`).
 */
@Injectable()
export class VotingOrderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentRepository,
    private readonly amendments: AmendmentRepository,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor | null, documentId: string, clauseId: string, manager: EntityManager = this.dataSource.manager): Promise<VotingOrderView> {
    const doc = await this.documents.findDocumentRow(documentId, manager);
    if (!doc) throw notFound('document');
    const version = (await this.documents.findVersion(doc.id, doc.currentVersion, manager))!;
    const clauses = await this.documents.clausesOf(version.id, manager);
    if (!clauses.some((c) => c.clauseId === clauseId)) throw notFound('clause');
    const labels = clauseLabels(clauses.map((c) => ({ id: c.clauseId, kind: c.kind, text: c.text })));
    const [order, all, standing] = await Promise.all([
      currentVotingOrder(manager, doc.id, clauseId),
      this.competitors(manager, doc.id, clauseId),
      this.standings.of(manager, doc.workingGroupId, actor?.id ?? null, this.clock.now()),
    ]);
    const byId = new Map(all.map((a) => [a.id, a]));
    const item = (a: AmendmentRow) => ({ amendmentId: a.id, kind: a.kind, status: a.status, author: actorRef(a.authorId, a.authorName, a.authorSnapshot), text: a.text, ballotId: a.ballotId });
    const open = all.filter((a) => isUndecided(a.status));
    const ordered = order ? order.amendmentIds.map((id) => byId.get(id)).filter((a): a is AmendmentRow => !!a) : [];
    const rank = (id: string) => (order ? order.amendmentIds.indexOf(id) : -1);
    const competitors = [...open].sort((a, b) => (rank(a.id) === -1 ? 1e9 : rank(a.id)) - (rank(b.id) === -1 ? 1e9 : rank(b.id)) || a.createdAt.getTime() - b.createdAt.getTime());
    return {
      documentId: doc.id,
      clauseId,
      clauseLabel: labels.get(clauseId) ?? null,
      order: order ? { id: order.id, items: ordered.map(item), reason: order.reason, setBy: actorRef(order.setBy, order.setByName, order.setSnapshot), setAt: new Date(order.setAt).toISOString() } : null,
      competitors: competitors.map(item),
      can: { set: doc.status !== 'adopted' && open.length >= 2 && canOpenBallot(standing) === true },
    };
  }

  /** A chair sets the order of voting on a clause's undecided competing amendments, with a reason. */
  async set(actor: Actor, documentId: string, clauseId: string, input: SetVotingOrderRequest): Promise<VotingOrderView> {
    await this.tx.run(async (tx) => {
      const doc = await this.documents.lockDocument(tx.manager, documentId);
      if (!doc) throw notFound('document');
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      authorise(canOpenBallot(standing));
      if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
      const competitors = await this.competitors(tx.manager, doc.id, clauseId);
      const problem = votingOrderProblem(input.amendmentIds, competitors);
      if (problem) throw refused(refusal('voting-order-invalid', { why: problem.code, amendmentId: 'amendmentId' in problem ? problem.amendmentId : null }), 'amendmentIds');
      const previous = await currentVotingOrder(tx.manager, doc.id, clauseId);
      const snapshot = standing.currentSnapshot!;
      const [row] = (await tx.manager.query(
        `INSERT INTO voting_orders (document_id, clause_id, amendment_ids, reason, set_by, set_snapshot, set_at) VALUES ($1, $2, $3::uuid[], $4, $5, $6, $7) RETURNING id`,
        [doc.id, clauseId, input.amendmentIds, input.reason, actor.id, JSON.stringify(snapshot), tx.now],
      )) as { id: string }[];
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, snapshot),
        action: 'voting-order.set',
        subjectType: 'voting-order',
        subjectId: row.id,
        change: { documentId: doc.id, clauseId, amendmentIds: input.amendmentIds, reason: input.reason, previous: previous?.amendmentIds ?? null },
      });
    });
    return this.get(actor, documentId, clauseId);
  }

  /** Amendments competing for a clause: those replacing or deleting it (an insertion after it adds a clause, it does not compete). */
  private async competitors(manager: EntityManager, documentId: string, clauseId: string): Promise<AmendmentRow[]> {
    const rows = await Promise.all((await competitorIds(manager, documentId, clauseId)).map((id) => this.amendments.findRow(id, manager)));
    return rows.filter((a): a is AmendmentRow => a !== null);
  }

  /** Where an amendment is voted in its clause's order ("voted 2nd of 3 on OP4"). */
  async place(amendmentId: string): Promise<AmendmentVotingPlace> {
    const manager = this.dataSource.manager;
    const a = await this.amendments.findRow(amendmentId, manager);
    if (!a) throw notFound('amendment');
    const none = { amendmentId: a.id, documentId: a.documentId, clauseId: a.targetClauseId, clauseLabel: null, position: null, of: null, reason: null };
    if (!a.targetClauseId) return none;
    const order = await currentVotingOrder(manager, a.documentId, a.targetClauseId);
    const place = order ? placeInOrder(order.amendmentIds, a.id) : null;
    if (!order || !place) return none;
    const version = await this.documents.findVersion(a.documentId, a.appliesToVersion, manager);
    const clauses = version ? await this.documents.clausesOf(version.id, manager) : [];
    const label = clauseLabels(clauses.map((c) => ({ id: c.clauseId, kind: c.kind, text: c.text }))).get(a.targetClauseId) ?? null;
    return { ...none, clauseLabel: label, position: place.position, of: place.of, reason: order.reason };
  }
}
