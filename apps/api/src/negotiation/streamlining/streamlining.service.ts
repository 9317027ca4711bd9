import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  clauseLabels,
  followedRecommendation,
  recommendationNeedsTarget,
  resolveRecommendationsBallot,
  streamlinedKind,
  streamliningProblem,
  workingGroupScope,
  type StreamliningCandidate,
} from '@parley/domain';
import {
  refusal,
  type AmendmentResponse,
  type AmendmentStatusReason,
  type RecommendationRequest,
  type RecommendationsBallotRequest,
  type RecommendationsBallotResponse,
  type RecommendationsSubjectView,
  type StreamlineRequest,
  type StreamlineOptionsRequest,
  type BracketView,
} from '@parley/contracts';
import { AuditedTransaction, type Tx } from '../../audit/audited-transaction';
import { BallotSubjects, type ClosedBallot } from '../../decisions/ballot-subjects';
import { BallotService } from '../../decisions/ballot.service';
import type { Actor } from '../../identity/actor';
import { PeopleService } from '../../identity/people.service';
import { authorise, notFound, refuse, refused, validationProblem } from '../../platform/http/problem';
import { AmendmentRepository, type AmendmentRow } from '../../drafting/amendment.repository';
import { AmendmentService, amendmentDiff } from '../../drafting/amendment.service';
import { DocumentRepository } from '../../drafting/document.repository';
import { SYSTEM_ACTOR } from '../../drafting/document.service';
import { ballotTerms, clip } from '../../drafting/drafting-ballots.service';
import { actorRef } from '../../drafting/drafting.mapper';
import { DraftingStandings } from '../../drafting/drafting-standings';
import { BracketRepository } from '../brackets/bracket.repository';
import { BracketReads } from '../brackets/bracket-reads.service';
import { canOpenRecommendationsBallot, canRecommend, canStreamline } from './streamlining.policy';
import { toRecommendationView } from './streamlining.reads';
import { StreamliningRepository, type RecommendationRow } from './streamlining.repository';

const FIELD_SOURCES = 'sourceAmendmentIds';
const FIELD_SET = 'amendmentIds';
const FIELD_TARGET = 'targetAmendmentId';

/**
 * Streamlining and the chair's recommendations (decision 0034): a chair or rapporteur merges open
 * proposals into one streamlined proposal; the chair records recommendations, and opens one ballot
 * adopting a set of them, whose close applies each recommendation (or, failed, reopens them all).
 */
