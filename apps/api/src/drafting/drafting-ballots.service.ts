import { Injectable, OnModuleInit } from '@nestjs/common';
import { clauseLabels } from '@parley/domain';
import { DataSource } from 'typeorm';
import {
  type AdoptionPreflightResponse,
  type AmendmentResponse,
  type OpenAdoptionBallotRequest,
  type OpenAmendmentBallotRequest,
  type OpenedBallotResponse,
} from '@parley/contracts';
import { AuditedTransaction } from '../audit/audited-transaction';
import { BallotSubjects } from '../decisions/ballot-subjects';
import { BallotService } from '../decisions/ballot.service';
import type { OpenBallotSpec } from '../decisions/open-ballot-spec';
import type { Actor } from '../identity/actor';
import { authorise, notFound, refuse } from '../platform/http/problem';
import { AmendmentRepository } from './amendment.repository';
import { AdoptionGuards, AdoptionPreflight } from './adoption-preflight';
import { votingOrderVerdict } from '../procedures/voting-order/voting-order.reads';
import { Clock } from '../platform/clock/clock';
import { readTogether } from '../platform/database/read-together';
import { AmendmentService } from './amendment.service';
import { DocumentRepository } from './document.repository';
import { DocumentReads } from './document-reads.service';
import { DocumentService } from './document.service';
import { canOpenBallot } from './drafting.policy';
import { DraftingBallotViews } from './drafting-ballot-views';
import { DraftingStandings } from './drafting-standings';

/** A drafting ballot closes a week after it opens unless the chair says otherwise. */
export const DEFAULT_BALLOT_DAYS = 7;

type BallotOptions = OpenAmendmentBallotRequest;

export function ballotTerms(o: BallotOptions, now: Date): Pick<OpenBallotSpec, 'closesAt' | 'rule' | 'quorum' | 'visibility' | 'tallies' | 'requireReasonForNo'> {
  return {
    closesAt: o.closesAt ? new Date(o.closesAt) : new Date(now.getTime() + DEFAULT_BALLOT_DAYS * 86_400_000),
    ...(o.rule ? { rule: o.rule } : {}),
    ...(o.quorum !== undefined ? { quorum: o.quorum } : {}),
    ...(o.visibility ? { visibility: o.visibility } : {}),
    ...(o.tallies ? { tallies: o.tallies } : {}),
    ...(o.requireReasonForNo !== undefined ? { requireReasonForNo: o.requireReasonForNo } : {}),
  };
}

export const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/**
 * Where drafting meets the decision engine: a chair opens a ballot on an amendment or on adopting a
 * version (inside the drafting transaction), and the engine's close calls back into drafting.
 */
import { VersionVisibility } from '../procedures/publication/version-visibility';
@Injectable()
export class DraftingBallots implements OnModuleInit {
  constructor(
    private readonly ballots: BallotService,
    private readonly subjects: BallotSubjects,
    private readonly documents: DocumentRepository,
    private readonly amendments: AmendmentRepository,
    private readonly documentService: DocumentService,
    private readonly documentReads: DocumentReads,
    private readonly amendmentService: AmendmentService,
    private readonly standings: DraftingStandings,
    private readonly tx: AuditedTransaction,
    private readonly views: DraftingBallotViews,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly preflight: AdoptionPreflight,
    private readonly adoptionGuards: AdoptionGuards,
    private readonly visibility: VersionVisibility,
  ) {}

  onModuleInit(): void {
    this.subjects.register('amendment', { onClosed: (tx, ballot) => this.amendmentService.onBallotClosed(tx, ballot), view: (ballot) => this.views.amendment(ballot.subjectId) });
    this.subjects.register('adoption', { onClosed: (tx, ballot) => this.documentService.onAdoptionBallotClosed(tx, ballot), view: (ballot) => this.views.adoption(ballot.subjectId) });
  }

