import type { RefusalTexts } from './texts';

export const LANGUAGE_VERSION_TEXT = {
  'members-only-translate': () => 'Only the group’s voting members, rapporteurs and chairs translate its texts',
  'translations-outdated': (p) =>
    `The authentic language versions are not up to date (${p.languages}): ${p.outdated} clauses outdated and ${p.missing} missing. Update them, or confirm the warning to go ahead`,
  'original-language-fixed': (p) => `The text has ${p.versions} versions: its original language is set once a second version exists`,
} satisfies Partial<RefusalTexts>;
