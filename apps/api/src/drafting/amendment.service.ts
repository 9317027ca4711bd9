import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { clauseLabels, competingGroups, outdatedByAcceptance, wordDiff, workingGroupScope, type AffiliationSnapshot, type DiffPart, type StakeholderGroup } from '@parley/domain';
import type { AmendmentListQuery, AmendmentPage, AmendmentResponse, AmendmentStatusReason, CreateAmendmentRequest } from '@parley/contracts';
import type { Tx } from '../audit/audited-transaction';
import type { ClosedBallot } from '../decisions/ballot-subjects';
import type { Actor } from '../identity/actor';
import { PeopleService } from '../identity/people.service';
import { Clock } from '../platform/clock/clock';
import { refusal } from '@parley/contracts';
import { authorise, notFound, refuse, refused, validationProblem } from '../platform/http/problem';
import { AmendmentRepository, type AmendmentRow, type CosponsorRow } from './amendment.repository';
import { DocumentRepository } from './document.repository';
import { SYSTEM_ACTOR, toDomainAmendment } from './document.service';
import { canAmend, canCosponsor, canOpenBallot, canAddParticipantTranslation, canWithdraw, canWithdrawCosponsorship, type DraftingStanding } from './drafting.policy';
import { PersonTranslationRepository } from './person-translation.repository';
import { DraftingStandings } from './drafting-standings';
import { actorRef } from './drafting.mapper';
import { threadCursor } from './thread-cursor';
import { StreamliningReads } from '../negotiation/streamlining/streamlining.reads';
import { canRecommend } from '../negotiation/streamlining/streamlining.policy';

/** The word diff an amendment shows wherever it appears: from its target's text to the text proposed. */
export function amendmentDiff(a: Pick<AmendmentRow, 'kind' | 'targetText' | 'text'> & { writtenLanguage?: string | null }): DiffPart[] {
  switch (a.kind) {
    case 'replace':
      // Words segmented for the language it was written in (decision 0047): Chinese has no spaces.
      return wordDiff(a.targetText ?? '', a.text ?? '', a.writtenLanguage ?? undefined);
    case 'insert':
      return a.text ? [{ op: 'insert', text: a.text }] : [];
    case 'delete':
      return a.targetText ? [{ op: 'delete', text: a.targetText }] : [];
  }
}

/** What a co-sponsorship (given or withdrawn) records: whose support, across stakeholder groups or not. */
function cosponsorshipChange(documentId: string, amendment: Pick<AmendmentRow, 'authorSnapshot'>, cosponsor: AffiliationSnapshot) {
  return {
    documentId,
    authorStakeholderGroup: amendment.authorSnapshot.stakeholderGroup,
    cosponsorStakeholderGroup: cosponsor.stakeholderGroup,
    crossGroup: cosponsor.stakeholderGroup !== amendment.authorSnapshot.stakeholderGroup,
  };
}

