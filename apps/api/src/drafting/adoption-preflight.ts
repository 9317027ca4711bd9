import { Injectable } from '@nestjs/common';
import { adoptionWarningKinds, clauseLabels, gapTotals, translationGate, runningCirculationPeriod, unacknowledgedWarnings, type AdoptionWarningCounts, type AdoptionWarningKind } from '@parley/domain';
import { refusal, type AdoptionLanguageVersions, type AdoptionWarningsRecord, type AdoptionWarningsView } from '@parley/contracts';
import { EntityManager } from 'typeorm';
import { refused } from '../platform/http/problem';
import { readTogether } from '../platform/database/read-together';
import { BracketRepository, type BracketRow } from '../negotiation/brackets/bracket.repository';
import { openAdRefsOn } from '../negotiation/clause-status/clause-status.reads';
import { lastCallWarningOn } from '../procedures/last-call/last-call.reads';
import { AmendmentRepository, type AmendmentRow } from './amendment.repository';
import { CommentRepository } from './comment.repository';
import { DocumentRepository, type VersionRow } from './document.repository';
import { DraftingStandings } from './drafting-standings';
import { actorRef } from './drafting.mapper';
import { languageVersionsOf } from './language-versions/translation-gaps';
import { TranslationRepository } from './language-versions/translation.repository';

/** The warnings found on a version, each listed (without the kinds: `kinds` derives them). */
export type AdoptionWarnings = Omit<AdoptionWarningsView, 'warnings'>;

/** What the chair was warned of, and what to record of it (absent when nothing applied). */
export interface SettledWarnings {
  found: AdoptionWarnings;
  record: AdoptionWarningsRecord | undefined;
  /** What the adoption is on in each language: recorded by the event that starts it (decision 0045). */
  languageVersions: AdoptionLanguageVersions;
}

/**
 * The warnings a chair reads and acknowledges before a version is put to adoption, whether by an
 * adoption ballot (decision record 0029) or by a silence procedure (decision 0036): gathered once here,
 * refused when one is not acknowledged, and recorded in the event that starts the procedure.
 */
@Injectable()
export class AdoptionPreflight {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly amendments: AmendmentRepository,
    private readonly comments: CommentRepository,
    private readonly brackets: BracketRepository,
    private readonly standings: DraftingStandings,
    private readonly translations: TranslationRepository,
  ) {}

  /** Every warning on version `version` of the document at `now`, with the kinds that apply. */
  async view(manager: EntityManager, doc: { id: string; workingGroupId: string }, version: VersionRow, now: Date): Promise<AdoptionWarningsView> {
    const found = await this.gather(manager, doc, version, now);
    return { warnings: adoptionWarningKinds(counts(found)), ...found };
  }

  /**
   * Inside the transaction that starts the procedure: gathers the warnings, refuses (409 listing them)
   * when one that applies is not among `acknowledged`, and returns what to record. An authentic
   * language version outdated or incomplete (decision 0045) refuses `translations-outdated` unless
   * the chair confirms it (`acknowledgeOutdatedTranslations`); then the record names what lagged.
   */
  async settle(
    manager: EntityManager,
    doc: { id: string; workingGroupId: string },
    version: VersionRow,
    acknowledged: readonly AdoptionWarningKind[],
    now: Date,
    acknowledgeOutdatedTranslations = false,
  ): Promise<SettledWarnings> {
    const { languageVersions, ...found } = await this.gatherWithLanguages(manager, doc, version, now);
    const missing = unacknowledgedWarnings(counts(found), acknowledged);
    const unanswered = found.unansweredClarifications;
    if (missing.length === 1 && missing[0] === 'unanswered-clarifications') {
      throw refused(refusal('unanswered-clarifications', { count: unanswered.length }), undefined, { unansweredClarifications: unanswered, unacknowledgedWarnings: missing });
    }
    if (missing.length > 0) throw refused(refusal('adoption-warnings-unacknowledged', { count: missing.length, warnings: missing.join(', ') }), undefined, { unacknowledgedWarnings: missing, ...found });
    const gate = translationGate(found.translationGaps, acknowledgeOutdatedTranslations);
    if (!gate.open) throw refused(refusal('translations-outdated', gapTotals(gate.gaps)), undefined, { translationGaps: gate.gaps });
    return { found, record: adoptionWarningKinds(counts(found)).length > 0 || gate.confirmedGaps ? record(found) : undefined, languageVersions };
  }

  private async gather(manager: EntityManager, doc: { id: string; workingGroupId: string }, version: VersionRow, now: Date): Promise<AdoptionWarnings> {
    const { languageVersions: _, ...found } = await this.gatherWithLanguages(manager, doc, version, now);
    return found;
  }

  private async gatherWithLanguages(manager: EntityManager, doc: { id: string; workingGroupId: string }, version: VersionRow, now: Date): Promise<AdoptionWarnings & { languageVersions: AdoptionLanguageVersions }> {
    const documentId = doc.id;
    const n = version.number;
    const clauses = await this.documents.clausesOf(version.id, manager);
    const labels = clauseLabels(clauses.map((c) => ({ id: c.clauseId, kind: c.kind, text: c.text })));
    const [questions, balloting, accepted, openBrackets, chosenBrackets, adRefs, settings] = await readTogether(manager, [
      () => this.comments.unansweredClarifications(documentId, n, manager),
      () => this.amendments.underOpenBallot(documentId, manager),
      () => this.amendments.acceptedUnapplied(manager, documentId, false),
      () => this.brackets.openOf(documentId, manager),
      () => this.brackets.chosenUnconsolidated(documentId, manager),
      () => openAdRefsOn(manager, documentId, n, now),
      () => this.standings.settings(manager, doc.workingGroupId),
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
    const circulation = runningCirculationPeriod(version.createdAt, settings.procedureRules.circulationDays, now);
    const lastCall = await lastCallWarningOn(manager, documentId, n, settings.procedureRules.lastCallDays, now, (c) => labels.get(c) ?? null);
    const languages = await languageVersionsOf(manager, this.documents, this.translations, doc, version.id, n);
    const translationGaps = languages.gaps as AdoptionWarnings['translationGaps'];
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
      circulationPeriod: circulation ? { availableSince: circulation.availableSince.toISOString(), endsAt: circulation.endsAt.toISOString(), days: circulation.days } : null,
      lastCall: lastCall.view,
      translationGaps,
      languageVersions: languages.languageVersions,
    };
  }
}

