/**
 * Finding members by name as someone types a mention (issue #20): case and accents do not matter,
 * and each word typed is the start of some word of the name ("mo" finds "Isabelle Moreau", "ele"
 * does not; "jose" finds "José", "ana ru" finds "Ana Ruiz").
 */
const words = (s: string): string[] =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

/** Whether `name` matches what was typed; an empty query matches every name. */
export function nameMatches(name: string, typed: string): boolean {
  const wanted = words(typed);
  if (wanted.length === 0) return true;
  const have = words(name);
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}

/** The first `max` of `people` whose name matches, in their order. */
export function searchByName<T extends { name: string }>(people: readonly T[], typed: string, max: number): T[] {
  const out: T[] = [];
  for (const p of people) {
    if (out.length >= max) break;
    if (nameMatches(p.name, typed)) out.push(p);
  }
  return out;
}
