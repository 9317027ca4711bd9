import { VersionVisibility } from '../publication/version-visibility';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { clauseLabels, divisionClauseProblem, divisionResult, workingGroupScope } from '@parley/domain';
import {
  refusal,
  type DeclineDivisionRequest,
  type DivisionList,
  type DivisionSubjectView,
  type DivisionView,
  type PutDivisionRequest,
  type RequestDivisionRequest,
} from '@parley/contracts';
import { AuditedTransaction, type Tx } from '../../audit/audited-transaction';
import { BallotSubjects, type ClosedBallot } from '../../decisions/ballot-subjects';
import { BallotService } from '../../decisions/ballot.service';
import { AdoptionGuards } from '../../drafting/adoption-preflight';
import { AmendmentRepository } from '../../drafting/amendment.repository';
import { DocumentRepository } from '../../drafting/document.repository';
import { SYSTEM_ACTOR } from '../../drafting/document.service';
import { ballotTerms, clip } from '../../drafting/drafting-ballots.service';
import { DraftingStandings } from '../../drafting/drafting-standings';
import { actorRef } from '../../drafting/drafting.mapper';
import type { Actor } from '../../identity/actor';
import { PeopleService } from '../../identity/people.service';
import { Clock } from '../../platform/clock/clock';
import { authorise, notFound, refuse, refused } from '../../platform/http/problem';
import { canDecideDivision, canRequestDivision } from './division.policy';
import { decideDivision, divisionByBallot, divisionsBlocking, divisionsOf, findDivision, type DivisionRow } from './division.reads';

/**
 * Division of the question (decision record 0038): a voting member asks for a separate ballot on
 * clauses of the current version; a chair puts it to a ballot ("retain these paragraphs?") or declines
 * it with a reason; the ballot's close retains the paragraphs or marks them for deletion by the next
 * consolidation. Every act is audited in its transaction on the group's chain.
 */
