import { AdoptionGuards } from './adoption-preflight';
import { Injectable } from '@nestjs/common';
import { disassociationsByClause } from '../procedures/explanations/explanations.reads';
import { DataSource, EntityManager } from 'typeorm';
import {
  compareVersions,
  numberClauses,
  precedentKey,
  type PrecedentSource,
  reopenedPrecedents,
  traceClausesAt,
  traceProvenance,
  type Clause,
  type Origin,
  type ProvenanceChain,
} from '@parley/domain';
import {
  refusal,
  type ClauseHistoryEntry,
  type CompareResponse,
  type DocumentListResponse,
  type DocumentPermissions,
  type DocumentResponse,
  type DocumentSummary,
  type ProvenanceOriginResponse,
  type ProvenanceResponse,
  type Refusal,
  type VersionResponse,
  type VersionSummary,
} from '@parley/contracts';
import type { Actor } from '../identity/actor';
import { Clock } from '../platform/clock/clock';
import { notFound, refuse, stated, validationProblem } from '../platform/http/problem';
import { AmendmentRepository, type AmendmentRow } from './amendment.repository';
import type { DocumentEntity, VersionClauseEntity } from './document.entity';
import { BracketRepository } from '../negotiation/brackets/bracket.repository';
import { DocumentRepository, type DocumentRow, type VersionRow } from './document.repository';
import { canAmend, canComment, canConsolidate, canCreateDocument, canDispose, canOpenBallot, type DraftingStanding } from './drafting.policy';
import { DraftingStandings } from './drafting-standings';
import { actorRef, toClause, toVersionSummary } from './drafting.mapper';
import { canAgreeAdRef, canSetClauseStatus } from '../negotiation/clause-status/clause-status.policy';
import { clauseNegotiationOf, countsOf, readNegotiation } from '../negotiation/clause-status/clause-status.reads';
import { VersionVisibility, type VersionLens } from '../procedures/publication/version-visibility';
import { Citations } from './citations';
import type { CitationRow } from './citations.repository';

