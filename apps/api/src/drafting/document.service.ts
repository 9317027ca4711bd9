import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  amendmentStanding,
  clausesFromPastedText,
  compareVersions,
  consolidate,
  numberClauses,
  traceProvenance,
  workingGroupScope,
  type AcceptedAmendment,
  type Amendment,
  type Clause,
  type Origin,
  type ProvenanceChain,
} from '@parley/domain';
import {
  MAX_CLAUSE_TEXT,
  MAX_CLAUSES,
  type AmendmentStatusReason,
  type ClauseHistoryEntry,
  type CompareResponse,
  type ConsolidationReport,
  type CreateDocumentRequest,
  type DocumentListResponse,
  type DocumentPermissions,
  type DocumentResponse,
  type DocumentSummary,
  type ProvenanceOriginResponse,
  type ProvenanceResponse,
  type VersionResponse,
} from '@parley/contracts';
import { AuditedTransaction, type AuditActor, type Tx } from '../audit/audited-transaction';
import type { ClosedBallot } from '../decisions/ballot-subjects';
import type { Actor } from '../identity/actor';
import { PeopleService } from '../identity/people.service';
import { Clock } from '../platform/clock/clock';
import { refusal, type Refusal } from '@parley/contracts';
import { authorise, notFound, refuse, stated, validationProblem } from '../platform/http/problem';
import type { AmendmentRow } from './amendment.repository';
import { AmendmentRepository } from './amendment.repository';
import type { DocumentEntity } from './document.entity';
import { DocumentRepository, type DocumentRow, type VersionRow } from './document.repository';
import { canAmend, canComment, canConsolidate, canCreateDocument, canDispose, canOpenBallot, type DraftingStanding } from './drafting.policy';
import { DraftingStandings } from './drafting-standings';
import { actorRef, textDigest, toVersionSummary } from './drafting.mapper';

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

const toClause = (c: { clauseId: string; kind: Clause['kind']; text: string }): Clause => ({ id: c.clauseId, kind: c.kind, text: c.text });

