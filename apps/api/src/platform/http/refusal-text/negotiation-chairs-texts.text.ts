import type { RefusalTexts } from './texts';

/** Chair's texts (decision 0033). */
export const CHAIRS_TEXT_TEXT = {
  'consolidate-first': (p) => {
    const waiting = [
      p.accepted > 0 ? (p.accepted === 1 ? '1 accepted amendment' : `${p.accepted} accepted amendments`) : null,
      p.chosen > 0 ? (p.chosen === 1 ? '1 option chosen at a bracket’s removal' : `${p.chosen} options chosen at brackets’ removal`) : null,
    ].filter((x) => x !== null);
    return `${waiting.join(' and ')} ${p.accepted + p.chosen === 1 ? 'is' : 'are'} waiting to be consolidated: consolidate first, then issue the chair's text`;
  },
  'chairs-text-during-adoption': (p) => `An adoption ballot is open on version ${p.version}: no new version can be issued until it closes`,
} satisfies Partial<RefusalTexts>;