/** What is about to start on a document: an adoption ballot, a silence procedure, or a new version (consolidation, chair's text). */
export type AdoptionProcedure = 'adoption-ballot' | 'silence' | 'new-version';

/** Refuses (throws a typed refusal) when another procedure already under way on the document forbids starting `starting`. */
export type AdoptionGuard = (manager: EntityManager, documentId: string, starting: AdoptionProcedure) => Promise<void>;
/** Whether a procedure of the registering kind is putting the document's current version to adoption now. */
export type AdoptionUnderWay = (manager: EntityManager, documentId: string) => Promise<boolean>;

/**
 * The procedures that put a version to adoption exclude one another while under way (decision 0036):
 * each registers here a check that the others run, inside their own transaction, before they start.
 */
@Injectable()
export class AdoptionGuards {
  private readonly guards: AdoptionGuard[] = [];
  private readonly underWay: AdoptionUnderWay[] = [];

  register(guard: AdoptionGuard, underWay?: AdoptionUnderWay): void {
    this.guards.push(guard);
    if (underWay) this.underWay.push(underWay);
  }

  /** Whether a registered procedure (other than the adoption ballot, which drafting reads itself) is under way on the document. */
  async anyUnderWay(manager: EntityManager, documentId: string): Promise<boolean> {
    for (const check of this.underWay) if (await check(manager, documentId)) return true;
    return false;
  }

  async beforeAdoption(manager: EntityManager, documentId: string, starting: AdoptionProcedure): Promise<void> {
    for (const guard of this.guards) await guard(manager, documentId, starting);
  }
}

/** How many of each warning apply: what the domain's rules read. */
export const counts = (w: AdoptionWarnings): AdoptionWarningCounts => ({
  unansweredClarifications: w.unansweredClarifications.length,
  openAmendmentBallots: w.openAmendmentBallots.length,
  acceptedUnconsolidated: w.acceptedUnconsolidated.length,
  openBrackets: w.openBrackets.length,
  unappliedBracketChoices: w.unappliedBracketChoices.length,
  openAdRefs: w.openAdRefs.length,
  circulationPeriodRunning: w.circulationPeriod !== null,
  lastCall: w.lastCall?.kinds ?? [],
});

/** What the start event records of the warnings the chair acknowledged. */
function record(found: AdoptionWarnings): AdoptionWarningsRecord {
  return {
    unansweredClarifications: found.unansweredClarifications.map((u) => ({ commentId: u.commentId, clauseId: u.clauseId, clauseLabel: u.clauseLabel, version: u.version, authorId: u.author.id, body: u.body })),
    openAmendmentBallots: found.openAmendmentBallots.map((a) => ({ amendmentId: a.amendmentId, ballotId: a.ballotId, clauseLabel: a.clauseLabel, closesAt: a.closesAt })),
    acceptedUnconsolidated: found.acceptedUnconsolidated.map((a) => ({ amendmentId: a.amendmentId, clauseLabel: a.clauseLabel, kind: a.kind })),
    ...(found.openBrackets.length > 0 ? { openBrackets: found.openBrackets.map((b) => ({ bracketId: b.bracketId, clauseLabel: b.clauseLabel, passage: b.passage })) } : {}),
    ...(found.unappliedBracketChoices.length > 0 ? { unappliedBracketChoices: found.unappliedBracketChoices.map((b) => ({ bracketId: b.bracketId, clauseLabel: b.clauseLabel, passage: b.passage })) } : {}),
    ...(found.openAdRefs.length > 0
      ? { openAdRefs: found.openAdRefs.map((a) => ({ adRefId: a.adRefId, clauseId: a.clauseId, clauseLabel: a.clauseLabel, organisationName: a.organisationName, expiresOn: a.expiresOn })) }
      : {}),
    ...(found.circulationPeriod ? { circulationPeriod: found.circulationPeriod } : {}),
    ...(found.lastCall ? { lastCall: { requiredDays: found.lastCall.requiredDays, held: found.lastCall.held, undisposed: found.lastCall.undisposed.map((u) => u.commentId) } } : {}),
    ...(found.translationGaps.length > 0 ? { outdatedTranslations: found.translationGaps.map((g) => ({ language: g.language, outdated: g.outdated, missing: g.missing })) } : {}),
    confirmedByChair: true,
  };
}
