/**
 * The label a new chair's text is suggested: "Zero draft" for the first chair's text of a document,
 * then "Rev.1", "Rev.2"… counting the chair's texts issued since the zero draft. The chair may
 * override it (a group's own document symbol, "Rev.2/Corr.1"…): `earlier` is the list of labels
 * already issued, in order, and only their number matters.
 */
export function suggestChairsTextLabel(earlier: readonly string[]): string {
  return earlier.length === 0 ? 'Zero draft' : `Rev.${earlier.length}`;
}

const DASH = '\u2014';

export interface ChairsTextNaming {
  label: string;
  /** E.g. "Chair's text", "Co-facilitators' text", "Secretariat's text". */
  office: string;
  /** E.g. "draft", "non-paper". */
  standing: string;
  /** The pen holder's name and affiliation as at the act, e.g. "Ana Ruiz, Government of X (governments)"; null when not known. */
  penHolder: string | null;
}

/** "Rev.1 — Chair's text (draft), pen held by Ana Ruiz, Government of X (government)". */
export function chairsTextName(n: ChairsTextNaming): string {
  const head = `${n.label} ${DASH} ${n.office} (${n.standing})`;
  return n.penHolder ? `${head}, pen held by ${n.penHolder}` : head;
}