/** Documents and versions: creation, reading, comparison, consolidation, provenance and adoption. */
@Injectable()
export class DocumentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentRepository,
    private readonly amendments: AmendmentRepository,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, workingGroupId: string, input: CreateDocumentRequest): Promise<DocumentResponse> {
    const clauses = input.clauses ?? clausesFromPastedText(input.pastedText ?? '');
    const field = input.clauses ? 'clauses' : 'pastedText';
    if (clauses.length === 0) throw validationProblem(field, 'no-paragraph');
    if (clauses.length > MAX_CLAUSES) throw validationProblem(field, 'too-many-clauses', { maximum: MAX_CLAUSES });
    const tooLong = clauses.findIndex((c) => c.text.length > MAX_CLAUSE_TEXT);
    if (tooLong !== -1) throw validationProblem(field, 'paragraph-too-long', { paragraph: tooLong + 1, maximum: MAX_CLAUSE_TEXT });

    const id = await this.tx.run(async (tx) => {
      const standing = await this.standings.of(tx.manager, workingGroupId, actor.id, tx.now);
      const verdict = canCreateDocument(standing);
      authorise(verdict);
      const snapshot = standing.currentSnapshot!;
      const document = await this.documents.insertDocument(tx.manager, { workingGroupId, title: input.title, createdBy: actor.id, snapshot, at: tx.now });
      const version = await this.documents.insertVersion(tx.manager, { documentId: document.id, number: 1, createdBy: actor.id, snapshot, at: tx.now, consolidation: null });
      const withIds = clauses.map((c) => ({ clauseId: randomUUID(), kind: c.kind, text: c.text }));
      await this.documents.insertClauses(tx.manager, version.id, withIds);
      await tx.record({
        scope: workingGroupScope(workingGroupId),
        actor: await this.people.auditActor(tx.manager, actor.id, tx.now),
        action: 'document.created',
        subjectType: 'document',
        subjectId: document.id,
        change: { documentId: document.id, title: document.title, version: 1, from: input.clauses ? 'clauses' : 'pasted-text', clauses: withIds.length, textDigest: textDigest(withIds.map(toClause)) },
      });
      return document.id;
    });
    return this.get(actor, id);
  }

  async list(actor: Actor | null, workingGroupId: string): Promise<DocumentListResponse> {
    const standing = await this.standings.of(this.dataSource.manager, workingGroupId, actor?.id ?? null, this.clock.now());
    return { items: (await this.documents.listByGroup(workingGroupId)).map(toSummary), can: { create: canCreateDocument(standing) === true } };
  }

  /** A document read at one version (the current one by default), with per-clause counts and what the reader may do. */
  async get(actor: Actor | null, documentId: string, versionNumber?: number): Promise<DocumentResponse> {
    const doc = await this.documents.findDocumentRow(documentId);
    if (!doc) throw notFound('document');
    const version = await this.requireVersion(doc, versionNumber ?? doc.currentVersion);
    const [versions, standing, group] = await Promise.all([
      this.documents.versionsOf(doc.id),
      this.standings.of(this.dataSource.manager, doc.workingGroupId, actor?.id ?? null, this.clock.now()),
      this.standings.settings(this.dataSource.manager, doc.workingGroupId),
    ]);
    const openAdoption = await this.amendments.openAdoptionBallot(doc.id);
    return {
      ...toSummary(doc),
      workingGroup: { id: group.id, name: group.name },
      versions: versions.map(toVersionSummary),
      version: await this.versionResponse(doc, version, openAdoption?.versionNumber === version.number ? openAdoption.ballotId : null),
      can: permissions(standing, doc, version, actor !== null, openAdoption !== null),
    };
  }

  /** The latest adopted versions of every group, newest first. */
  async recentlyAdopted(limit: number): Promise<{ documentId: string; title: string; workingGroupId: string; version: number; adoptedAt: string }[]> {
    return (await this.documents.recentlyAdopted(limit)).map((r) => ({ ...r, adoptedAt: new Date(r.adoptedAt).toISOString() }));
  }

  /** Documents' titles by id (for other contexts that name a document). */
  titlesOf(ids: string[]): Promise<Map<string, string>> {
    return this.documents.titlesOf([...new Set(ids)]);
  }

  async version(documentId: string, n: number): Promise<VersionResponse> {
    const doc = await this.documents.findDocumentRow(documentId);
    if (!doc) throw notFound('document');
    const version = await this.requireVersion(doc, n);
    const openAdoption = await this.amendments.openAdoptionBallot(doc.id);
    return this.versionResponse(doc, version, openAdoption?.versionNumber === n ? openAdoption.ballotId : null);
  }

  async compare(documentId: string, from: number, to: number): Promise<CompareResponse> {
    const doc = await this.documents.findDocumentRow(documentId);
    if (!doc) throw notFound('document');
    const [a, b] = await Promise.all([this.requireVersion(doc, from, 'from'), this.requireVersion(doc, to, 'to')]);
    const [before, after] = await Promise.all([this.documents.clausesOf(a.id), this.documents.clausesOf(b.id)]);
    return { documentId, from, to, ...compareVersions(before.map(toClause), after.map(toClause)) };
  }

  /**
   * The next version: every accepted, not yet applied amendment applied by the domain's deterministic
   * consolidation. Open amendments whose target changed become outdated; the others carry forward.
   */
  async consolidate(actor: Actor, documentId: string): Promise<DocumentResponse> {
    await this.tx.run(async (tx) => {
      const doc = await this.documents.lockDocument(tx.manager, documentId);
      if (!doc) throw notFound('document');
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      const verdict = canConsolidate(standing);
      authorise(verdict);
      if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
      const openAdoption = await this.amendments.openAdoptionBallot(doc.id, tx.manager);
      if (openAdoption) throw refuse('adoption-ballot-open', { version: openAdoption.versionNumber, act: 'consolidate' });

      const current = (await this.documents.findVersion(doc.id, doc.currentVersion, tx.manager))!;
      const clauses = (await this.documents.clausesOf(current.id, tx.manager)).map(toClause);
      const accepted = await this.amendments.acceptedUnapplied(tx.manager, doc.id);
      if (accepted.length === 0) throw refuse('nothing-to-consolidate');

      const acceptedForDomain: AcceptedAmendment[] = accepted.map((a) => ({ ...toDomainAmendment(a), acceptedAt: (a.decidedAt ?? tx.now).toISOString() }));
      // A clause an insertion creates takes the amendment's id: deterministic, and unique as amendment ids are.
      const result = consolidate(clauses, acceptedForDomain, (a) => a.id);
      const next = doc.currentVersion + 1;

      const outdated: ConsolidationReport['outdated'] = [];
      const why = new Map<string, AmendmentStatusReason>();
      const carriedForward: string[] = [];
      for (const open of await this.amendments.openOf(doc.id, tx.manager)) {
        const standingOf = amendmentStanding(toDomainAmendment(open), { number: next, clauses: result.clauses }, open.targetText);
        if (standingOf.status !== 'outdated') {
          carriedForward.push(open.id);
          continue;
        }
        outdated.push({ amendmentId: open.id, reason: standingOf.reason, note: standingOf.note });
        const since = open.appliesToVersion;
        why.set(open.id, standingOf.reason === 'target-deleted' ? { code: 'target-deleted', params: { since, kind: open.kind } } : { code: 'target-changed', params: { since } });
      }
      for (const n of result.notApplied) why.set(n.amendmentId, { code: 'not-applied', params: { version: next, reason: n.reason } });
      const report: ConsolidationReport = { applied: result.applied, notApplied: result.notApplied, outdated, carriedForward };

      const snapshot = standing.currentSnapshot!;
      const version = await this.documents.insertVersion(tx.manager, { documentId: doc.id, number: next, createdBy: actor.id, snapshot, at: tx.now, consolidation: report });
      await this.documents.insertClauses(tx.manager, version.id, result.clauses.map((c) => ({ clauseId: c.id, kind: c.kind, text: c.text })));
      await this.documents.advanceVersion(tx.manager, doc.id, next);
      await this.amendments.markApplied(tx.manager, result.applied.map((a) => a.amendmentId), next);
      await this.amendments.carryForward(tx.manager, carriedForward, next);

      const auditActor = await this.people.auditActor(tx.manager, actor.id, tx.now);
      const scope = workingGroupScope(doc.workingGroupId);
      await tx.record({
        scope,
        actor: auditActor,
        action: 'version.created',
        subjectType: 'version',
        subjectId: version.id,
        change: { documentId: doc.id, number: next, previous: doc.currentVersion, ...report, clauses: result.clauses.length, textDigest: textDigest(result.clauses) },
      });
      for (const gone of [...result.notApplied.map((n) => ({ amendmentId: n.amendmentId, reason: n.reason, note: `Not applied in version ${next}: ${n.note}` })), ...outdated]) {
        await this.amendments.setStatus(tx.manager, gone.amendmentId, 'outdated', { note: gone.note, reason: why.get(gone.amendmentId)! });
        await tx.record({ scope, actor: auditActor, action: 'amendment.outdated', subjectType: 'amendment', subjectId: gone.amendmentId, change: { documentId: doc.id, reason: gone.reason, note: gone.note, version: next } });
      }
    });
    return this.get(actor, documentId);
  }

  /** Who wrote each word of version `n`, with totals by stakeholder group, sub-type and organisation, and each clause's history. */
  async provenance(documentId: string, n: number): Promise<ProvenanceResponse> {
    const doc = await this.documents.findDocumentRow(documentId);
    if (!doc) throw notFound('document');
    const target = await this.requireVersion(doc, n);
    const [byVersion, versions, applied] = await Promise.all([this.documents.clausesUpTo(doc.id, n), this.documents.versionsOf(doc.id), this.amendments.appliedUpTo(doc.id, n)]);
    const appliedById = new Map(applied.map((a) => [a.id, a]));
    const first = versions.find((v) => v.number === 1)!;
    const chain: ProvenanceChain = {
      original: { clauses: (byVersion.get(1) ?? []).map(toClause), author: { authorId: first.createdBy, snapshot: first.authorSnapshot } },
      revisions: versions
        .filter((v) => v.number > 1 && v.number <= n)
        .map((v) => ({
          version: v.number,
          clauses: (byVersion.get(v.number) ?? []).map(toClause),
          amendments: (v.consolidation?.applied ?? []).flatMap((x) => {
            const a = appliedById.get(x.amendmentId);
            return a ? [{ amendmentId: a.id, clauseId: x.clauseId, author: { authorId: a.authorId, snapshot: a.authorSnapshot } }] : [];
          }),
        })),
    };
    const traced = traceProvenance(chain);
    const clauses = byVersion.get(n) ?? [];
    const labels = new Map(numberClauses(clauses.map(toClause)).map((c) => [c.id, c]));
    const history = await this.amendments.historyOf(doc.id, clauses.map((c) => c.clauseId));
    const names = await this.namesOf([first.createdBy, ...applied.map((a) => a.authorId), ...history.map((h) => h.authorId)]);
    const origin = (o: Origin): ProvenanceOriginResponse =>
      o.kind === 'original'
        ? { kind: 'original', version: 1, author: actorRef(o.authorId, names.get(o.authorId) ?? null, o.snapshot) }
        : { kind: 'amendment', amendmentId: o.amendmentId, version: o.version, author: actorRef(o.authorId, names.get(o.authorId) ?? null, o.snapshot) };
    const historyOf = (clauseId: string): ClauseHistoryEntry[] =>
      history
        .filter((h) => (h.kind === 'insert' ? h.id === clauseId : h.targetClauseId === clauseId))
        .filter((h) => h.baseVersion <= n)
        .map((h) => ({
          amendmentId: h.id,
          kind: h.kind,
          status: h.status,
          author: actorRef(h.authorId, h.authorName, h.authorSnapshot),
          baseVersion: h.baseVersion,
          ballotId: h.ballotId,
          decidedAt: h.decidedAt?.toISOString() ?? null,
          appliedInVersion: h.appliedInVersion,
        }));
    return {
      documentId: doc.id,
      version: target.number,
      clauses: traced.clauses.map((c) => ({
        clauseId: c.clauseId,
        kind: labels.get(c.clauseId)?.kind ?? 'operative',
        label: labels.get(c.clauseId)?.label ?? null,
        words: c.words,
        segments: c.segments.map((s) => ({ text: s.text, words: s.words, origin: origin(s.origin) })),
        history: historyOf(c.clauseId),
      })),
      totals: traced.totals,
      headline: traced.headline,
    };
  }

  /** Called inside the transaction that closes an adoption ballot: a passed ballot adopts and freezes the version. */
  async onAdoptionBallotClosed(tx: Tx, ballot: ClosedBallot): Promise<void> {
    const adoption = await this.amendments.findAdoptionBallot(tx.manager, ballot.id);
    if (!adoption) return;
    const doc = await this.documents.lockDocument(tx.manager, adoption.documentId);
    if (!doc) return;
    await this.amendments.closeAdoptionBallot(tx.manager, ballot.id, ballot.outcome, ballot.closedAt);
    if (ballot.outcome !== 'passed') return;
    await this.documents.markAdopted(tx.manager, doc.id, adoption.versionId, ballot.id, ballot.closedAt);
    const scope = workingGroupScope(doc.workingGroupId);
    await tx.record({
      scope,
      actor: SYSTEM_ACTOR,
      action: 'version.adopted',
      subjectType: 'version',
      subjectId: adoption.versionId,
      change: { documentId: doc.id, number: adoption.versionNumber, ballotId: ballot.id, outcome: ballot.outcome, explanation: ballot.result.explanation },
    });
    // The text is frozen: amendments still proposed can no longer change it.
    for (const open of await this.amendments.openOf(doc.id, tx.manager)) {
      if (open.status !== 'proposed') continue;
      const note = `Version ${adoption.versionNumber} was adopted; its text is frozen.`;
      await this.amendments.setStatus(tx.manager, open.id, 'outdated', { note, reason: { code: 'version-adopted', params: { version: adoption.versionNumber } } });
      await tx.record({ scope, actor: SYSTEM_ACTOR, action: 'amendment.outdated', subjectType: 'amendment', subjectId: open.id, change: { documentId: doc.id, reason: 'version-adopted', note, version: adoption.versionNumber } });
    }
  }

  async requireVersion(doc: Pick<DocumentEntity, 'id'>, n: number, field?: string, manager?: EntityManager): Promise<VersionRow> {
    const version = await this.documents.findVersion(doc.id, n, manager);
    if (!version) throw field ? validationProblem(field, 'no-such-version', { version: n }) : refuse('version-not-found', { version: n });
    return version;
  }

  private async versionResponse(doc: DocumentRow, version: VersionRow, openAdoptionBallotId: string | null): Promise<VersionResponse> {
    const isCurrent = version.number === doc.currentVersion;
    const [clauses, counts, markers, acceptedWaiting] = await Promise.all([
      this.documents.clausesOf(version.id),
      this.documents.clauseCounts(doc.id, version.number),
      this.documents.amendmentMarkers(doc.id, version.number),
      isCurrent ? this.documents.acceptedWaiting(doc.id) : Promise.resolve(0),
    ]);
    return {
      ...toVersionSummary(version),
      documentId: doc.id,
      workingGroupId: doc.workingGroupId,
      isCurrent,
      openAdoptionBallotId,
      acceptedWaiting,
      adoptionBallotId: version.adoptionBallotId,
      consolidation: version.consolidation,
      clauses: numberClauses(clauses.map(toClause)).map((c, position) => ({
        id: c.id,
        kind: c.kind,
        text: c.text,
        position,
        label: c.label,
        counts: counts.get(c.id) ?? { comments: 0, earlierComments: 0, unansweredClarifications: 0 },
        amendments: markers.get(c.id) ?? { open: 0, balloting: 0, accepted: 0 },
      })),
    };
  }

  private async namesOf(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await this.dataSource.query(`SELECT id, name FROM people WHERE id = ANY($1::uuid[])`, [unique]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

const toSummary = (d: DocumentRow): DocumentSummary => ({
  id: d.id,
  workingGroupId: d.workingGroupId,
  title: d.title,
  status: d.status,
  currentVersion: d.currentVersion,
  adoptedVersion: d.adoptedVersion,
  clauseCount: d.clauseCount,
  createdAt: d.createdAt.toISOString(),
  createdBy: actorRef(d.createdBy, d.authorName, d.authorSnapshot),
});

/** What the reader may do on this version of this document, from the drafting policy. */
function permissions(s: DraftingStanding, doc: DocumentRow, version: VersionRow, signedIn: boolean, adoptionBallotOpen: boolean): DocumentPermissions {
  const editable = doc.status === 'drafting' && version.number === doc.currentVersion;
  const comment = canComment(s);
  const amend = canAmend(s);
  const frozen = doc.adoptedVersion ?? doc.currentVersion;
  const refusedHere: Refusal | null = !signedIn
    ? refusal('sign-in')
    : doc.status === 'adopted'
      ? refusal('version-frozen', { version: frozen })
      : version.number !== doc.currentVersion
        ? refusal('not-current-version', { version: version.number, current: doc.currentVersion, act: 'view' })
        : comment !== true
          ? comment
          : amend !== true
            ? amend
            : null;
  const why = refusedHere === null ? null : stated(refusedHere);
  return {
    comment: editable && comment === true,
    amend: editable && amend === true,
    dispose: canDispose(s) === true,
    consolidate: doc.status === 'drafting' && canConsolidate(s) === true && !adoptionBallotOpen,
    openAmendmentBallot: doc.status === 'drafting' && canOpenBallot(s) === true,
    openAdoptionBallot: editable && canOpenBallot(s) === true && !adoptionBallotOpen,
    reason: why === true || why === null ? null : why.detail,
    reasonCode: why === true || why === null ? null : { code: why.code, params: why.params },
  };
}