@Injectable()
export class DivisionService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentRepository,
    private readonly amendments: AmendmentRepository,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
    private readonly ballots: BallotService,
    private readonly subjects: BallotSubjects,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
    private readonly adoptionGuards: AdoptionGuards,
    private readonly visibility: VersionVisibility,
  ) {}

  onModuleInit(): void {
    this.subjects.register('division', { onClosed: (tx, ballot) => this.onBallotClosed(tx, ballot), view: (ballot) => this.view(ballot.subjectId) });
    // A separate vote comes before the vote on the whole: no adoption (ballot or silence) starts while one is pending.
    // A new version (consolidation) is what applies a failed division's deletion: it is not held back.
    this.adoptionGuards.register(async (manager, documentId, starting) => {
      if (starting === 'new-version') return;
      const pending = await divisionsBlocking(manager, documentId);
      if (pending.length > 0) throw refuse('division-pending', { count: pending.length });
    });
  }

  async list(actor: Actor | null, documentId: string, manager: EntityManager = this.dataSource.manager): Promise<DivisionList> {
    const doc = await this.documents.findDocumentRow(documentId, manager);
    if (!doc) throw notFound('document');
    const [rows, standing] = await Promise.all([
      divisionsOf(manager, doc.id),
      this.standings.of(manager, doc.workingGroupId, actor?.id ?? null, this.clock.now()),
    ]);
    const labels = await this.labelsOf(manager, doc.id, [...new Set(rows.map((r) => r.versionNumber))]);
    const open = doc.status !== 'adopted';
    return {
      documentId: doc.id,
      divisions: rows.map((r) => toView(r, labels.get(r.versionNumber)!)),
      can: { request: open && canRequestDivision(standing) === true, decide: open && canDecideDivision(standing) === true },
    };
  }

  /** A voting member asks for a separate vote on clauses of the current version, with a reason. */
  async request(actor: Actor, documentId: string, input: RequestDivisionRequest): Promise<DivisionList> {
    await this.tx.run(async (tx) => {
      const doc = await this.documents.lockDocument(tx.manager, documentId);
      if (!doc) throw notFound('document');
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      authorise(canRequestDivision(standing));
      if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
      const open = await this.amendments.openAdoptionBallot(doc.id, tx.manager);
      if (open) throw refuse('division-too-late', { version: open.versionNumber });
      const version = (await this.documents.findVersion(doc.id, doc.currentVersion, tx.manager))!;
      const clauses = await this.documents.clausesOf(version.id, tx.manager);
      const problem = divisionClauseProblem(
        input.clauseIds,
        clauses.map((c) => ({ id: c.clauseId, kind: c.kind })),
      );
      if (problem)
        throw refused(refusal('division-clause-invalid', { why: problem.code, clauseId: 'clauseId' in problem ? problem.clauseId : null }), 'clauseIds');
      const labels = clauseLabels(clauses.map((c) => ({ id: c.clauseId, kind: c.kind, text: c.text })));
      const snapshot = standing.currentSnapshot!;
      const [row] = (await tx.manager.query(
        `INSERT INTO division_requests (document_id, version_id, version_number, clause_ids, reason, requested_by, requested_snapshot, requested_at)
         VALUES ($1, $2, $3, $4::uuid[], $5, $6, $7, $8) RETURNING id`,
        [doc.id, version.id, version.number, input.clauseIds, input.reason, actor.id, JSON.stringify(snapshot), tx.now],
      )) as { id: string }[];
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, snapshot),
        action: 'division.requested',
        subjectType: 'division',
        subjectId: row.id,
        change: {
          documentId: doc.id,
          version: version.number,
          clauseIds: input.clauseIds,
          clauseLabels: input.clauseIds.map((c) => labels.get(c) ?? null),
          reason: input.reason,
        },
      });
    });
    return this.list(actor, documentId);
  }

  /** A chair puts a pending request to a separate ballot on the version it was made on (still the current one). */
  async putToBallot(actor: Actor, divisionId: string, input: PutDivisionRequest): Promise<DivisionList> {
    const documentId = await this.tx.run(async (tx) => {
      const { doc, division, standing } = await this.pending(tx, actor, divisionId);
      const open = await this.amendments.openAdoptionBallot(doc.id, tx.manager);
      if (open) throw refuse('division-too-late', { version: open.versionNumber });
      if (division.versionNumber !== doc.currentVersion)
        throw refuse('division-version-superseded', { version: division.versionNumber, current: doc.currentVersion });
      // A ballot and its subject are public: not on a version still circulated to members only (decision 0041).
      await this.visibility.assertPublished(doc.id, division.versionNumber, tx.manager);
      const labels = (await this.labelsOf(tx.manager, doc.id, [division.versionNumber], tx.manager)).get(division.versionNumber)!;
      const named = division.clauseIds.map((c) => labels.get(c)?.label ?? null);
      const list = named.map((l) => l ?? '—').join(', ');
      const { id: ballotId } = await this.ballots.openInTransaction(tx, actor.id, {
        workingGroupId: doc.workingGroupId,
        subjectType: 'division',
        subjectId: division.id,
        title: clip(`Separate vote: retain ${list} of “${doc.title}” (version ${division.versionNumber})?`, 300),
        subjectDetails: { type: 'division', documentTitle: doc.title, version: division.versionNumber, clauseLabels: named },
        description: clip(division.reason, 5000),
        ...ballotTerms(input, tx.now),
      });
      await decideDivision(tx.manager, division.id, { status: 'balloting', ballotId }, actor.id, standing.currentSnapshot, tx.now);
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, standing.currentSnapshot),
        action: 'division.put-to-ballot',
        subjectType: 'division',
        subjectId: division.id,
        change: { documentId: doc.id, version: division.versionNumber, clauseIds: division.clauseIds, ballotId },
      });
      return doc.id;
    });
    return this.list(actor, documentId);
  }

  /** A chair declines a pending request, with a reason (public). */
  async decline(actor: Actor, divisionId: string, input: DeclineDivisionRequest): Promise<DivisionList> {
    const documentId = await this.tx.run(async (tx) => {
      const { doc, division, standing } = await this.pending(tx, actor, divisionId);
      await decideDivision(tx.manager, division.id, { status: 'declined', declineReason: input.reason }, actor.id, standing.currentSnapshot, tx.now);
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, standing.currentSnapshot),
        action: 'division.declined',
        subjectType: 'division',
        subjectId: division.id,
        change: { documentId: doc.id, version: division.versionNumber, reason: input.reason },
      });
      return doc.id;
    });
    return this.list(actor, documentId);
  }

  /** Inside the transaction that closes a division ballot: failed, the paragraphs are to be deleted; passed or without quorum, they stay. */
  async onBallotClosed(tx: Tx, ballot: ClosedBallot): Promise<void> {
    const probe = await divisionByBallot(tx.manager, ballot.id);
    if (!probe) return;
    const doc = (await this.documents.lockDocument(tx.manager, probe.documentId))!;
    const division = (await findDivision(tx.manager, probe.id, true))!;
    if (division.status !== 'balloting') return;
    const result = divisionResult(ballot.outcome);
    await tx.manager.query(`UPDATE division_requests SET status = $2, closed_at = $3 WHERE id = $1`, [division.id, result, ballot.closedAt]);
    await tx.record({
      scope: workingGroupScope(doc.workingGroupId),
      actor: SYSTEM_ACTOR,
      action: 'division.decided',
      subjectType: 'division',
      subjectId: division.id,
      change: { documentId: doc.id, version: division.versionNumber, ballotId: ballot.id, outcome: ballot.outcome, result, clauseIds: division.clauseIds },
    });
  }

  /** The division ballot's subject, as its page shows it. */
  async view(divisionId: string | null): Promise<DivisionSubjectView | null> {
    if (!divisionId) return null;
    const manager = this.dataSource.manager;
    const d = await findDivision(manager, divisionId);
    if (!d) return null;
    const [titles, labels] = await Promise.all([this.documents.titlesOf([d.documentId]), this.labelsOf(manager, d.documentId, [d.versionNumber])]);
    const v = toView(d, labels.get(d.versionNumber)!);
    return {
      type: 'division',
      divisionId: d.id,
      documentId: d.documentId,
      documentTitle: titles.get(d.documentId) ?? '',
      version: d.versionNumber,
      clauses: v.clauses,
      reason: d.reason,
      requestedBy: v.requestedBy,
      result: d.status === 'retained' || d.status === 'deleted' ? d.status : null,
      consolidatedInVersion: d.consolidatedInVersion,
    };
  }

  private async pending(tx: Tx, actor: Actor, divisionId: string) {
    const probe = await findDivision(tx.manager, divisionId);
    if (!probe) throw notFound('division');
    const doc = (await this.documents.lockDocument(tx.manager, probe.documentId))!;
    const division = (await findDivision(tx.manager, divisionId, true))!;
    const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
    authorise(canDecideDivision(standing));
    if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
    if (division.status !== 'pending') throw refuse('division-not-pending', { status: division.status });
    return { doc, division, standing };
  }

  /** Each version's clauses by id, with their labels. */
  private async labelsOf(
    manager: EntityManager,
    documentId: string,
    versions: number[],
    m: EntityManager = manager,
  ): Promise<Map<number, Map<string, { label: string | null; text: string }>>> {
    const out = new Map<number, Map<string, { label: string | null; text: string }>>();
    for (const n of versions) {
      const v = await this.documents.findVersion(documentId, n, m);
      const clauses = v ? await this.documents.clausesOf(v.id, m) : [];
      const labels = clauseLabels(clauses.map((c) => ({ id: c.clauseId, kind: c.kind, text: c.text })));
      out.set(n, new Map(clauses.map((c) => [c.clauseId, { label: labels.get(c.clauseId) ?? null, text: c.text }])));
    }
    return out;
  }
}

function toView(r: DivisionRow, clauses: Map<string, { label: string | null; text: string }>): DivisionView {
  return {
    id: r.id,
    documentId: r.documentId,
    version: r.versionNumber,
    clauses: r.clauseIds.map((c) => ({ clauseId: c, label: clauses.get(c)?.label ?? null, text: clauses.get(c)?.text ?? '' })),
    reason: r.reason,
    requestedBy: actorRef(r.requestedBy, r.requesterName, r.requestedSnapshot),
    requestedAt: new Date(r.requestedAt).toISOString(),
    status: r.status,
    decidedBy: r.decidedBy ? actorRef(r.decidedBy, r.deciderName, r.decidedSnapshot) : null,
    decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
    declineReason: r.declineReason,
    ballotId: r.ballotId,
    result:
      r.closedAt && r.outcome
        ? { outcome: r.outcome, yes: r.totals?.yes ?? 0, no: r.totals?.no ?? 0, abstain: r.totals?.abstain ?? 0, closedAt: new Date(r.closedAt).toISOString() }
        : null,
    consolidatedInVersion: r.consolidatedInVersion,
  };
}