/** Amendments: proposal, co-sponsorship, withdrawal, listing with diffs and competitors, and the outcome of their ballots. */
import { VersionVisibility } from '../procedures/publication/version-visibility';
import { Citations } from './citations';
import { ReopenedAgreedLanguage } from './reopened-agreed-language';
import { DraftingChains } from './drafting-chains';
import type { ChainTx } from '../platform/batching/chain-batcher';
@Injectable()
export class AmendmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly amendments: AmendmentRepository,
    private readonly documents: DocumentRepository,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
    private readonly clock: Clock,
    private readonly negotiation: StreamliningReads,
    private readonly visibility: VersionVisibility,
    private readonly translations: PersonTranslationRepository,
    private readonly citations: Citations,
    private readonly reopened: ReopenedAgreedLanguage,
    private readonly chains: DraftingChains,
  ) {}

  /** A voting member proposes a change to the current version: replace or delete a clause, or insert one after another. */
  async propose(actor: Actor, documentId: string, input: CreateAmendmentRequest): Promise<AmendmentResponse> {
    const { id, standing } = await this.chains.run({ document: documentId }, (tx) => this.proposeIn(tx, actor, documentId, input));
    return this.get(actor, id, standing);
  }

  /**
   * Proposes an amendment inside the caller's transaction, so that several commit together or not at
   * all (a Word import: the document and the amendments read from its tracked changes).
   */
  async proposeIn(tx: ChainTx, actor: Actor, documentId: string, input: CreateAmendmentRequest): Promise<{ id: string; standing: DraftingStanding }> {
    const doc = await this.documents.lockDocument(tx.manager, documentId);
    if (!doc) throw notFound('document');
    const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
    const verdict = canAmend(standing);
    authorise(verdict);
    if (doc.status === 'adopted') throw refused(refusal('version-frozen', { version: doc.currentVersion }), 'baseVersion');
    if (input.baseVersion !== doc.currentVersion) {
      if (input.baseVersion > doc.currentVersion) throw validationProblem('baseVersion', 'no-such-version', { version: input.baseVersion });
      throw refused(refusal('not-current-version', { version: input.baseVersion, current: doc.currentVersion, act: 'amend' }), 'baseVersion');
    }
    const version = (await this.documents.findVersion(doc.id, doc.currentVersion, tx.manager))!;
    if (version.adoptedAt) throw refused(refusal('version-frozen', { version: version.number }), 'baseVersion');

    const targetId = input.kind === 'insert' ? input.afterClauseId : input.targetClauseId;
    const target = targetId === null ? null : await this.documents.clauseOf(version.id, targetId, tx.manager);
    if (targetId !== null && !target) throw validationProblem(input.kind === 'insert' ? 'afterClauseId' : 'targetClauseId', 'not-a-clause', { version: version.number });
    if (input.kind === 'replace' && target?.text === input.text) throw validationProblem('text', 'same-text');
    // Agreed language the text quotes, checked against the adopted texts before anything is written (decision 0054).
    const citations = input.kind === 'delete' ? [] : await this.citations.check(tx.manager, actor, input.text, input.citations, 'citations');

    const amendment = await this.amendments.insert(tx.manager, {
      documentId: doc.id,
      kind: input.kind,
      baseVersion: version.number,
      targetClauseId: targetId,
      targetText: input.kind === 'insert' ? null : (target?.text ?? null),
      text: input.kind === 'delete' ? null : input.text,
      newClauseKind: input.kind === 'insert' ? input.clauseKind : null,
      rationale: input.rationale,
      writtenLanguage: input.writtenLanguage ?? null,
      authorId: actor.id,
      snapshot: standing.currentSnapshot!,
      at: tx.now,
    });
    // An inserted clause takes the amendment's id when applied.
    await this.citations.record(tx.manager, { documentId: doc.id, amendmentId: amendment.id, versionId: null, at: tx.now }, input.kind === 'insert' ? amendment.id : targetId!, citations);
    await tx.record({
      scope: workingGroupScope(doc.workingGroupId),
      actor: await this.people.auditActorWith(tx.manager, actor.id, standing.currentSnapshot),
      action: 'amendment.proposed',
      subjectType: 'amendment',
      subjectId: amendment.id,
      change: {
        documentId: doc.id,
        kind: amendment.kind,
        baseVersion: amendment.baseVersion,
        targetClauseId: amendment.targetClauseId,
        targetText: amendment.targetText,
        text: amendment.text,
        newClauseKind: amendment.newClauseKind,
        rationale: amendment.rationale,
        ...(input.writtenLanguage ? { writtenLanguage: input.writtenLanguage } : {}),
        ...(citations.length > 0 ? { citations: citations.map((c) => ({ documentId: c.input.documentId, version: c.input.version, clauseId: c.input.clauseId, passage: c.passage })) } : {}),
      },
    });
    return { id: amendment.id, standing };
  }

  /** Another voting member backs a proposed amendment; support across stakeholder groups is shown as such. */
  async cosponsor(actor: Actor, amendmentId: string): Promise<AmendmentResponse> {
    const standing = await this.chains.run({ amendment: amendmentId }, async (tx) => {
      const amendment = await this.amendments.lock(tx.manager, amendmentId);
      if (!amendment) throw notFound('amendment');
      const doc = (await this.documents.findDocument(amendment.documentId, tx.manager))!;
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      const verdict = canCosponsor(standing, amendment, actor.id);
      authorise(verdict);
      if (await this.amendments.isCosponsor(tx.manager, amendment.id, actor.id)) throw refuse('already-cosponsor');
      if (amendment.status !== 'proposed') throw refuse('not-proposed', { status: amendment.status, act: 'cosponsor' });
      const snapshot = standing.currentSnapshot!;
      await this.amendments.addCosponsor(tx.manager, amendment.id, actor.id, snapshot, tx.now);
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActorWith(tx.manager, actor.id, snapshot),
        action: 'amendment.cosponsored',
        subjectType: 'amendment',
        subjectId: amendment.id,
        change: cosponsorshipChange(doc.id, amendment, snapshot),
      });
      return standing;
    });
    return this.get(actor, amendmentId, standing);
  }

  /** A co-sponsor withdraws their co-sponsorship while the amendment is proposed; the row stays, marked withdrawn. */
  async withdrawCosponsorship(actor: Actor, amendmentId: string): Promise<AmendmentResponse> {
    await this.chains.run({ amendment: amendmentId }, async (tx) => {
      const amendment = await this.amendments.lock(tx.manager, amendmentId);
      if (!amendment) throw notFound('amendment');
      const doc = (await this.documents.findDocument(amendment.documentId, tx.manager))!;
      const isCosponsor = await this.amendments.isCosponsor(tx.manager, amendment.id, actor.id);
      const verdict = canWithdrawCosponsorship(amendment, isCosponsor);
      authorise(verdict);
      const snapshot = (await this.amendments.withdrawCosponsor(tx.manager, amendment.id, actor.id, tx.now))!;
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActor(tx.manager, actor.id, tx.now),
        action: 'amendment.cosponsorship-withdrawn',
        subjectType: 'amendment',
        subjectId: amendment.id,
        change: cosponsorshipChange(doc.id, amendment, snapshot),
      });
    });
    return this.get(actor, amendmentId);
  }

  /** The author withdraws a proposed amendment; once under ballot it runs its course. */
  async withdraw(actor: Actor, amendmentId: string): Promise<AmendmentResponse> {
    await this.chains.run({ amendment: amendmentId }, async (tx) => {
      const amendment = await this.amendments.lock(tx.manager, amendmentId);
      if (!amendment) throw notFound('amendment');
      const doc = (await this.documents.findDocument(amendment.documentId, tx.manager))!;
      const verdict = canWithdraw(amendment, actor.id);
      authorise(verdict);
      await this.amendments.setStatus(tx.manager, amendment.id, 'withdrawn', null);
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: await this.people.auditActor(tx.manager, actor.id, tx.now),
        action: 'amendment.withdrawn',
        subjectType: 'amendment',
        subjectId: amendment.id,
        change: { documentId: doc.id, previousStatus: amendment.status },
      });
    });
    return this.get(actor, amendmentId);
  }

  /** One amendment as `actor` reads it; a command passes the actor's `standing` it has just read, so it is not read again. */
  async get(actor: Actor | null, amendmentId: string, standing?: DraftingStanding): Promise<AmendmentResponse> {
    const row = await this.amendments.findRow(amendmentId);
    if (!row) throw notFound('amendment');
    // An amendment proposed on a version kept to members quotes it (decision 0041).
    const doc = (await this.documents.findDocument(row.documentId))!;
    (await this.visibility.lens(actor, doc)).assertReadable(row.baseVersion);
    return (await this.responses(actor, row.documentId, [row], { standing }))[0];
  }

  /** A page of a document's amendments, each with its diff, co-sponsors and competitors; and every competing group. */
  async list(actor: Actor | null, documentId: string, q: AmendmentListQuery): Promise<AmendmentPage> {
    const doc = await this.documents.findDocument(documentId);
    if (!doc) throw notFound('document');
    const rows = await this.amendments.page(doc.id, { clauseId: q.clauseId, status: q.status }, threadCursor.decode(q.cursor), q.limit + 1);
    const page = threadCursor.page(rows, q.limit, (last) => ({ at: last.createdAt.toISOString(), id: last.id }));
    const [open, lens] = await Promise.all([this.amendments.openOf(doc.id), this.visibility.lens(actor, doc)]);
    return {
      // Amendments proposed on a version kept to members quote it: left out for anyone else (decision 0041).
      items: await this.responses(actor, doc.id, page.items.filter((a) => !lens.withheld(a.baseVersion)), { open }),
      nextCursor: page.nextCursor,
      competingGroups: competingGroups(open.map(toDomainAmendment)).map((g) => g.map((a) => a.id)),
    };
  }

  /**
   * Called inside the transaction that closes an amendment ballot. Passed: accepted, and the open
   * amendments competing with it (same clause, same version) become outdated with a note. Failed or
   * without quorum: rejected, with the ballot's explanation.
   */
  async onBallotClosed(tx: Tx, ballot: ClosedBallot): Promise<void> {
    const probe = await this.amendments.findRow(ballot.subjectId ?? '00000000-0000-0000-0000-000000000000', tx.manager);
    if (!probe) return;
    // The document first, then the amendments: the order consolidation locks them in.
    const doc = (await this.documents.lockDocument(tx.manager, probe.documentId))!;
    const amendment = await this.amendments.findByBallot(tx.manager, ballot.id);
    if (!amendment || amendment.status !== 'balloting') return; // outdated while under ballot: it stays outdated
    const scope = workingGroupScope(doc.workingGroupId);
    const decided = { ballotId: ballot.id, outcome: ballot.outcome, explanation: ballot.result.explanation };
    if (ballot.outcome !== 'passed') {
      const failed = { ballotId: ballot.id, outcome: ballot.outcome, explanationParts: ballot.result.explanationParts };
      await this.amendments.setStatus(tx.manager, amendment.id, 'rejected', { note: ballot.result.explanation, reason: { code: 'ballot-failed', params: failed } }, { decidedAt: ballot.closedAt });
      await tx.record({ scope, actor: SYSTEM_ACTOR, action: 'amendment.rejected', subjectType: 'amendment', subjectId: amendment.id, change: { documentId: doc.id, ...decided } });
      return;
    }
    await this.amendments.setStatus(tx.manager, amendment.id, 'accepted', null, { decidedAt: ballot.closedAt });
    await tx.record({ scope, actor: SYSTEM_ACTOR, action: 'amendment.accepted', subjectType: 'amendment', subjectId: amendment.id, change: { documentId: doc.id, ...decided } });
    await this.outdateCompetitors(tx, doc, amendment);
  }

  /** Once `amendment` is accepted, the open amendments competing with it (same clause, same version) become outdated with a note. */
  async outdateCompetitors(tx: Tx, doc: { id: string; workingGroupId: string }, amendment: AmendmentRow): Promise<void> {
    const scope = workingGroupScope(doc.workingGroupId);
    const others = (await this.amendments.openOf(doc.id, tx.manager)).filter((a) => a.id !== amendment.id);
    const labels = clauseLabels((await this.documents.clausesOf((await this.documents.findVersion(doc.id, amendment.appliesToVersion, tx.manager))!.id, tx.manager)).map((c) => ({ id: c.clauseId, kind: c.kind, text: c.text })));
    const label = labels.get(amendment.targetClauseId ?? '') ?? null;
    for (const gone of outdatedByAcceptance(toDomainAmendment(amendment), others.map(toDomainAmendment))) {
      const note = `A competing amendment to ${label ? `clause ${label}` : 'this clause'} of version ${amendment.appliesToVersion}, by ${amendment.authorName} (${amendment.authorSnapshot.organisationName}), was accepted.`;
      const reason: AmendmentStatusReason = {
        code: 'competing-amendment-accepted',
        params: { acceptedAmendmentId: amendment.id, clauseLabel: label, version: amendment.appliesToVersion, authorName: amendment.authorName, organisationName: amendment.authorSnapshot.organisationName },
      };
      await this.amendments.setStatus(tx.manager, gone.amendmentId, 'outdated', { note, reason });
      await tx.record({
        scope,
        actor: SYSTEM_ACTOR,
        action: 'amendment.outdated',
        subjectType: 'amendment',
        subjectId: gone.amendmentId,
        change: { documentId: doc.id, reason: gone.reason, acceptedAmendmentId: gone.acceptedAmendmentId, note },
      });
    }
  }

  /** Responses for amendments of one document: diffs, labels of their targets, co-sponsors, competitors, permissions. */
  private async responses(actor: Actor | null, documentId: string, rows: AmendmentRow[], known: { open?: AmendmentRow[]; standing?: DraftingStanding } = {}): Promise<AmendmentResponse[]> {
    if (rows.length === 0) return [];
    const doc = (await this.documents.findDocument(documentId))!;
    const open = known.open ?? (await this.amendments.openOf(documentId));
    const [cosponsors, standing, negotiation, translated, cited, reopens] = await Promise.all([
      this.amendments.cosponsorsOf(rows.map((r) => r.id)),
      known.standing ?? this.standings.of(this.dataSource.manager, doc.workingGroupId, actor?.id ?? null, this.clock.now()),
      this.negotiation.negotiationOf(rows.map((r) => r.id)),
      this.translations.ofAmendments(rows.map((r) => r.id)),
      this.citations.ofAmendments(rows.map((r) => r.id)),
      this.reopened.ofAmendments(documentId, rows),
    ]);
    const competitors = new Map<string, string[]>();
    for (const group of competingGroups(open.map(toDomainAmendment))) for (const a of group) competitors.set(a.id, group.filter((b) => b.id !== a.id).map((b) => b.id));

    const labelsByVersion = new Map<number, Map<string, string | null>>();
    for (const n of new Set(rows.map((r) => r.appliesToVersion))) {
      const version = await this.documents.findVersion(documentId, n);
      const clauses = version ? await this.documents.clausesOf(version.id) : [];
      labelsByVersion.set(n, clauseLabels(clauses.map((c) => ({ id: c.clauseId, kind: c.kind, text: c.text }))));
    }
    const byAmendment = new Map<string, CosponsorRow[]>();
    for (const c of cosponsors) byAmendment.set(c.amendmentId, [...(byAmendment.get(c.amendmentId) ?? []), c]);

    return rows.map((a) => {
      const backers = byAmendment.get(a.id) ?? [];
      const crossGroupSupport = [...new Set(backers.map((c) => c.snapshot.stakeholderGroup).filter((g) => g !== a.authorSnapshot.stakeholderGroup))] as StakeholderGroup[];
      return {
        citations: cited.get(a.id) ?? [],
        reopensAgreedLanguage: reopens.get(a.id) ?? [],
        id: a.id,
        documentId: a.documentId,
        kind: a.kind,
        baseVersion: a.baseVersion,
        appliesToVersion: a.appliesToVersion,
        targetClauseId: a.targetClauseId,
        targetLabel: a.targetClauseId ? (labelsByVersion.get(a.appliesToVersion)?.get(a.targetClauseId) ?? null) : null,
        targetText: a.targetText,
        text: a.text,
        newClauseKind: a.newClauseKind,
        diff: amendmentDiff(a),
        rationale: a.rationale,
        writtenLanguage: a.writtenLanguage,
        rationaleTranslations: translated.get(a.id) ?? [],
        status: a.status,
        statusNote: a.statusNote,
        statusReason: a.statusReason,
        author: actorRef(a.authorId, a.authorName, a.authorSnapshot),
        createdAt: a.createdAt.toISOString(),
        cosponsors: backers.map((c) => ({ person: actorRef(c.personId, c.name, c.snapshot), at: c.createdAt.toISOString() })),
        crossGroupSupport,
        ballotId: a.ballotId,
        decidedAt: a.decidedAt?.toISOString() ?? null,
        appliedInVersion: a.appliedInVersion,
        competingWith: competitors.get(a.id) ?? [],
        negotiation: negotiation.get(a.id)!,
        can: amendmentPermissions(standing, a, actor?.id ?? null, backers, doc.status === 'drafting'),
      };
    });
  }
}

function amendmentPermissions(s: DraftingStanding, a: AmendmentRow, actorId: string | null, backers: CosponsorRow[], drafting: boolean): AmendmentResponse['can'] {
  if (actorId === null) return { cosponsor: false, withdrawCosponsorship: false, withdraw: false, openBallot: false, recommend: false, translate: false };
  const backs = backers.some((b) => b.personId === actorId);
  return {
    cosponsor: a.status === 'proposed' && canCosponsor(s, a, actorId) === true && !backs,
    withdrawCosponsorship: canWithdrawCosponsorship(a, backs) === true,
    withdraw: canWithdraw(a, actorId) === true,
    openBallot: drafting && a.status === 'proposed' && canOpenBallot(s) === true,
    recommend: drafting && a.status === 'proposed' && canRecommend(s) === true,
    translate: canAddParticipantTranslation(s) === true,
  };
}
