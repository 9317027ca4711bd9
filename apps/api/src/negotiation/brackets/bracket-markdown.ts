import type { BracketView } from '@parley/contracts';

const GROUP_NAMES = { government: 'Government', 'private-sector': 'Private sector', 'civil-society': 'Civil society' } as const;

/** Who, as a Markdown export names them: name, organisation and stakeholder group as at the act. */
function who(a: BracketView['requestedBy'], md: (s: string | null) => string): string {
  const s = a.snapshot;
  return s ? `${md(a.name)} (${md(s.organisationName)}, ${GROUP_NAMES[s.stakeholderGroup]})` : md(a.name);
}

/** A clause's text cut at its open, located brackets (in order; a bracket overlapping an earlier one is left out): plain text, and each bracket's passage with its live options. */
export type BracketPiece = { text: string; bracket?: undefined } | { text: string; bracket: BracketView; options: string[] };

export function bracketPieces(text: string, brackets: readonly BracketView[]): BracketPiece[] {
  const located = brackets.filter((b) => b.status === 'open' && b.start !== null && b.end !== null).sort((a, b) => a.start! - b.start!);
  const out: BracketPiece[] = [];
  let at = 0;
  for (const b of located) {
    if (b.start! < at) continue;
    out.push({ text: text.slice(at, b.start!) }, { text: b.passage, bracket: b, options: b.options.filter((o) => o.mergedInto === null).map((o) => o.text) });
    at = b.end!;
  }
  out.push({ text: text.slice(at) });
  return out;
}

/**
 * A clause's text in Markdown with its open brackets in place: `\\[passage\\]\\[option 1\\]\\[option 2\\]`
 * (the square brackets escaped, so they read as brackets, not links). `md` escapes the text itself.
 */
export function bracketedMarkdown(text: string, brackets: readonly BracketView[], md: (s: string) => string): string {
  return bracketPieces(text, brackets)
    .map((p) => (p.bracket ? [p.text, ...p.options].map((alt) => `\\[${md(alt)}\\]`).join('') : md(p.text)))
    .join('');
}

/** The open brackets of a text, listed with who asked for each and why, and each option with who proposed it. */
export function bracketsSection(brackets: readonly BracketView[], labelOf: (clauseId: string) => string, md: (s: string | null) => string): string[] {
  const open = brackets.filter((b) => b.status === 'open');
  if (open.length === 0) return [];
  const out = ['## Passages in square brackets', ''];
  for (const b of open) {
    out.push(`- ${labelOf(b.clauseId)} \\[${md(b.passage)}\\]: asked for by ${who(b.requestedBy, md)} on ${b.requestedAt.slice(0, 10)}: ${md(b.reason)}`);
    for (const o of b.options)
      out.push(
        `  - Option \\[${md(o.text)}\\] proposed by ${who(o.proposedBy, md)} on ${o.proposedAt.slice(0, 10)}${o.rationale ? `: ${md(o.rationale)}` : ''}`,
      );
  }
  out.push('');
  return out;
}
