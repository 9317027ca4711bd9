import type { RefusalTexts } from './texts';

export const LANGUAGE_VERSION_TEXT = {
  'members-only-translate': () => 'Only the group’s voting members, rapporteurs and chairs translate its texts',
  'translations-outdated': (p) =>
    `The authentic language versions are not up to date (${p.languages}): ${p.outdated} clauses outdated and ${p.missing} missing. Update them, or confirm the warning to go ahead`,
  'original-language-fixed': (p) => `The text has ${p.versions} versions: its original language is set once a second version exists`,
  'language-versions-under-adoption': (p) =>
    `Version ${p.version} is being put to adoption: its authentic language versions and its original language do not change until the procedure ends`,
  'language-versions-adopted': (p) => `Version ${p.version} is adopted: its authentic language versions and its original language are frozen`,
} satisfies Partial<RefusalTexts>;
