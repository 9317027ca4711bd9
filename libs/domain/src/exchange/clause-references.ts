import type { Clause } from '../drafting/types';

/**
 * How delegates name the clauses of a text in a commenting template or a compilation: "PP2" for the
 * second preambular paragraph, "OP3" for the third operative one, "H1" for the first heading. The
 * same in every language (they are the UN's abbreviations). Returned by clause id, in reading order.
 */
export function clauseReferences(clauses: readonly Pick<Clause, 'id' | 'kind'>[]): Map<string, string> {
  const next = { heading: 1, preamble: 1, operative: 1 };
  const prefix = { heading: 'H', preamble: 'PP', operative: 'OP' } as const;
  return new Map(clauses.map((c) => [c.id, `${prefix[c.kind]}${next[c.kind]++}`]));
}

/**
 * The clause a reference names ("OP3", "op 3", "3", "3." and "PP 2" are all read), by id; null when
 * it names none. A bare number is an operative paragraph, as the text's own numbering shows it.
 */
export function clauseByReference(clauses: readonly Pick<Clause, 'id' | 'kind'>[], reference: string): string | null {
  const m = reference
    .trim()
    .toUpperCase()
    .match(/^(PP|OP|H)?\s*(\d{1,4})\s*\.?$/u);
  if (!m) return null;
  const wanted = `${m[1] ?? 'OP'}${Number(m[2])}`;
  for (const [id, ref] of clauseReferences(clauses)) if (ref === wanted) return id;
  return null;
}
