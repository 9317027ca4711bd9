import type { RefusalTexts } from './texts';

/** Chair's texts (decision 0033). */
export const CHAIRS_TEXT_TEXT = {
  'consolidate-first': (p) =>
    `${p.accepted === 1 ? 'An accepted amendment is' : `${p.accepted} accepted amendments are`} waiting to be consolidated: consolidate first, then issue the chair's text`,
  'chairs-text-during-adoption': (p) => `An adoption ballot is open on version ${p.version}: no new version can be issued until it closes`,
} satisfies Partial<RefusalTexts>;
