import type { RefusalTexts } from './texts';

/** Chair's texts (decision 0033). */
export const CHAIRS_TEXT_TEXT = {
  'consolidate-first': (p) =>
    `Consolidate first, then issue the chair's text: ${p.accepted} accepted amendment${p.accepted === 1 ? '' : 's'} and ${p.chosen} option${p.chosen === 1 ? '' : 's'} chosen when brackets were removed are waiting to be consolidated`,
  'chairs-text-during-adoption': (p) => `An adoption ballot is open on version ${p.version}: no new version can be issued until it closes`,
} satisfies Partial<RefusalTexts>;
