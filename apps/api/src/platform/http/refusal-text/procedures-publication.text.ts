import type { RefusalTexts } from './texts';

export const PUBLICATION_TEXT = {
  'version-members-only': (p) => `Version ${p.version} is circulated to the group’s members only until ${p.until}, when it is published; its fingerprint is ${p.fingerprint}`,
} satisfies Partial<RefusalTexts>;
