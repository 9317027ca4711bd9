import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { amendmentStanding, applyBracketChoices, applyDivisionDeletions, clauseLabels, type Clause, clausesFromPastedText, compareVersions, consolidate, workingGroupScope, type AcceptedAmendment, type Amendment } from '@parley/domain';
import { DataSource, EntityManager } from 'typeorm';
import {
  MAX_CLAUSE_TEXT,
  MAX_CLAUSES,
  type AmendmentStatusReason,
  type ConsolidateRequest,
  type ConsolidationPreviewResponse,
  type ConsolidationReport,
  type CreateDocumentRequest,
  type DocumentResponse,
} from '@parley/contracts';
import { AuditedTransaction, type AuditActor, type Tx } from '../audit/audited-transaction';
import type { ClosedBallot } from '../decisions/ballot-subjects';
import type { Actor } from '../identity/actor';
import { PeopleService } from '../identity/people.service';
import { authorise, notFound, refuse, validationProblem } from '../platform/http/problem';
import type { AmendmentRow } from './amendment.repository';
import { AmendmentRepository } from './amendment.repository';
import { BracketRepository } from '../negotiation/brackets/bracket.repository';
import { DocumentReads } from './document-reads.service';
import { DocumentRepository } from './document.repository';
import { canConsolidate, canCreateDocument } from './drafting.policy';
import { DraftingStandings } from './drafting-standings';
import { actorRef, textDigest, toClause } from './drafting.mapper';
import { Clock } from '../platform/clock/clock';
import { AdoptionGuards } from './adoption-preflight';
import { deletionsToApply, markDivisionsConsolidated } from '../procedures/division/division.reads';
import { VersionVisibility } from '../procedures/publication/version-visibility';

/** The system closes ballots at their closing time: events it causes have no personal actor. */
export const SYSTEM_ACTOR: AuditActor = { id: null, name: null, snapshot: null };

/** An amendment row as the domain rules see it: written against the version it now applies to. */
export function toDomainAmendment(a: AmendmentRow): Amendment {
  switch (a.kind) {
    case 'replace':
      return { id: a.id, kind: 'replace', baseVersion: a.appliesToVersion, targetClauseId: a.targetClauseId as string, text: a.text as string };
    case 'insert':
      return { id: a.id, kind: 'insert', baseVersion: a.appliesToVersion, targetClauseId: a.targetClauseId, text: a.text as string, newClauseKind: a.newClauseKind ?? 'operative' };
    case 'delete':
      return { id: a.id, kind: 'delete', baseVersion: a.appliesToVersion, targetClauseId: a.targetClauseId as string };
  }
}

/**
 * What changes documents and versions: creation, consolidation and adoption, each in one audited
 * transaction. What they answer is read through DocumentReads.
 */
