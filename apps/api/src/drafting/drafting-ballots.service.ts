import { Injectable, OnModuleInit } from '@nestjs/common';
import { adoptionWarningKinds, clauseLabels, unacknowledgedWarnings } from '@parley/domain';
import { DataSource, EntityManager } from 'typeorm';
import {
  type AdoptionPreflightResponse,
  type AdoptionWarningsRecord,
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
import { refusal } from '@parley/contracts';
import { authorise, notFound, refuse, refused } from '../platform/http/problem';
import { AmendmentRepository, type AmendmentRow } from './amendment.repository';
import { Clock } from '../platform/clock/clock';
import { readTogether } from '../platform/database/read-together';
import { AmendmentService } from './amendment.service';
import { CommentRepository } from './comment.repository';
import { BracketRepository, type BracketRow } from '../negotiation/brackets/bracket.repository';
import { DocumentRepository } from './document.repository';
import { DocumentReads } from './document-reads.service';
import { DocumentService } from './document.service';
import { canOpenBallot } from './drafting.policy';
import { DraftingBallotViews } from './drafting-ballot-views';
import { DraftingStandings } from './drafting-standings';
import { actorRef } from './drafting.mapper';
import { openAdRefsOn } from '../negotiation/clause-status/clause-status.reads';

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
    private readonly comments: CommentRepository,
    private readonly brackets: BracketRepository,
    private readonly documentService: DocumentService,
    private readonly documentReads: DocumentReads,
    private readonly amendmentService: AmendmentService,
    private readonly standings: DraftingStandings,
    private readonly tx: AuditedTransaction,
    private readonly views: DraftingBallotViews,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
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
   * unanswered clarification questions, amendment ballots still open, accepted amendments not yet
   * consolidated; and the ballot's default terms. Public, as everything it lists already is.
   */
  async adoptionPreflight(documentId: string, n: number): Promise<AdoptionPreflightResponse> {
    const doc = await this.documents.findDocumentRow(documentId);
    if (!doc) throw notFound('document');
    const version = await this.documentReads.requireVersion(doc, n);
    const manager = this.dataSource.manager;
    const [found, settings] = await readTogether(manager, [() => this.warningsOn(manager, doc.id, version.id, n), () => this.standings.settings(manager, doc.workingGroupId)] as const);
    return {
      documentId: doc.id,
      version: n,
      warnings: adoptionWarningKinds(counts(found)),
      ...found,
      defaults: { rule: settings.decisionRules.adoption, quorum: settings.quorum, closesAt: new Date(this.clock.now().getTime() + DEFAULT_BALLOT_DAYS * 86_400_000).toISOString() },
    };
  }

  private async warningsOn(manager: EntityManager, documentId: string, versionId: string, n: number): Promise<AdoptionWarnings> {
    const clauses = await this.documents.clausesOf(versionId, manager);
    const labels = clauseLabels(clauses.map((c) => ({ id: c.clauseId, kind: c.kind, text: c.text })));
    const [questions, balloting, accepted, openBrackets, chosenBrackets, adRefs] = await readTogether(manager, [
      () => this.comments.unansweredClarifications(documentId, n, manager),
      () => this.amendments.underOpenBallot(documentId, manager),
      () => this.amendments.acceptedUnapplied(manager, documentId, false),
      () => this.brackets.openOf(documentId, manager),
      () => this.brackets.chosenUnconsolidated(documentId, manager),
      () => openAdRefsOn(manager, documentId, n, this.clock.now()),
    ] as const);
    const bracket = (b: BracketRow) => ({
      bracketId: b.id,
      clauseId: b.clauseId,
      clauseLabel: labels.get(b.clauseId) ?? null,
      passage: b.passage,
      requestedBy: actorRef(b.requestedBy, b.requesterName, b.requesterSnapshot),
      // The live alternatives: an option streamlined into another is counted once, as the option it went into.
      options: b.options.filter((o) => o.mergedInto === null).length,
      chosenText: b.options.find((o) => o.id === b.chosenOptionId)?.text ?? null,
    });
    const named = (a: AmendmentRow) => ({
      amendmentId: a.id,
      kind: a.kind,
      clauseLabel: a.targetClauseId ? (labels.get(a.targetClauseId) ?? null) : null,
      author: actorRef(a.authorId, a.authorName, a.authorSnapshot),
      rationale: a.rationale,
    });
    return {
      unansweredClarifications: questions.map((c) => ({
        commentId: c.id,
        clauseId: c.clauseId,
        clauseLabel: labels.get(c.clauseId) ?? null,
        version: c.versionNumber,
        body: c.body,
        author: actorRef(c.authorId, c.authorName, c.authorSnapshot),
        createdAt: c.createdAt.toISOString(),
      })),
      openAmendmentBallots: balloting.map((a) => ({ ...named(a), ballotId: a.ballotId!, closesAt: a.closesAt.toISOString() })),
      acceptedUnconsolidated: accepted.map(named),
      openBrackets: openBrackets.map(bracket),
      unappliedBracketChoices: chosenBrackets.map(bracket),
      openAdRefs: adRefs.map((a) => ({
        adRefId: a.id,
        clauseId: a.clauseId,
        clauseLabel: labels.get(a.clauseId) ?? null,
        organisationName: a.organisationName,
        expiresOn: a.expiresOn,
        agreedBy: actorRef(a.agreedBy, a.agreedName, a.agreedSnapshot),
      })),
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

      const found = await this.warningsOn(tx.manager, doc.id, version.id, n);
      const acknowledged = [...(options.acknowledgedWarnings ?? []), ...(options.confirmUnanswered ? (['unanswered-clarifications'] as const) : [])];
      const missing = unacknowledgedWarnings(counts(found), acknowledged);
      const unanswered = found.unansweredClarifications;
      if (missing.length === 1 && missing[0] === 'unanswered-clarifications') {
        throw refused(refusal('unanswered-clarifications', { count: unanswered.length }), undefined, { unansweredClarifications: unanswered, unacknowledgedWarnings: missing });
      }
      if (missing.length > 0) throw refused(refusal('adoption-warnings-unacknowledged', { count: missing.length, warnings: missing.join(', ') }), undefined, { unacknowledgedWarnings: missing, ...found });
      const warnings: AdoptionWarningsRecord | undefined =
        adoptionWarningKinds(counts(found)).length > 0
          ? {
              unansweredClarifications: unanswered.map((u) => ({ commentId: u.commentId, clauseId: u.clauseId, clauseLabel: u.clauseLabel, version: u.version, authorId: u.author.id, body: u.body })),
              openAmendmentBallots: found.openAmendmentBallots.map((a) => ({ amendmentId: a.amendmentId, ballotId: a.ballotId, clauseLabel: a.clauseLabel, closesAt: a.closesAt })),
              acceptedUnconsolidated: found.acceptedUnconsolidated.map((a) => ({ amendmentId: a.amendmentId, clauseLabel: a.clauseLabel, kind: a.kind })),
              ...(found.openBrackets.length > 0 ? { openBrackets: found.openBrackets.map((b) => ({ bracketId: b.bracketId, clauseLabel: b.clauseLabel, passage: b.passage })) } : {}),
              ...(found.unappliedBracketChoices.length > 0
                ? { unappliedBracketChoices: found.unappliedBracketChoices.map((b) => ({ bracketId: b.bracketId, clauseLabel: b.clauseLabel, passage: b.passage })) }
                : {}),
              ...(found.openAdRefs.length > 0
                ? { openAdRefs: found.openAdRefs.map((a) => ({ adRefId: a.adRefId, clauseId: a.clauseId, clauseLabel: a.clauseLabel, organisationName: a.organisationName, expiresOn: a.expiresOn })) }
                : {}),
              confirmedByChair: true,
            }
          : undefined;
      const { id } = await this.ballots.openInTransaction(tx, actor.id, {
        workingGroupId: doc.workingGroupId,
        subjectType: 'adoption',
        subjectId: version.id,
        title: clip(`Adopt version ${n} of “${doc.title}”`, 300),
        subjectDetails: { type: 'adoption', documentTitle: doc.title, version: n },
        ...ballotTerms(options, tx.now),
        ...(warnings ? { warnings } : {}),
      });
      await this.amendments.insertAdoptionBallot(tx.manager, { ballotId: id, documentId: doc.id, versionId: version.id, versionNumber: n, openedBy: actor.id, openedAt: tx.now, warnings: unanswered });
      return { ballotId: id, warnings: unanswered };
    });
  }
}

type AdoptionWarnings = Pick<AdoptionPreflightResponse, 'unansweredClarifications' | 'openAmendmentBallots' | 'acceptedUnconsolidated' | 'openBrackets' | 'unappliedBracketChoices' | 'openAdRefs'>;

const counts = (w: AdoptionWarnings) => ({
  unansweredClarifications: w.unansweredClarifications.length,
  openAmendmentBallots: w.openAmendmentBallots.length,
  acceptedUnconsolidated: w.acceptedUnconsolidated.length,
  openBrackets: w.openBrackets.length,
  unappliedBracketChoices: w.unappliedBracketChoices.length,
  openAdRefs: w.openAdRefs.length,
});
