/** The office a chair's text is issued under: its authorship belongs to the office, not to a delegation. */
export const OFFICES = ['chair', 'co-facilitators', 'secretariat'] as const;
export type Office = (typeof OFFICES)[number];

/** How much weight a chair's text carries: a non-paper (for discussion), a draft, or the final text. */
export const CHAIRS_TEXT_STANDINGS = ['non-paper', 'draft', 'final'] as const;
export type ChairsTextStanding = (typeof CHAIRS_TEXT_STANDINGS)[number];

export const MAX_CHAIRS_TEXT_LABEL = 80;
export const MAX_CHAIRS_TEXT_SYMBOL = 120;

/** How a chair's text of each office is called in English (the interface says it in the reader's language). */
export const CHAIRS_TEXT_OFFICE_NAMES: Record<Office, string> = {
  chair: "Chair's text",
  'co-facilitators': "Co-facilitators' text",
  secretariat: "Secretariat's text",
};
