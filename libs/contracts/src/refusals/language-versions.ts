import { spec } from './define';

/** Language versions of a text (apps/api/src/drafting/language-versions, decision 0045). */
export const LANGUAGE_VERSION_REFUSALS = {
  /** Voting members, rapporteurs and chairs of the group translate its texts; observers and outsiders do not. */
  'members-only-translate': spec(403),
  /**
   * The version is not put to adoption while an authentic language of the group has outdated or
   * missing clauses, unless the chair confirms the warning (`acknowledgeOutdatedTranslations`).
   * `languages`: the codes joined by ', '; `outdated`, `missing`: clauses across them.
   */
  'translations-outdated': spec<{ languages: string; outdated: number; missing: number }>(409),
  /** The original language is set once the text has a second version: its translations are made from it. */
  'original-language-fixed': spec<{ versions: number }>(409),
} as const;