@Injectable()
export class StreamliningService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: StreamliningRepository,
    private readonly amendments: AmendmentRepository,
    private readonly amendmentService: AmendmentService,
    private readonly documents: DocumentRepository,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
    private readonly ballots: BallotService,
    private readonly subjects: BallotSubjects,
    private readonly tx: AuditedTransaction,
    private readonly brackets: BracketRepository,
    private readonly bracketReads: BracketReads,
  ) {}

  onModuleInit(): void {
    this.subjects.register('recommendations', { onClosed: (tx, ballot) => this.onBallotClosed(tx, ballot), view: (ballot) => this.view(ballot.id) });
  }

  /** A chair or rapporteur merges two or more proposed amendments at one place into one new proposal, authored by them; the sources are set aside as merged into it. */
  async streamline(actor: Actor, documentId: string, input: StreamlineRequest): Promise<AmendmentResponse> {
    const id = await this.tx.run(async (tx) => {
      const doc = await this.documents.lockDocument(tx.manager, documentId);
      if (!doc) throw notFound('document');
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      authorise(canStreamline(standing));
      if (doc.status === 'adopted') throw refused(refusal('version-frozen', { version: doc.currentVersion }), FIELD_SOURCES);

      const found = new Map<string, StreamliningCandidate & { row: AmendmentRow }>();
      for (const sid of [...new Set(input.sourceAmendmentIds)].sort()) {
        const row = await this.lockRow(tx, sid);
        if (row) found.set(sid, { ...row, row });
      }
      const problem = streamliningProblem(doc.id, input.sourceAmendmentIds, found);
      if (problem) {
        switch (problem.code) {
          case 'too-few':
            throw validationProblem(FIELD_SOURCES, 'too-few', { minimum: problem.minimum });
          case 'duplicate':
            throw refused(refusal('amendment-named-twice', { amendmentId: problem.amendmentId }), FIELD_SOURCES);
          case 'not-found':
          case 'other-document':
            throw refused(refusal('not-of-document', { amendmentId: problem.amendmentId }), FIELD_SOURCES);
          case 'under-ballot':
            throw refused(refusal('source-under-ballot', { amendmentId: problem.amendmentId }), FIELD_SOURCES);
          case 'not-open':
            throw refused(refusal('source-not-open', { amendmentId: problem.amendmentId, status: found.get(problem.amendmentId)!.row.status }), FIELD_SOURCES);
          case 'not-same-place':
            throw refused(refusal('sources-not-same-place'), FIELD_SOURCES);
        }
      }
      const sources = input.sourceAmendmentIds.map((s) => found.get(s)!.row);
      const first = sources[0];
      const kind = streamlinedKind(sources);
      const targetText = kind === 'insert' ? null : (sources.find((s) => s.targetText !== null)?.targetText ?? null);
      if (kind === 'replace' && targetText === input.text) throw validationProblem('text', 'same-text');

      const snapshot = standing.currentSnapshot!;
      const proposal = await this.amendments.insert(tx.manager, {
        documentId: doc.id,
        kind,
        baseVersion: first.appliesToVersion,
        targetClauseId: first.targetClauseId,
        targetText,
        text: input.text,
        newClauseKind: kind === 'insert' ? (first.newClauseKind ?? 'operative') : null,
        rationale: input.rationale,
        writtenLanguage: null,
        authorId: actor.id,
        snapshot,
        at: tx.now,
      });
      await this.repo.insertSources(tx.manager, proposal.id, sources.map((s) => s.id));
      const scope = workingGroupScope(doc.workingGroupId);
      const auditActor = await this.people.auditActorWith(tx.manager, actor.id, snapshot);
      await tx.record({
        scope,
        actor: auditActor,
        action: 'amendment.streamlined',
        subjectType: 'amendment',
        subjectId: proposal.id,
        change: {
          documentId: doc.id,
          kind,
          baseVersion: proposal.baseVersion,
          targetClauseId: proposal.targetClauseId,
          targetText: proposal.targetText,
          text: input.text,
          newClauseKind: proposal.newClauseKind,
          rationale: input.rationale,
          sources: sources.map((s) => s.id),
        },
      });
      for (const s of sources) {
        const reason: AmendmentStatusReason = { code: 'merged-into', params: { amendmentId: proposal.id, streamlined: true, ballotId: null } };
        await this.repo.markMerged(tx.manager, s.id, proposal.id, `Merged into the chair’s streamlined proposal ${proposal.id}.`, reason);
        await tx.record({ scope, actor: auditActor, action: 'amendment.merged', subjectType: 'amendment', subjectId: s.id, change: { documentId: doc.id, mergedInto: proposal.id, ballotId: null } });
      }
      return proposal.id;
    });
    return this.amendmentService.get(actor, id);
  }

  /** A chair or rapporteur merges two or more options of one open bracket into one new option (authored by them, with the rationale); the sources stay, each `mergedInto` it. */
  async streamlineOptions(actor: Actor, bracketId: string, input: StreamlineOptionsRequest): Promise<BracketView> {
    await this.tx.run(async (tx) => {
      const probe = await this.brackets.find(bracketId, tx.manager);
      if (!probe) throw notFound('bracket');
      const doc = (await this.documents.lockDocument(tx.manager, probe.documentId))!;
      const bracket = (await this.brackets.find(bracketId, tx.manager, true))!;
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      authorise(canStreamline(standing));
      if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
      if (bracket.resolution !== null) throw refuse('bracket-removed', { resolution: bracket.resolution });
      const seen = new Set<string>();
      for (const o of input.sourceOptionIds) {
        if (seen.has(o)) throw refused(refusal('amendment-named-twice', { amendmentId: o }), 'sourceOptionIds');
        seen.add(o);
        const option = bracket.options.find((x) => x.id === o);
        if (!option) throw refused(refusal('option-not-of-bracket', { optionId: o }), 'sourceOptionIds');
        if (option.mergedInto !== null) throw refused(refusal('option-already-merged', { optionId: o }), 'sourceOptionIds');
      }
      const snapshot = standing.currentSnapshot!;
      const optionId = await this.brackets.insertOption(tx.manager, { bracketId, text: input.text, rationale: input.rationale, by: actor.id, snapshot, at: tx.now });
      await this.repo.markOptionsMerged(tx.manager, input.sourceOptionIds, optionId);
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, snapshot),
        action: 'bracket.options-streamlined',
        subjectType: 'bracket',
        subjectId: bracketId,
        change: { documentId: doc.id, clauseId: bracket.clauseId, optionId, text: input.text, rationale: input.rationale, sources: input.sourceOptionIds },
      });
    });
    return this.bracketReads.one(actor, bracketId);
  }

  /** The chair records a recommendation on a proposed amendment; an earlier one stays on record. */
  async recommend(actor: Actor, amendmentId: string, input: RecommendationRequest): Promise<AmendmentResponse> {
    await this.tx.run(async (tx) => {
      const probe = await this.amendments.findRow(amendmentId, tx.manager);
      if (!probe) throw notFound('amendment');
      const doc = (await this.documents.lockDocument(tx.manager, probe.documentId))!;
      const amendment = (await this.lockRow(tx, amendmentId))!;
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      authorise(canRecommend(standing));
      if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
      if (amendment.status !== 'proposed') throw refuse('recommendation-not-open', { status: amendment.status });
      const needsTarget = recommendationNeedsTarget(input.recommendation);
      if (needsTarget && !input.targetAmendmentId) throw validationProblem(FIELD_TARGET, 'required');
      if (!needsTarget && input.targetAmendmentId) throw validationProblem(FIELD_TARGET, 'unknown-field');
      let target: string | null = null;
      if (needsTarget) {
        target = input.targetAmendmentId!;
        if (target === amendment.id) throw refused(refusal('recommendation-target-invalid', { why: 'self' }), FIELD_TARGET);
        const t = await this.amendments.findRow(target, tx.manager);
        if (!t) throw refused(refusal('recommendation-target-invalid', { why: 'not-found' }), FIELD_TARGET);
        if (t.documentId !== doc.id) throw refused(refusal('recommendation-target-invalid', { why: 'other-document' }), FIELD_TARGET);
        if (t.status !== 'proposed' && t.status !== 'balloting') throw refused(refusal('recommendation-target-invalid', { why: 'not-open' }), FIELD_TARGET);
        if (input.recommendation === 'accept-as-modified') {
          const [link] = await this.repo.links([target], tx.manager);
          if (!link.streamlined) throw refused(refusal('recommendation-target-invalid', { why: 'not-streamlined' }), FIELD_TARGET);
        }
      }
      const [previous] = await this.repo.recommendationsOf([amendment.id], tx.manager);
      const snapshot = standing.currentSnapshot!;
      const recommendationId = await this.repo.insertRecommendation(tx.manager, {
        amendmentId: amendment.id,
        documentId: doc.id,
        recommendation: input.recommendation,
        reason: input.reason,
        targetAmendmentId: target,
        givenBy: actor.id,
        snapshot,
        at: tx.now,
      });
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, snapshot),
        action: 'amendment.recommendation-given',
        subjectType: 'amendment',
        subjectId: amendment.id,
        change: { documentId: doc.id, recommendationId, recommendation: input.recommendation, reason: input.reason, targetAmendmentId: target, previous: previous?.recommendation ?? null },
      });
    });
    return this.amendmentService.get(actor, amendmentId);
  }

  /** A chair opens one ballot adopting the recommendations on a set of proposed amendments; they are `balloting` while it runs. */
  async openBallot(actor: Actor, documentId: string, input: RecommendationsBallotRequest): Promise<RecommendationsBallotResponse> {
    return this.tx.run(async (tx) => {
      const doc = await this.documents.lockDocument(tx.manager, documentId);
      if (!doc) throw notFound('document');
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      authorise(canOpenRecommendationsBallot(standing));
      if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
      if (await this.repo.openBallotOn(doc.id, tx.manager)) throw refuse('recommendations-ballot-open');
      const seen = new Set<string>();
      for (const id of input.amendmentIds) {
        if (seen.has(id)) throw refused(refusal('amendment-named-twice', { amendmentId: id }), FIELD_SET);
        seen.add(id);
      }
      const rows = new Map<string, AmendmentRow>();
      for (const id of [...seen].sort()) {
        const row = await this.lockRow(tx, id);
        if (!row || row.documentId !== doc.id) throw refused(refusal('not-of-document', { amendmentId: id }), FIELD_SET);
        rows.set(id, row);
      }
      const current = latestByAmendment(await this.repo.recommendationsOf(input.amendmentIds, tx.manager));
      for (const id of input.amendmentIds) {
        const row = rows.get(id)!;
        if (row.status !== 'proposed') throw refused(refusal('not-proposed', { status: row.status, act: 'ballot' }), FIELD_SET);
        const rec = current.get(id);
        if (!rec) throw refused(refusal('no-recommendation', { amendmentId: id }), FIELD_SET);
        if (rec.targetAmendmentId && !seen.has(rec.targetAmendmentId)) {
          const t = await this.amendments.findRow(rec.targetAmendmentId, tx.manager);
          if (!t || (t.status !== 'proposed' && t.status !== 'balloting')) throw refused(refusal('recommendation-target-invalid', { why: 'not-open' }), FIELD_SET);
        }
      }
      const version = doc.currentVersion;
      const n = input.amendmentIds.length;
      const { id: ballotId } = await this.ballots.openInTransaction(tx, actor.id, {
        workingGroupId: doc.workingGroupId,
        subjectType: 'recommendations',
        subjectId: doc.id,
        title: clip(`Adopt the chair’s recommendations on ${n} amendment${n === 1 ? '' : 's'} to “${doc.title}” (version ${version})`, 300),
        subjectDetails: { type: 'recommendations', documentTitle: doc.title, version, count: n },
        description: clip(input.amendmentIds.map((id) => `${current.get(id)!.recommendation}: ${current.get(id)!.reason}`).join('\n'), 5000),
        ...ballotTerms(input, tx.now),
      });
      for (const id of input.amendmentIds) await this.repo.putUnderBallot(tx.manager, id, ballotId);
      const items = input.amendmentIds.map((id) => ({ amendmentId: id, recommendationId: current.get(id)!.id, recommendation: current.get(id)!.recommendation }));
      await this.repo.insertBallot(tx.manager, { ballotId, documentId: doc.id, versionNumber: version, openedBy: actor.id, snapshot: standing.currentSnapshot!, at: tx.now, items });
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, standing.currentSnapshot),
        action: 'recommendations.put-to-ballot',
        subjectType: 'document',
        subjectId: doc.id,
        change: { documentId: doc.id, ballotId, items },
      });
      return { ballotId };
    });
  }

  /**
   * Inside the transaction that closes a recommendations ballot. Passed: each amendment still under it
   * follows its recommendation (resolveRecommendationsBallot); failed or without quorum: each goes
   * back to proposed. One `recommendations.decided` event records, per amendment, whether it followed.
   */
  async onBallotClosed(tx: Tx, ballot: ClosedBallot): Promise<void> {
    const probe = await this.repo.findBallot(ballot.id, tx.manager);
    if (!probe || probe.outcome !== null) return;
    const doc = (await this.documents.lockDocument(tx.manager, probe.documentId))!;
    await this.repo.findBallot(ballot.id, tx.manager, true);
    const items = await this.repo.itemsOf(ballot.id, tx.manager);
    const recs = new Map((await this.repo.recommendationsById(items.map((i) => i.recommendationId), tx.manager)).map((r) => [r.id, r]));
    const rows = new Map<string, AmendmentRow>();
    for (const i of [...items].sort((a, b) => a.amendmentId.localeCompare(b.amendmentId))) {
      const row = await this.lockRow(tx, i.amendmentId);
      // Still under this ballot (not outdated meanwhile by a consolidation, an adoption or a competing acceptance).
      if (row && row.status === 'balloting' && row.ballotId === null) rows.set(row.id, row);
    }
    const active = items.filter((i) => rows.has(i.amendmentId)).map((i) => ({ ...recs.get(i.recommendationId)!, amendmentId: i.amendmentId }));
    const targetStatus = new Map<string, string>();
    for (const t of new Set(active.map((a) => a.targetAmendmentId).filter((t): t is string => t !== null))) {
      targetStatus.set(t, (await this.amendments.findRow(t, tx.manager))?.status ?? 'missing');
    }
    const passed = ballot.outcome === 'passed';
    const resolutions = resolveRecommendationsBallot(passed, active, (t) => ['proposed', 'balloting'].includes(targetStatus.get(t) ?? '') && !rows.has(t));
    const scope = workingGroupScope(doc.workingGroupId);
    const decided = { documentId: doc.id, ballotId: ballot.id, outcome: ballot.outcome, explanation: ballot.result.explanation };
    // Set aside and rejected first, accepted last: an acceptance outdates the open amendments competing with it.
    const order = { proposed: 0, rejected: 1, merged: 2, accepted: 3 } as const;
    for (const r of [...resolutions].sort((a, b) => order[a.status] - order[b.status])) {
      const rec = active.find((a) => a.amendmentId === r.amendmentId)!;
      switch (r.status) {
        case 'proposed':
          await this.repo.backToProposed(tx.manager, r.amendmentId);
          break;
        case 'rejected': {
          const reason: AmendmentStatusReason = { code: 'recommendation-adopted', params: { ballotId: ballot.id, recommendation: rec.recommendation } };
          await this.amendments.setStatus(tx.manager, r.amendmentId, 'rejected', { note: 'Rejected as the chair recommended, by the ballot adopting the chair’s recommendations.', reason }, { decidedAt: ballot.closedAt });
          await tx.record({ scope, actor: SYSTEM_ACTOR, action: 'amendment.rejected', subjectType: 'amendment', subjectId: r.amendmentId, change: decided });
          break;
        }
        case 'merged': {
          const [link] = await this.repo.links([r.mergedInto!], tx.manager);
          const reason: AmendmentStatusReason = { code: 'merged-into', params: { amendmentId: r.mergedInto!, streamlined: link?.streamlined ?? false, ballotId: ballot.id } };
          await this.repo.markMerged(tx.manager, r.amendmentId, r.mergedInto!, `Merged into ${r.mergedInto} as the chair recommended, by the ballot adopting the chair’s recommendations.`, reason);
          await tx.record({ scope, actor: SYSTEM_ACTOR, action: 'amendment.merged', subjectType: 'amendment', subjectId: r.amendmentId, change: { documentId: doc.id, mergedInto: r.mergedInto!, ballotId: ballot.id } });
          break;
        }
        case 'accepted': {
          await this.amendments.setStatus(tx.manager, r.amendmentId, 'accepted', null, { decidedAt: ballot.closedAt });
          await tx.record({ scope, actor: SYSTEM_ACTOR, action: 'amendment.accepted', subjectType: 'amendment', subjectId: r.amendmentId, change: decided });
          await this.amendmentService.outdateCompetitors(tx, doc, rows.get(r.amendmentId)!);
          break;
        }
      }
    }
    await this.repo.closeBallot(tx.manager, ballot.id, ballot.outcome, ballot.closedAt, resolutions.map((r) => ({ amendmentId: r.amendmentId, status: r.status })));
    await tx.record({
      scope,
      actor: SYSTEM_ACTOR,
      action: 'recommendations.decided',
      subjectType: 'document',
      subjectId: doc.id,
      change: {
        documentId: doc.id,
        ballotId: ballot.id,
        outcome: ballot.outcome,
        items: resolutions.map((r) => {
          const rec = active.find((a) => a.amendmentId === r.amendmentId)!;
          return { amendmentId: r.amendmentId, recommendation: rec.recommendation, status: r.status, mergedInto: r.mergedInto, followed: followedRecommendation(rec, r) };
        }),
      },
    });
  }

  /** The set a recommendations ballot decides, as its page shows it: each amendment, the recommendation voted on, and (closed) what followed. */
  async view(ballotId: string): Promise<RecommendationsSubjectView | null> {
    const b = await this.repo.findBallot(ballotId);
    if (!b) return null;
    const items = await this.repo.itemsOf(ballotId);
    const [recs, links, title, version] = await Promise.all([
      this.repo.recommendationsById(items.map((i) => i.recommendationId)),
      this.repo.links(items.map((i) => i.amendmentId)),
      this.documents.titlesOf([b.documentId]),
      this.documents.findVersion(b.documentId, b.versionNumber),
    ]);
    const recById = new Map(recs.map((r) => [r.id, r]));
    const linkById = new Map(links.map((l) => [l.id, l]));
    const labels = version ? clauseLabels((await this.documents.clausesOf(version.id)).map((c) => ({ id: c.clauseId, kind: c.kind, text: c.text }))) : new Map<string, string | null>();
    const out: RecommendationsSubjectView['items'] = [];
    for (const i of items) {
      const a = await this.amendments.findRow(i.amendmentId);
      const rec = recById.get(i.recommendationId);
      if (!a || !rec) continue;
      const mergedInto = linkById.get(a.id)?.mergedInto ?? null;
      out.push({
        amendmentId: a.id,
        kind: a.kind,
        clauseId: a.targetClauseId,
        clauseLabel: a.targetClauseId ? (labels.get(a.targetClauseId) ?? null) : null,
        diff: amendmentDiff(a),
        author: actorRef(a.authorId, a.authorName, a.authorSnapshot),
        recommendation: toRecommendationView(rec),
        status: a.status,
        mergedInto,
        followedRecommendation: b.outcome === null ? null : followedRecommendation(rec, { status: a.status, mergedInto }),
      });
    }
    return { type: 'recommendations', documentId: b.documentId, documentTitle: title.get(b.documentId) ?? '', version: b.versionNumber, items: out };
  }

  /** Row-locks an amendment and reads it with its author's name. */
  private async lockRow(tx: Tx, id: string): Promise<AmendmentRow | null> {
    const locked = await this.amendments.lock(tx.manager, id);
    return locked ? this.amendments.findRow(id, tx.manager) : null;
  }
}

function latestByAmendment(rows: RecommendationRow[]): Map<string, RecommendationRow> {
  const out = new Map<string, RecommendationRow>();
  for (const r of rows) if (!out.has(r.amendmentId)) out.set(r.amendmentId, r);
  return out;
}
