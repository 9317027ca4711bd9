import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { authenticTranslationFrozen, clauseLabels, originalLanguageFixed, translationState, unchangedTranslation, workingGroupScope, type LanguageFreeze } from '@parley/domain';
import {
  UN_LANGUAGES,
  type AuthenticLanguagesResponse,
  type ClauseLanguageView,
  type LanguageVersionsResponse,
  type OriginalLanguageResponse,
  type SavedTranslationResponse,
  type SaveTranslationRequest,
  type SetAuthenticLanguagesRequest,
  type SetOriginalLanguageRequest,
  type UnLanguage,
} from '@parley/contracts';
import { AuditedTransaction } from '../../audit/audited-transaction';
import type { Actor } from '../../identity/actor';
import { PeopleService } from '../../identity/people.service';
import { Clock } from '../../platform/clock/clock';
import { authorise, notFound, refuse, validationProblem } from '../../platform/http/problem';
import { VersionVisibility } from '../../procedures/publication/version-visibility';
import { AdoptionGuards } from '../adoption-preflight';
import { AmendmentRepository } from '../amendment.repository';
import { DocumentReads } from '../document-reads.service';
import { DocumentRepository } from '../document.repository';
import { DraftingStandings } from '../drafting-standings';
import { actorRef } from '../drafting.mapper';
import { canSetLanguages, canTranslate } from '../drafting.policy';
import { TranslationRepository, type TranslationRow } from './translation.repository';

/**
 * Language versions of a text (decision record 0045): translations of a version's clauses into the
 * other UN languages, read at any version (carried forward, outdated when the original changed),
 * the document's original language and the group's authentic languages. The gaps that hold back
 * adoption are read by AdoptionPreflight (translation-gaps.ts).
 */
