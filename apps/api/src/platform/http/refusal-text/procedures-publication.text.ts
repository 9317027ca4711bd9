import type { RefusalTexts } from './texts';

export const PUBLICATION_TEXT = {
  'version-members-only': (p) =>
    `Version ${p.version} is circulated to the group’s members only until ${p.until}, when it is published; its fingerprint is ${p.fingerprint}`,
  'ballot-needs-publication': (p) =>
    `Version ${p.version} is circulated to members only until ${p.until}: a ballot is public, so none opens on it (or on an amendment proposed on it) before it is published`,
} satisfies Partial<RefusalTexts>;