  /** A chair puts a proposed amendment to the vote; it is then `balloting` and can no longer be withdrawn. */
  async openAmendmentBallot(actor: Actor, amendmentId: string, options: OpenAmendmentBallotRequest): Promise<AmendmentResponse> {
    await this.tx.run(async (tx) => {
      const probe = await this.amendments.findRow(amendmentId, tx.manager);
      if (!probe) throw notFound('amendment');
      const doc = (await this.documents.lockDocument(tx.manager, probe.documentId))!;
      const amendment = (await this.amendments.lock(tx.manager, amendmentId))!;
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      const verdict = canOpenBallot(standing);
      authorise(verdict);
      if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
      if (amendment.status !== 'proposed') throw refuse('not-proposed', { status: amendment.status, act: 'ballot' });
      authorise(await votingOrderVerdict(tx.manager, amendment));
      await this.visibility.assertPublished(doc.id, amendment.baseVersion, tx.manager);

      const version = (await this.documents.findVersion(doc.id, amendment.appliesToVersion, tx.manager))!;
      const labels = clauseLabels((await this.documents.clausesOf(version.id, tx.manager)).map((c) => ({ id: c.clauseId, kind: c.kind, text: c.text })));
      const label = amendment.targetClauseId ? labels.get(amendment.targetClauseId) : null;
      const what = { replace: 'Replace', insert: 'Insert after', delete: 'Delete' }[amendment.kind];
      const where = amendment.kind === 'insert' && !amendment.targetClauseId ? 'at the start' : label ? `clause ${label}` : 'a clause';
      const { id } = await this.ballots.openInTransaction(tx, actor.id, {
        workingGroupId: doc.workingGroupId,
        subjectType: 'amendment',
        subjectId: amendment.id,
        title: clip(`Amendment: ${what} ${where} of “${doc.title}” (version ${version.number})`, 300),
        subjectDetails: { type: 'amendment', kind: amendment.kind, clauseLabel: label ?? null, atStart: amendment.kind === 'insert' && !amendment.targetClauseId, documentTitle: doc.title, version: version.number },
        description: clip(amendment.rationale, 5000),
        ...ballotTerms(options, tx.now),
      });
      await this.amendments.setStatus(tx.manager, amendment.id, 'balloting', null, { ballotId: id });
    });
    return this.amendmentService.get(actor, amendmentId);
  }

  /**
   * What the chair reads before opening the adoption ballot of version `n` (decision record 0029):
   * every adoption warning (AdoptionPreflight), and the ballot's default terms. Public, as everything it
   * lists already is.
   */
  async adoptionPreflight(documentId: string, n: number): Promise<AdoptionPreflightResponse> {
    const doc = await this.documents.findDocumentRow(documentId);
    if (!doc) throw notFound('document');
    const version = await this.documentReads.requireVersion(doc, n);
    const manager = this.dataSource.manager;
    const now = this.clock.now();
    const [found, settings] = await readTogether(manager, [() => this.preflight.view(manager, doc, version, now), () => this.standings.settings(manager, doc.workingGroupId)] as const);
    return {
      documentId: doc.id,
      version: n,
      ...found,
      defaults: { rule: settings.decisionRules.adoption, quorum: settings.quorum, closesAt: new Date(now.getTime() + DEFAULT_BALLOT_DAYS * 86_400_000).toISOString() },
    };
  }

  /**
   * A chair puts the current version to adoption. Each warning that applies (unanswered clarification
   * questions, open amendment ballots, accepted amendments not consolidated) must be acknowledged, or
   * the ballot does not open (409 listing them); the ballot records what the chair acknowledged.
   */
  async openAdoptionBallot(actor: Actor, documentId: string, n: number, options: OpenAdoptionBallotRequest): Promise<OpenedBallotResponse> {
    return this.tx.run(async (tx) => {
      const doc = await this.documents.lockDocument(tx.manager, documentId);
      if (!doc) throw notFound('document');
      const version = await this.documentReads.requireVersion(doc, n, undefined, tx.manager);
      const standing = await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now);
      const verdict = canOpenBallot(standing);
      authorise(verdict);
      if (doc.status === 'adopted') throw refuse('version-frozen', { version: doc.currentVersion });
      if (n !== doc.currentVersion) throw refuse('not-current-version', { version: n, current: doc.currentVersion, act: 'adopt' });
      await this.visibility.assertPublished(doc.id, n, tx.manager);
      const open = await this.amendments.openAdoptionBallot(doc.id, tx.manager);
      if (open) throw refuse('adoption-ballot-open', { version: open.versionNumber, act: 'adopt' });

      await this.adoptionGuards.beforeAdoption(tx.manager, doc.id, 'adoption-ballot');
      const acknowledged = [...(options.acknowledgedWarnings ?? []), ...(options.confirmUnanswered ? (['unanswered-clarifications'] as const) : [])];
      const { found, record: warnings, languageVersions } = await this.preflight.settle(tx.manager, doc, version, acknowledged, tx.now, options.acknowledgeOutdatedTranslations === true);
      const unanswered = found.unansweredClarifications;
      const { id } = await this.ballots.openInTransaction(tx, actor.id, {
        workingGroupId: doc.workingGroupId,
        subjectType: 'adoption',
        subjectId: version.id,
        title: clip(`Adopt version ${n} of “${doc.title}”`, 300),
        // What the vote is on in each language, the authentic languages among them (decision 0045, review M1 and L3).
        subjectDetails: { type: 'adoption', documentTitle: doc.title, version: n, languageVersions },
        ...ballotTerms(options, tx.now),
        ...(warnings ? { warnings } : {}),
      });
      await this.amendments.insertAdoptionBallot(tx.manager, { ballotId: id, documentId: doc.id, versionId: version.id, versionNumber: n, openedBy: actor.id, openedAt: tx.now, warnings: unanswered });
      return { ballotId: id, warnings: unanswered };
    });
  }
}