@Injectable()
export class DocumentService {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly amendments: AmendmentRepository,
    private readonly brackets: BracketRepository,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
    private readonly tx: AuditedTransaction,
    private readonly reads: DocumentReads,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly adoptionGuards: AdoptionGuards,
    private readonly visibility: VersionVisibility,
  ) {}

  async create(actor: Actor, workingGroupId: string, input: CreateDocumentRequest): Promise<DocumentResponse> {
    const id = await this.tx.run((tx) => this.createIn(tx, actor, workingGroupId, input));
    return this.reads.get(actor, id);
  }

  /**
   * Creates a document inside the caller's transaction, so that another context's write commits with
   * it (the meeting report: the document, the meeting's report column and its event together).
   */
  async createIn(tx: Tx, actor: Actor, workingGroupId: string, input: CreateDocumentRequest): Promise<string> {
    const clauses = input.clauses ?? clausesFromPastedText(input.pastedText ?? '');
    const field = input.clauses ? 'clauses' : 'pastedText';
    if (clauses.length === 0) throw validationProblem(field, 'no-paragraph');
    if (clauses.length > MAX_CLAUSES) throw validationProblem(field, 'too-many-clauses', { maximum: MAX_CLAUSES });
    const tooLong = clauses.findIndex((c) => c.text.length > MAX_CLAUSE_TEXT);
    if (tooLong !== -1) throw validationProblem(field, 'paragraph-too-long', { paragraph: tooLong + 1, maximum: MAX_CLAUSE_TEXT });
    const membersOnlyUntil = this.visibility.checkUntil(input.membersOnlyUntil);

    const standing = await this.standings.of(tx.manager, workingGroupId, actor.id, tx.now);
    const verdict = canCreateDocument(standing);
    authorise(verdict);
    const snapshot = standing.currentSnapshot!;
    const originalLanguage = input.originalLanguage ?? 'en';
    const document = await this.documents.insertDocument(tx.manager, { workingGroupId, title: input.title, createdBy: actor.id, snapshot, at: tx.now, originalLanguage });
    const version = await this.documents.insertVersion(tx.manager, { documentId: document.id, number: 1, createdBy: actor.id, snapshot, at: tx.now, consolidation: null, note: null });
    const withIds = clauses.map((c) => ({ clauseId: randomUUID(), kind: c.kind, text: c.text }));
    await this.documents.insertClauses(tx.manager, version.id, withIds);
    const membersOnly = await this.visibility.issue(tx, membersOnlyUntil, { versionId: version.id, documentId: document.id, by: actor.id, clauses: withIds.map(toClause) });
    await tx.record({
      scope: workingGroupScope(workingGroupId),
      actor: await this.people.auditActor(tx.manager, actor.id, tx.now),
      action: 'document.created',
      subjectType: 'document',
      subjectId: document.id,
      change: { documentId: document.id, title: document.title, version: 1, from: input.clauses ? 'clauses' : 'pasted-text', clauses: withIds.length, textDigest: textDigest(withIds.map(toClause)), ...membersOnly, originalLanguage },
    });
    return document.id;
  }

  /**
   * What consolidating now would do, computed exactly as `consolidate` does it: the domain's
   * deterministic consolidation of every accepted, not yet applied amendment, and which open
   * amendments would be outdated or carried forward. Reads only (`lock` takes the rows for the write).
   */
  private async plan(manager: EntityManager, doc: { id: string; currentVersion: number }, now: Date, lock: boolean) {
    const current = (await this.documents.findVersion(doc.id, doc.currentVersion, manager))!;
    const clauses = (await this.documents.clausesOf(current.id, manager)).map(toClause);
    const accepted = await this.amendments.acceptedUnapplied(manager, doc.id, lock);
    // Options chosen when brackets were removed (decision 0031) replace their passages after the amendments.
    const chosen = await this.brackets.chosenUnconsolidated(doc.id, manager);
    // Paragraphs whose separate vote failed (decision 0038) are deleted last, credited to that ballot.
    const divisions = await deletionsToApply(manager, doc.id, lock);
    if (accepted.length === 0 && chosen.length === 0 && divisions.length === 0) throw refuse('nothing-to-consolidate');

    const acceptedForDomain: AcceptedAmendment[] = accepted.map((a) => ({ ...toDomainAmendment(a), acceptedAt: (a.decidedAt ?? now).toISOString() }));
    // A clause an insertion creates takes the amendment's id: deterministic, and unique as amendment ids are.
    const amended = consolidate(clauses, acceptedForDomain, (a) => a.id);
    const optionOf = new Map(chosen.map((b) => [b.id, b.options.find((o) => o.id === b.chosenOptionId)!]));
    const choices = applyBracketChoices(
      amended.clauses,
      chosen.map((b) => ({ bracketId: b.id, clauseId: b.clauseId, passage: b.passage, hintStart: b.passageStart, text: optionOf.get(b.id)!.text, removedAt: b.removedAt!.toISOString() })),
    );
    const divided = applyDivisionDeletions(choices.clauses, divisions);
    const result = { ...amended, clauses: divided.clauses };
    const divisionDeletions = divisions.length === 0 ? undefined : divided.applied.map((a) => ({ ...a, ballotId: divisions.find((d) => d.id === a.divisionId)!.ballotId! }));
    const next = doc.currentVersion + 1;

    const { outdated, why, carriedForward } = await this.openAmendmentsAfter(manager, doc.id, next, result.clauses);
    for (const n of result.notApplied) why.set(n.amendmentId, { code: 'not-applied', params: { version: next, reason: n.reason } });
    const bracketChoices =
      chosen.length === 0
        ? undefined
        : {
            applied: choices.applied.map((c) => ({ ...c, optionId: optionOf.get(c.bracketId)!.id })),
            notApplied: choices.notApplied.map((c) => ({ ...c, optionId: optionOf.get(c.bracketId)!.id })),
          };
    const report: ConsolidationReport = { applied: result.applied, notApplied: result.notApplied, outdated, carriedForward, ...(bracketChoices ? { bracketChoices } : {}), ...(divisionDeletions ? { divisionDeletions } : {}) };
    return { current, before: clauses, accepted, result, next, outdated, why, carriedForward, report, bracketChoices, chosen, divisionDeletions };
  }

  /**
   * Which open amendments a next version's text outdates (its target clause gone or changed), with
   * the reason recorded on each, and which carry forward: the rule consolidation and chair's texts share.
   */
  async openAmendmentsAfter(manager: EntityManager, documentId: string, next: number, clauses: readonly Clause[]) {
    const outdated: ConsolidationReport['outdated'] = [];
    const why = new Map<string, AmendmentStatusReason>();
    const carriedForward: string[] = [];
    for (const open of await this.amendments.openOf(documentId, manager)) {
      const standingOf = amendmentStanding(toDomainAmendment(open), { number: next, clauses }, open.targetText);
      if (standingOf.status !== 'outdated') {
        carriedForward.push(open.id);
        continue;
      }
      outdated.push({ amendmentId: open.id, reason: standingOf.reason, note: standingOf.note });
      const since = open.appliesToVersion;
      why.set(open.id, standingOf.reason === 'target-deleted' ? { code: 'target-deleted', params: { since, kind: open.kind } } : { code: 'target-changed', params: { since } });
    }
    return { outdated, why, carriedForward };
  }

  /** Marks amendments outdated by version `next`, each with its reason and its `amendment.outdated` event, in the version's transaction. */
  async recordOutdated(
    tx: Tx,
    at: { scope: string; actor: AuditActor; documentId: string; next: number },
    gone: readonly { amendmentId: string; reason: string; note: string }[],
    why: ReadonlyMap<string, AmendmentStatusReason>,
  ): Promise<void> {
    for (const g of gone) {
      await this.amendments.setStatus(tx.manager, g.amendmentId, 'outdated', { note: g.note, reason: why.get(g.amendmentId)! });
      await tx.record({ scope: at.scope, actor: at.actor, action: 'amendment.outdated', subjectType: 'amendment', subjectId: g.amendmentId, change: { documentId: at.documentId, reason: g.reason, note: g.note, version: at.next } });
    }
  }

  /** The version consolidating would create now, before anyone creates it: its text compared with the current one, and the amendments applied. */
  async preview(actor: Actor | null, documentId: string): Promise<ConsolidationPreviewResponse> {
    const doc = await this.documents.findDocumentRow(documentId);
    if (!doc) throw notFound('document');
    (await this.visibility.lens(actor, doc)).assertReadable(doc.currentVersion);
    if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
    const manager = this.dataSource.manager;
    const p = await this.plan(manager, doc, this.clock.now(), false);
    const labels = clauseLabels(p.before.map((c) => ({ id: c.id, kind: c.kind, text: c.text })));
    const byId = new Map(p.accepted.map((a) => [a.id, a]));
    return {
      documentId: doc.id,
      comparison: { documentId: doc.id, from: doc.currentVersion, to: p.next, ...compareVersions(p.before, p.result.clauses), reopensAgreedLanguage: await this.reads.reopenedBetween(doc.id, doc.currentVersion, p.result.clauses) },
      applied: p.result.applied.map((x) => {
        const a = byId.get(x.amendmentId)!;
        return {
          amendmentId: a.id,
          kind: a.kind,
          clauseLabel: a.targetClauseId ? (labels.get(a.targetClauseId) ?? null) : null,
          author: actorRef(a.authorId, a.authorName, a.authorSnapshot),
          rationale: a.rationale,
        };
      }),
      report: p.report,
    };
  }

  /**
   * The next version: every accepted, not yet applied amendment applied by the domain's deterministic
   * consolidation, with the note its maker gives. Open amendments whose target changed become
   * outdated; the others carry forward.
   */
  async consolidate(actor: Actor, documentId: string, input: ConsolidateRequest = {}): Promise<DocumentResponse> {
    const membersOnlyUntil = this.visibility.checkUntil(input.membersOnlyUntil);
    await this.tx.run(async (tx) => {
      const doc = await this.documents.lockDocument(tx.manager, documentId);
      if (!doc) throw notFound('document');
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      const verdict = canConsolidate(standing);
      authorise(verdict);
      if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
      const openAdoption = await this.amendments.openAdoptionBallot(doc.id, tx.manager);
      if (openAdoption) throw refuse('adoption-ballot-open', { version: openAdoption.versionNumber, act: 'consolidate' });
      await this.adoptionGuards.beforeAdoption(tx.manager, doc.id, 'new-version');

      const { result, next, outdated, why, carriedForward, report, bracketChoices, chosen, divisionDeletions } = await this.plan(tx.manager, doc, tx.now, true);
      const note = input.note?.trim() || null;

      const snapshot = standing.currentSnapshot!;
      const version = await this.documents.insertVersion(tx.manager, { documentId: doc.id, number: next, createdBy: actor.id, snapshot, at: tx.now, consolidation: report, note });
      await this.documents.insertClauses(tx.manager, version.id, result.clauses.map((c) => ({ clauseId: c.id, kind: c.kind, text: c.text })));
      await this.documents.advanceVersion(tx.manager, doc.id, next);
      await this.amendments.markApplied(tx.manager, result.applied.map((a) => a.amendmentId), next);
      await this.amendments.carryForward(tx.manager, carriedForward, next);
      const membersOnly = await this.visibility.issue(tx, membersOnlyUntil, { versionId: version.id, documentId: doc.id, by: actor.id, clauses: result.clauses });

      const auditActor = await this.people.auditActor(tx.manager, actor.id, tx.now);
      const scope = workingGroupScope(doc.workingGroupId);
      await tx.record({
        scope,
        actor: auditActor,
        action: 'version.created',
        subjectType: 'version',
        subjectId: version.id,
        change: { documentId: doc.id, number: next, previous: doc.currentVersion, ...report, clauses: result.clauses.length, textDigest: textDigest(result.clauses), note, ...membersOnly },
      });
      const notApplied = result.notApplied.map((n) => ({ amendmentId: n.amendmentId, reason: n.reason, note: `Not applied in version ${next}: ${n.note}` }));
      await this.recordOutdated(tx, { scope, actor: auditActor, documentId: doc.id, next }, [...notApplied, ...outdated], why);
      if (bracketChoices) {
        await this.brackets.markConsolidated(tx.manager, next, bracketChoices.applied.map((c) => c.bracketId), bracketChoices.notApplied.map((c) => c.bracketId));
        const outcomes = [...bracketChoices.applied.map((c) => ({ ...c, outcome: 'applied' as const, note: null })), ...bracketChoices.notApplied.map((c) => ({ ...c, outcome: 'not-applied' as const }))];
        for (const b of chosen.filter((x) => outcomes.some((o) => o.bracketId === x.id))) {
          const o = outcomes.find((x) => x.bracketId === b.id)!;
          await tx.record({ scope, actor: auditActor, action: 'bracket.choice-consolidated', subjectType: 'bracket', subjectId: b.id, change: { documentId: doc.id, clauseId: b.clauseId, version: next, outcome: o.outcome, note: o.note } });
        }
      }
      if (divisionDeletions) {
        await markDivisionsConsolidated(tx.manager, divisionDeletions.map((d) => d.divisionId), next);
        for (const d of divisionDeletions) {
          await tx.record({ scope, actor: auditActor, action: 'division.applied', subjectType: 'division', subjectId: d.divisionId, change: { documentId: doc.id, version: next, ballotId: d.ballotId, clauseIds: d.clauseIds } });
        }
      }
    });
    return this.reads.get(actor, documentId);
  }

  /** Called inside the transaction that closes an adoption ballot: a passed ballot adopts and freezes the version. */
  async onAdoptionBallotClosed(tx: Tx, ballot: ClosedBallot): Promise<void> {
    const adoption = await this.amendments.findAdoptionBallot(tx.manager, ballot.id);
    if (!adoption) return;
    const doc = await this.documents.lockDocument(tx.manager, adoption.documentId);
    if (!doc) return;
    await this.amendments.closeAdoptionBallot(tx.manager, ballot.id, ballot.outcome, ballot.closedAt);
    if (ballot.outcome !== 'passed') return;
    await this.adopt(tx, doc, { versionId: adoption.versionId, number: adoption.versionNumber, at: ballot.closedAt, by: { ballotId: ballot.id, outcome: ballot.outcome, explanation: ballot.result.explanation } });
  }

  /**
   * Marks a version adopted, by a ballot that passed or by a silence procedure that held (decision
   * 0036), records `version.adopted`, and freezes the text: amendments still proposed can no longer
   * change it. Inside the caller's transaction, with the document locked.
   */
  async adopt(
    tx: Tx,
    doc: { id: string; workingGroupId: string },
    v: {
      versionId: string;
      number: number;
      at: Date;
      by: { ballotId: string; outcome: ClosedBallot['outcome']; explanation: string } | { silenceProcedureId: string; deadline: Date; explanation: string };
    },
  ): Promise<void> {
    await this.documents.markAdopted(tx.manager, doc.id, v.versionId, 'ballotId' in v.by ? { ballotId: v.by.ballotId } : { silenceId: v.by.silenceProcedureId }, v.at);
    const scope = workingGroupScope(doc.workingGroupId);
    await tx.record({
      scope,
      actor: SYSTEM_ACTOR,
      action: 'version.adopted',
      subjectType: 'version',
      subjectId: v.versionId,
      change:
        'ballotId' in v.by
          ? { documentId: doc.id, number: v.number, ballotId: v.by.ballotId, outcome: v.by.outcome, explanation: v.by.explanation }
          : { documentId: doc.id, number: v.number, silenceProcedureId: v.by.silenceProcedureId, deadline: v.by.deadline.toISOString(), outcome: 'passed', explanation: v.by.explanation },
    });
    for (const open of await this.amendments.openOf(doc.id, tx.manager)) {
      if (open.status !== 'proposed') continue;
      const note = `Version ${v.number} was adopted; its text is frozen.`;
      await this.amendments.setStatus(tx.manager, open.id, 'outdated', { note, reason: { code: 'version-adopted', params: { version: v.number } } });
      await tx.record({ scope, actor: SYSTEM_ACTOR, action: 'amendment.outdated', subjectType: 'amendment', subjectId: open.id, change: { documentId: doc.id, reason: 'version-adopted', note, version: v.number } });
    }
  }
}
