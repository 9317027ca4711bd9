/** The `@` being typed before the caret: where it starts and the letters after it (none open no list). */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(Math.max(0, caret - 60), caret);
  const m = /(^|[\s(])@([\p{L}\p{M}\p{N}'’.-]{1,40})$/u.exec(before);
  if (!m) return null;
  return { start: caret - m[2].length - 1, query: m[2] };
}

/** The text with `token` (and a space) in place of the `@query` that ends at the caret; the caret after it. */
export function insertMention(text: string, at: { start: number; query: string }, token: string): { text: string; caret: number } {
  const end = at.start + 1 + at.query.length;
  const rest = text.slice(end);
  const inserted = `${token}${rest.startsWith(' ') ? '' : ' '}`;
  return { text: text.slice(0, at.start) + inserted + rest, caret: at.start + inserted.length + (rest.startsWith(' ') ? 1 : 0) };
}
