/** The office a chair's text is issued under: its authorship belongs to the office, not to a delegation. */
export const OFFICES = ['chair', 'co-facilitators', 'secretariat'] as const;
export type Office = (typeof OFFICES)[number];

/** How much weight a chair's text carries: a non-paper (for discussion), a draft, or the final text. */
export const CHAIRS_TEXT_STANDINGS = ['non-paper', 'draft', 'final'] as const;
export type ChairsTextStanding = (typeof CHAIRS_TEXT_STANDINGS)[number];

export const MAX_CHAIRS_TEXT_LABEL = 80;
export const MAX_CHAIRS_TEXT_SYMBOL = 120;
