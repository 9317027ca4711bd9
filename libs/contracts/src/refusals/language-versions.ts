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
  /**
   * Version `version` is being put to adoption (ballot open or silence procedure under way): its
   * authentic language versions (and those of earlier versions, which it reads) and the original
   * language do not change meanwhile; the vote is on them as they stood (decision 0045).
   */
  'language-versions-under-adoption': spec<{ version: number }>(409),
  /** Version `version` is adopted: its authentic language versions and the original language are frozen (decision 0045). */
  'language-versions-adopted': spec<{ version: number }>(409),
} as const;