@Injectable()
export class LanguageVersionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentRepository,
    private readonly documentReads: DocumentReads,
    private readonly translations: TranslationRepository,
    private readonly standings: DraftingStandings,
    private readonly people: PeopleService,
    private readonly visibility: VersionVisibility,
    private readonly tx: AuditedTransaction,
    private readonly clock: Clock,
    private readonly amendments: AmendmentRepository,
    private readonly adoptionGuards: AdoptionGuards,
  ) {}

  /** Version `n` in its languages: counts for every language, and the clauses in those asked for (all when none are named). */
  async view(actor: Actor | null, documentId: string, n: number, asked: readonly UnLanguage[] | undefined, countsOnly = false): Promise<LanguageVersionsResponse> {
    const doc = await this.documents.findDocument(documentId);
    if (!doc) throw notFound('document');
    const manager = this.dataSource.manager;
    // What needs only the document, at once; the texts only once the reader may read this version.
    const [version, lens, authentic, standing] = await Promise.all([
      this.documentReads.requireVersion(doc, n),
      this.visibility.lens(actor, doc),
      this.translations.authenticLanguages(manager, doc.workingGroupId),
      this.standings.of(manager, doc.workingGroupId, actor?.id ?? null, this.clock.now()),
    ]);
    lens.assertReadable(n);
    // Translations saved on a version this reader may not read quote its text: they are left out, as if never made (review H1).
    const hidden = Array.from({ length: n }, (_, i) => i + 1).filter((v) => lens.withheld(v));
    // Counts alone (the language bar on every document page) read no text (review M4).
    const savedRead: Promise<(TranslationRow | { id: string; language: UnLanguage; clauseId: string; current: boolean })[]> = countsOnly
      ? this.translations.statesAt(doc.id, version.id, n, null, hidden)
      : this.translations.latestAt(doc.id, n, null, hidden);
    const [clauses, saved] = await Promise.all([this.documents.clausesOf(version.id), savedRead]);
    const byLanguage = new Map<UnLanguage, Map<string, (typeof saved)[number]>>();
    for (const t of saved) {
      const inLanguage = byLanguage.get(t.language);
      if (inLanguage) inLanguage.set(t.clauseId, t);
      else byLanguage.set(t.language, new Map([[t.clauseId, t]]));
    }
    const labels = clauseLabels(clauses.map((c) => ({ id: c.clauseId, kind: c.kind, text: c.text })));
    const declared = authentic ?? [];
    const original = doc.originalLanguage;
    const wanted = asked && asked.length > 0 ? UN_LANGUAGES.filter((l) => asked.includes(l)) : [...UN_LANGUAGES];

    const languages = UN_LANGUAGES.map((language) => {
      const counts = { current: 0, outdated: 0, missing: 0 };
      const inLanguage = byLanguage.get(language);
      if (language !== original) for (const c of clauses) counts[translationState(c.text, inLanguage?.get(c.clauseId))]++;
      return { language, original: language === original, authentic: language === original || declared.includes(language), ...counts };
    });
    const inLanguage = (c: { clauseId: string; text: string }, language: UnLanguage): ClauseLanguageView => {
      if (language === original) return { language, state: 'original', text: c.text, sourceText: null, translator: null, translatedAt: null, madeOnVersion: null };
      const t = byLanguage.get(language)?.get(c.clauseId) as TranslationRow | undefined;
      if (!t) return { language, state: 'missing', text: null, sourceText: null, translator: null, translatedAt: null, madeOnVersion: null };
      // A current translation was made from the clause's text as it stands (`original`): not repeated for each language.
      return t.sourceText === c.text ? { ...translationView(t, 'current'), sourceText: null } : translationView(t, 'outdated');
    };
    return {
      documentId: doc.id,
      version: n,
      originalLanguage: original,
      authenticLanguages: declared,
      languages,
      clauses: countsOnly ? [] : clauses.map((c) => ({ clauseId: c.clauseId, kind: c.kind, label: labels.get(c.clauseId) ?? null, original: c.text, languages: wanted.map((l) => inLanguage(c, l)) })),
      can: {
        translate: canTranslate(standing) === true,
        setOriginalLanguage: doc.currentVersion === 1 && doc.status !== 'adopted' && canSetLanguages(standing) === true,
        setAuthenticLanguages: canSetLanguages(standing) === true,
      },
    };
  }

  /** A member saves the translation of a clause of version `n` into a language other than the original: one `translation.saved` act. */
  async save(actor: Actor, documentId: string, n: number, input: SaveTranslationRequest): Promise<SavedTranslationResponse> {
    const saved = await this.tx.run(async (tx) => {
      const found = await this.documents.findDocument(documentId, tx.manager);
      if (!found) throw notFound('document');
      const standing = await this.standings.of(tx.manager, found.workingGroupId, actor.id, tx.now);
      authorise(canTranslate(standing));
      // Saves on a document are serialised (review M2): the superseded translation is the one committed last, and `seq` follows that order.
      const doc = (await this.documents.lockDocument(tx.manager, documentId))!;
      const version = await this.documentReads.requireVersion(doc, n, undefined, tx.manager);
      if (input.language === doc.originalLanguage) throw validationProblem('language', 'is-original-language', { language: doc.originalLanguage });
      const clause = await this.documents.clauseOf(version.id, input.clauseId, tx.manager);
      if (!clause) throw validationProblem('clauseId', 'not-a-clause', { version: n });
      const frozen = authenticTranslationFrozen({
        language: input.language,
        version: n,
        originalLanguage: doc.originalLanguage,
        authentic: (await this.translations.authenticLanguages(tx.manager, doc.workingGroupId)) ?? [],
        underAdoption: await this.versionUnderAdoption(tx.manager, doc),
        adopted: await this.translations.adoptedVersion(tx.manager, doc.id),
      });
      if (frozen) throw freezeRefusal(frozen);
      const previous = await this.translations.latestOne(tx.manager, doc.id, n, clause.clauseId, input.language);
      if (unchangedTranslation(previous, input.text, clause.text)) throw validationProblem('text', 'same-text');
      const id = await this.translations.insert(tx.manager, {
        documentId: doc.id,
        versionId: version.id,
        versionNumber: n,
        clauseId: clause.clauseId,
        language: input.language,
        text: input.text,
        sourceText: clause.text,
        translatorId: actor.id,
        snapshot: standing.currentSnapshot!,
        at: tx.now,
      });
      const auditActor = await this.people.auditActorWith(tx.manager, actor.id, standing.currentSnapshot);
      await tx.record({
        scope: workingGroupScope(doc.workingGroupId),
        actor: auditActor,
        action: 'translation.saved',
        subjectType: 'document',
        subjectId: doc.id,
        change: { documentId: doc.id, version: n, clauseId: clause.clauseId, language: input.language, text: input.text, sourceText: clause.text, translationId: id, supersedes: previous?.id ?? null },
      });
      const row: TranslationRow = {
        id,
        clauseId: clause.clauseId,
        language: input.language,
        text: input.text,
        sourceText: clause.text,
        versionNumber: n,
        translatorId: actor.id,
        translatorName: auditActor.name,
        translatorSnapshot: standing.currentSnapshot!,
        createdAt: tx.now,
      };
      return { documentId: doc.id, version: n, clauseId: clause.clauseId, ...translationView(row, 'current') };
    });
    return saved;
  }

  /** The chair sets the document's original language while it has one version (a language nobody translated it into). */
  async setOriginalLanguage(actor: Actor, documentId: string, input: SetOriginalLanguageRequest): Promise<OriginalLanguageResponse> {
    return this.tx.run(async (tx) => {
      const doc = await this.documents.lockDocument(tx.manager, documentId);
      if (!doc) throw notFound('document');
      authorise(canSetLanguages(await this.standings.of(tx.manager, doc.workingGroupId, actor.id, tx.now)));
      const fixed = originalLanguageFixed({
        currentVersion: doc.currentVersion,
        adopted: doc.status === 'adopted' || (await this.translations.adoptedVersion(tx.manager, doc.id)) !== null,
        underAdoption: (await this.versionUnderAdoption(tx.manager, doc)) !== null,
      });
      if (fixed?.why === 'versions') throw refuse('original-language-fixed', { versions: fixed.version });
      if (fixed) throw freezeRefusal(fixed);
      const before = doc.originalLanguage;
      if (before !== input.language) {
        if (await this.translations.anyInto(tx.manager, doc.id, input.language)) throw validationProblem('language', 'is-original-language', { language: input.language });
        await this.translations.setOriginalLanguage(tx.manager, doc.id, input.language);
        await tx.record({
          scope: workingGroupScope(doc.workingGroupId),
          actor: await this.people.auditActor(tx.manager, actor.id, tx.now),
          action: 'document.original-language-changed',
          subjectType: 'document',
          subjectId: doc.id,
          change: { documentId: doc.id, before, after: input.language },
        });
      }
      return { documentId: doc.id, originalLanguage: input.language };
    });
  }

  /** The version being put to adoption (an adoption ballot open, or a silence procedure under way on the current version), null when none. */
  private async versionUnderAdoption(manager: EntityManager, doc: { id: string; currentVersion: number }): Promise<number | null> {
    const ballot = await this.amendments.openAdoptionBallot(doc.id, manager);
    if (ballot) return ballot.versionNumber;
    return (await this.adoptionGuards.anyUnderWay(manager, doc.id)) ? doc.currentVersion : null;
  }

  /** The chair declares the group's authentic languages; audited with before and after. */
  async setAuthenticLanguages(actor: Actor, workingGroupId: string, input: SetAuthenticLanguagesRequest): Promise<AuthenticLanguagesResponse> {
    return this.tx.run(async (tx) => {
      if ((await this.translations.authenticLanguages(tx.manager, workingGroupId)) === null) throw notFound('working-group');
      // Authorised before the group's row is locked: no signed-in outsider holds that lock (review L4).
      authorise(canSetLanguages(await this.standings.of(tx.manager, workingGroupId, actor.id, tx.now)));
      const before = (await this.translations.authenticLanguages(tx.manager, workingGroupId, true))!;
      const after = UN_LANGUAGES.filter((l) => input.languages.includes(l));
      if (after.join() !== before.join()) {
        await this.translations.setAuthenticLanguages(tx.manager, workingGroupId, after);
        await tx.record({
          scope: workingGroupScope(workingGroupId),
          actor: await this.people.auditActor(tx.manager, actor.id, tx.now),
          action: 'working-group.authentic-languages-changed',
          subjectType: 'working-group',
          subjectId: workingGroupId,
          change: { before, after, note: input.note ?? null },
        });
      }
      return { workingGroupId, authenticLanguages: after };
    });
  }

}

function freezeRefusal(f: LanguageFreeze) {
  return f.why === 'adopted' ? refuse('language-versions-adopted', { version: f.version }) : refuse('language-versions-under-adoption', { version: f.version });
}

function translationView(t: TranslationRow, state: 'current' | 'outdated'): ClauseLanguageView {
  return {
    language: t.language,
    state,
    text: t.text,
    sourceText: t.sourceText,
    translator: actorRef(t.translatorId, t.translatorName, t.translatorSnapshot),
    translatedAt: t.createdAt.toISOString(),
    madeOnVersion: t.versionNumber,
  };
}
