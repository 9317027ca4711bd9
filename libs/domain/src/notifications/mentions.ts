/**
 * @mentions in comments. The composer inserts a mention as `@[Name](person-id)`; the text keeps the
 * name a reader sees, and the id says who is meant (two members may share a name). The server
 * resolves each id to a member of the group and records the mention with their affiliation.
 */
const MENTION = /@\[([^\]\n]{1,120})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/g;

export interface MentionToken {
  name: string;
  personId: string;
  /** Where the token starts and ends in the text. */
  start: number;
  end: number;
}

/** The mentions in a text, in order; each person once (their first mention). At most `max`. */
export function mentionsIn(text: string, max = 20): MentionToken[] {
  const seen = new Set<string>();
  const out: MentionToken[] = [];
  for (const m of text.matchAll(MENTION)) {
    const personId = m[2];
    if (seen.has(personId)) continue;
    seen.add(personId);
    out.push({ name: m[1], personId, start: m.index, end: m.index + m[0].length });
    if (out.length >= max) break;
  }
  return out;
}

/** The token the composer inserts for a member. Brackets in the name are dropped so the token stays one token. */
export const mentionToken = (name: string, personId: string): string => `@[${name.replace(/[[\]\n]/g, '').slice(0, 120)}](${personId})`;

/** The text as a reader sees it without markup: `@Name` for every token. */
export const withoutMentionMarkup = (text: string): string => text.replace(MENTION, (_m, name: string) => `@${name}`);

/** A text in pieces: plain strings, and each mention token as its name and person id (every occurrence, for display). */
export function mentionSegments(text: string): (string | { name: string; personId: string })[] {
  const out: (string | { name: string; personId: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(MENTION)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ name: m[1], personId: m[2] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