/** Documents and versions as read: one document, a group's list, a version, a comparison, provenance, recent adoptions. */
@Injectable()
export class DocumentReads {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentRepository,
    private readonly amendments: AmendmentRepository,
    private readonly standings: DraftingStandings,
    private readonly clock: Clock,
    private readonly brackets: BracketRepository,
    private readonly adoptionGuards: AdoptionGuards,
    private readonly visibility: VersionVisibility,
    private readonly citations: Citations,
  ) {}

  async list(actor: Actor | null, workingGroupId: string): Promise<DocumentListResponse> {
    const standing = await this.standings.of(this.dataSource.manager, workingGroupId, actor?.id ?? null, this.clock.now());
    return { items: (await this.documents.listByGroup(workingGroupId)).map(toSummary), can: { create: canCreateDocument(standing) === true } };
  }

  /** A document read at one version (the current one by default), with per-clause counts and what the reader may do. */
  async get(actor: Actor | null, documentId: string, versionNumber?: number): Promise<DocumentResponse> {
    const doc = await this.documents.findDocumentRow(documentId);
    if (!doc) throw notFound('document');
    // Everything that needs only the document, read at once: a reader waits for three round trips, not six.
    const [version, versions, standing, group, lens, openAdoption, silenceUnderWay] = await Promise.all([
      this.requireVersion(doc, versionNumber ?? doc.currentVersion),
      this.documents.versionsOf(doc.id),
      this.standings.of(this.dataSource.manager, doc.workingGroupId, actor?.id ?? null, this.clock.now()),
      this.standings.settings(this.dataSource.manager, doc.workingGroupId),
      this.visibility.lens(actor, doc),
      this.amendments.openAdoptionBallot(doc.id),
      this.adoptionGuards.anyUnderWay(this.dataSource.manager, doc.id),
    ]);
    // A silence procedure under way puts the version to adoption too (decision 0036): no ballot, no consolidation meanwhile.
    const adoptionUnderWay = openAdoption !== null || silenceUnderWay;
    return {
      ...toSummary(doc),
      workingGroup: { id: group.id, name: group.name },
      versions: versions.map((v) => withPublication(toVersionSummary(v), lens)),
      // A version kept to members is shown to others as a placeholder: its terms and fingerprint, no text.
      version: await this.versionResponse(doc, version, openAdoption?.versionNumber === version.number ? openAdoption.ballotId : null, lens),
      can: permissions(standing, doc, version, actor !== null, adoptionUnderWay),
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

  async version(actor: Actor | null, documentId: string, n: number): Promise<VersionResponse> {
    const doc = await this.documents.findDocumentRow(documentId);
    if (!doc) throw notFound('document');
    const version = await this.requireVersion(doc, n);
    const lens = await this.visibility.lens(actor, doc);
    lens.assertReadable(n);
    const openAdoption = await this.amendments.openAdoptionBallot(doc.id);
    return this.versionResponse(doc, version, openAdoption?.versionNumber === n ? openAdoption.ballotId : null, lens);
  }

  async compare(actor: Actor | null, documentId: string, from: number, to: number): Promise<CompareResponse> {
    const doc = await this.documents.findDocumentRow(documentId);
    if (!doc) throw notFound('document');
    const [a, b] = await Promise.all([this.requireVersion(doc, from, 'from'), this.requireVersion(doc, to, 'to')]);
    (await this.visibility.lens(actor, doc)).assertReadable(from, to);
    const [before, after] = await Promise.all([this.documents.clausesOf(a.id), this.documents.clausesOf(b.id)]);
    return {
      documentId,
      from,
      to,
      ...compareVersions(before.map(toClause), after.map(toClause)),
      // Reopening is a change made after agreement: read backwards (from > to) nothing is reopened (decision 0054).
      reopensAgreedLanguage: from < to ? await this.reopenedBetween(doc.id, from, after.map(toClause)) : [],
    };
  }

  /**
   * "Reopens agreed language" (decision 0054): the clauses whose precedent words in version `from`
   * the clauses `after` change or delete, each with the adopted text reopened. Nothing is traced for a
   * document in which nothing was ever cited.
   */
  async reopenedBetween(documentId: string, from: number, after: readonly Clause[]): Promise<CompareResponse['reopensAgreedLanguage']> {
    // Only clauses that ever received a citation can hold precedent: one query, and no trace when there are none.
    const citedClauses = await this.citations.citedClauseIds(documentId);
    if (citedClauses.size === 0) return [];
    const { chain, citations } = await this.provenanceChain(documentId, from);
    const before = traceClausesAt(chain, new Set([from]), citedClauses).get(from) ?? new Map();
    const texts = new Map(after.map((c) => [c.id, c.text]));
    const found = [...before.values()].flatMap((clause) =>
      reopenedPrecedents(clause, texts.get(clause.clauseId) ?? null).map((source) => ({ clauseId: clause.clauseId, source })),
    );
    if (found.length === 0) return [];
    const pedigrees = await this.citations.pedigreesOf(citations);
    return found.map((f) => ({ clauseId: f.clauseId, pedigree: pedigrees.get(precedentKey(f.source))! }));
  }

  /** Who wrote each word of version `n`, with totals by stakeholder group, sub-type and organisation, and each clause's history. */
  async provenance(actor: Actor | null, documentId: string, n: number): Promise<ProvenanceResponse> {
    const doc = await this.documents.findDocumentRow(documentId);
    if (!doc) throw notFound('document');
    const target = await this.requireVersion(doc, n);
    (await this.visibility.lens(actor, doc)).assertReadable(n);
    const { chain, byVersion, versions, applied, citations } = await this.provenanceChain(doc.id, n);
    const pedigrees = await this.citations.pedigreesOf(citations);
    const first = versions.find((v) => v.number === 1)!;
    const traced = traceProvenance(chain);
    const clauses = byVersion.get(n) ?? [];
    const labels = new Map(numberClauses(clauses.map(toClause)).map((c) => [c.id, c]));
    const history = await this.amendments.historyOf(
      doc.id,
      clauses.map((c) => c.clauseId),
    );
    const disassociated = await disassociationsByClause(this.dataSource.manager, doc.id, n, clauses.map(toClause));
    const penHolders = versions.flatMap((v) => (v.chairsText ? [v.chairsText.penHolderId] : []));
    const names = await this.namesOf([first.createdBy, ...applied.map((a) => a.authorId), ...history.map((h) => h.authorId), ...penHolders]);
    const origin = (o: Origin): ProvenanceOriginResponse => {
      const author = actorRef(o.authorId, names.get(o.authorId) ?? null, o.snapshot);
      switch (o.kind) {
        case 'original':
          return { kind: 'original', version: 1, author };
        case 'amendment':
          return { kind: 'amendment', amendmentId: o.amendmentId, version: o.version, author };
        case 'chairs-text':
          return { kind: 'chairs-text', version: o.version, label: o.label, office: o.office, author };
        case 'precedent':
          return { kind: 'precedent', version: o.version, pedigree: pedigrees.get(precedentKey(o.source))!, author, amendmentId: o.amendmentId };
      }
    };
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
        ...(disassociated.has(c.clauseId) ? { disassociation: disassociated.get(c.clauseId) } : {}),
      })),
      totals: traced.totals,
      headline: traced.headline,
    };
  }

  /**
   * Versions 1 to `n` of a document as provenance reads them (also the Word export's tracked changes):
   * each version's clauses and the amendments (or chosen bracket options) applied to make it, with
   * their authors. No visibility check: callers check the reader may read the versions they show.
   */
  async provenanceChain(
    documentId: string,
    n: number,
  ): Promise<{
    chain: ProvenanceChain;
    byVersion: Map<number, VersionClauseEntity[]>;
    versions: VersionRow[];
    applied: AmendmentRow[];
    citations: CitationRow[];
  }> {
    const [byVersion, versions, applied, citations] = await Promise.all([
      this.documents.clausesUpTo(documentId, n),
      this.documents.versionsOf(documentId),
      this.amendments.appliedUpTo(documentId, n),
      this.citations.ofDocument(documentId),
    ]);
    // Agreed language the applied amendments and the chair's texts quoted, as recorded when they were proposed (decision 0054).
    // Indexed once by amendment and by version: no scan of every citation per amendment.
    const byAmendment = new Map<string, { passage: string; source: PrecedentSource }[]>();
    const byVersionId = new Map<string, { clauseId: string; passage: string; source: PrecedentSource }[]>();
    for (const c of citations) {
      if (c.amendmentId) byAmendment.set(c.amendmentId, [...(byAmendment.get(c.amendmentId) ?? []), { passage: c.passage, source: c.source }]);
      if (c.versionId) byVersionId.set(c.versionId, [...(byVersionId.get(c.versionId) ?? []), { clauseId: c.clauseId, passage: c.passage, source: c.source }]);
    }
    const citedBy = (amendmentId: string) => byAmendment.get(amendmentId) ?? [];
    const citedIn = (versionId: string) => byVersionId.get(versionId) ?? [];
    const appliedById = new Map(applied.map((a) => [a.id, a]));
    // Words a chosen option brought in (decision 0031) are its proposer's; a clause one of the version's amendments also rewrote credits that amendment.
    const chosen = versions.filter((v) => v.number <= n).flatMap((v) => v.consolidation?.bracketChoices?.applied ?? []);
    const optionAuthors = await this.brackets.optionAuthors(chosen.map((c) => c.optionId));
    const first = versions.find((v) => v.number === 1)!;
    const chain: ProvenanceChain = {
      original: { clauses: (byVersion.get(1) ?? []).map(toClause), author: { authorId: first.createdBy, snapshot: first.authorSnapshot } },
      revisions: versions
        .filter((v) => v.number > 1 && v.number <= n)
        .map((v) => ({
          version: v.number,
          clauses: (byVersion.get(v.number) ?? []).map(toClause),
          amendments: [
            ...(v.consolidation?.applied ?? []).flatMap((x) => {
              const a = appliedById.get(x.amendmentId);
              return a
                ? [{ amendmentId: a.id, clauseId: x.clauseId, author: { authorId: a.authorId, snapshot: a.authorSnapshot }, citations: citedBy(a.id) }]
                : [];
            }),
            ...(v.consolidation?.bracketChoices?.applied ?? [])
              .filter(
                (c, i, all) =>
                  !(v.consolidation?.applied ?? []).some((x) => x.clauseId === c.clauseId) && all.findIndex((o) => o.clauseId === c.clauseId) === i,
              )
              .flatMap((c) => {
                const author = optionAuthors.get(c.optionId);
                return author ? [{ amendmentId: c.optionId, clauseId: c.clauseId, author }] : [];
              }),
          ],
          chairsText: v.chairsText && {
            label: v.chairsText.label,
            office: v.chairsText.office,
            penHolder: { authorId: v.chairsText.penHolderId, snapshot: v.chairsText.penHolderSnapshot },
            citations: citedIn(v.id),
          },
        })),
    };
    return { chain, byVersion, versions, applied, citations };
  }

  /** Version `n` of the document, or a refusal (a field problem when `field` names where `n` came from). */
  async requireVersion(doc: Pick<DocumentEntity, 'id'>, n: number, field?: string, manager?: EntityManager): Promise<VersionRow> {
    const version = await this.documents.findVersion(doc.id, n, manager);
    if (!version) throw field ? validationProblem(field, 'no-such-version', { version: n }) : refuse('version-not-found', { version: n });
    return version;
  }

  private async versionResponse(doc: DocumentRow, version: VersionRow, openAdoptionBallotId: string | null, lens: VersionLens): Promise<VersionResponse> {
    const isCurrent = version.number === doc.currentVersion;
    const adopted = doc.status === 'adopted';
    const withheld = lens.withheld(version.number);
    const [clauses, counts, markers, acceptedWaiting, negotiation] = await Promise.all([
      withheld ? Promise.resolve([]) : this.documents.clausesOf(version.id),
      this.documents.clauseCounts(doc.id, version.number),
      this.documents.amendmentMarkers(doc.id, version.number),
      isCurrent ? this.documents.acceptedWaiting(doc.id) : Promise.resolve(0),
      readNegotiation(this.dataSource.manager, { id: doc.id, adopted }, version, this.clock.now()),
    ]);
    const numbered = numberClauses(clauses.map(toClause)).map((c, position) => ({
      id: c.id,
      kind: c.kind,
      text: c.text,
      position,
      label: c.label,
      counts: counts.get(c.id) ?? { comments: 0, earlierComments: 0, unansweredClarifications: 0 },
      amendments: markers.get(c.id) ?? { open: 0, balloting: 0, accepted: 0 },
      negotiation: clauseNegotiationOf(negotiation, c.id, adopted),
    }));
    return {
      ...withPublication(toVersionSummary(version), lens),
      documentId: doc.id,
      workingGroupId: doc.workingGroupId,
      isCurrent,
      openAdoptionBallotId,
      acceptedWaiting,
      adoptionBallotId: version.adoptionBallotId,
      adoptionSilence: version.adoptionSilence ? { id: version.adoptionSilence.id, deadline: version.adoptionSilence.deadline.toISOString() } : null,
      consolidation: version.consolidation,
      clauses: numbered,
      negotiation: countsOf(numbered, adopted),
    };
  }

  /** People's names by id (for files that name authors). */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await this.dataSource.query(`SELECT id, name FROM people WHERE id = ANY($1::uuid[])`, [unique]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

/** A version's summary with its publication terms as this reader is told them (decision 0041); unchanged for a version issued public. */
function withPublication<V extends VersionSummary>(v: V, lens: VersionLens): V {
  const publication = lens.view(v.number);
  return publication ? { ...v, publication } : v;
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
    negotiation: {
      setStatus: editable && canSetClauseStatus(s) === true,
      agreeAdRef: editable && canAgreeAdRef(s) === true,
      delegation: s.currentSnapshot ? { organisationId: s.currentSnapshot.organisationId, organisationName: s.currentSnapshot.organisationName } : null,
    },
  };
}
