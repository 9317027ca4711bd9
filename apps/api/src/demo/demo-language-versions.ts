import { Injectable, Logger } from '@nestjs/common';
import type { UnLanguage } from '@parley/contracts';
import { DocumentReads } from '../drafting/document-reads.service';
import { LanguageVersionsService } from '../drafting/language-versions/language-versions.service';
import type { Actor } from '../identity/actor';
import type { DemoHistory } from './demo-history';
import type { DemoPeople } from './demo-seeder';
import { loadTranslations, loadWorkingGroups } from './fixtures';

/**
 * Who translates the draft, by organisation: France's delegate into French. The group has no
 * delegation from a Spanish- or Arabic-speaking country, so two of its members (a co-chair and a
 * member) start those versions.
 */
const TRANSLATORS: Partial<Record<UnLanguage, string>> = { fr: 'France', es: 'University of Florence research centre', ar: 'Chatham House' };
/** Minutes between two clauses a translator saves. */
const MINUTES_PER_CLAUSE = 4;

/**
 * Language versions of the Paris Call draft (decision 0045), through the same use case as real
 * use (LanguageVersionsService.save: one `translation.saved` event each, signed with the
 * translator's affiliation snapshot). The Call is bilingual, English and French: France's delegate
 * translates version 1 into French in the draft's first weeks and catches up with version 2 after
 * its consolidation; a co-chair puts a few clauses into Spanish. The afternoon the chair issues Rev.1
 * (version 3) France updates principles 1 and 3 but not yet 5, whose French stays outdated; Chatham
 * House puts a few clauses into Arabic; and the chair declares English and French the group's
 * authentic languages — after the group's last adoption under silence, so no earlier act of the demo
 * is held back by them. Texts: fixtures/paris-call/translations.json.
 */
@Injectable()
export class DemoLanguageVersions {
  private readonly logger = new Logger(DemoLanguageVersions.name);

  constructor(
    private readonly languageVersions: LanguageVersionsService,
    private readonly reads: DocumentReads,
  ) {}

  /**
   * Translates version `n`'s clauses into `language` from `daysAgo` at `hour`, a few minutes apart:
   * each clause with no translation or an outdated one that the fixture has a text for, except those
   * labelled in `leaveOutdated`. `complete`: every other clause must be translated (a missing text is an error).
   */
  async translate(
    people: DemoPeople,
    documentId: string,
    n: number,
    language: UnLanguage,
    history: DemoHistory,
    when: { daysAgo: number; hour: number },
    options: { complete?: boolean; leaveOutdated?: string[] } = {},
  ): Promise<number> {
    const organisation = TRANSLATORS[language];
    const translator: Actor | undefined = organisation ? people.delegates.get(organisation) : undefined;
    if (!translator) throw new Error(`demo language versions: no translator into ${language}`);
    const texts = new Map((loadTranslations()[language] ?? []).map((t) => [t.en, t.text]));
    const view = await this.languageVersions.view(translator, documentId, n, [language]);
    let saved = 0;
    for (const clause of view.clauses) {
      if (clause.languages[0].state === 'current' || (clause.label && options.leaveOutdated?.includes(clause.label))) continue;
      const text = texts.get(clause.original);
      if (!text) {
        if (options.complete) throw new Error(`demo language versions: no ${language} text for “${clause.original}”`);
        continue;
      }
      history.on(when.daysAgo, when.hour, saved * MINUTES_PER_CLAUSE);
      await this.languageVersions.save(translator, documentId, n, { clauseId: clause.clauseId, language, text });
      saved++;
    }
    return saved;
  }

  /** The afternoon Rev.1 was issued (the day before the demo was loaded, after its other acts): French and Arabic on it, then the authentic languages. */
  async afterRev1(people: DemoPeople, groupIds: Map<string, string>, documentId: string, history: DemoHistory): Promise<void> {
    const fixture = loadWorkingGroups().find((g) => g.document);
    const groupId = fixture ? groupIds.get(fixture.name) : undefined;
    const chair = fixture ? people.delegates.get(fixture.chairs[0]) : undefined;
    if (!groupId || !chair) return;
    const { currentVersion } = await this.reads.get(null, documentId);
    const french = await this.translate(people, documentId, currentVersion, 'fr', history, { daysAgo: 1, hour: 15 }, { complete: true, leaveOutdated: ['5.'] });
    const arabic = await this.translate(people, documentId, currentVersion, 'ar', history, { daysAgo: 1, hour: 16 });
    history.on(1, 17);
    await this.languageVersions.setAuthenticLanguages(chair, groupId, {
      languages: ['en', 'fr'],
      note: 'The Paris Call was issued in English and French; the group will adopt its principles in both, equally authentic.',
    });
    this.logger.log(`Demo language versions on version ${currentVersion}: ${french} French and ${arabic} Arabic clauses updated; English and French authentic`);
  }
}
