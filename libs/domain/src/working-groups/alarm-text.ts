/** Small English wording helpers shared by the alarm messages. */

/** Whole percent ("73%"); one decimal when rounding would make a share look equal to `against` ("50.5%"). */
export function percent(share: number, against?: number): string {
  const whole = Math.round(share * 100);
  if (against !== undefined && share !== against && whole === Math.round(against * 100)) {
    return `${Math.round(share * 1000) / 10}%`;
  }
  return `${whole}%`;
}

export function toIsoDatetime(isoDateOrDatetime: string): string {
  return new Date(Date.parse(isoDateOrDatetime)).toISOString();
}

export function day(iso: string): string {
  return toIsoDatetime(iso).slice(0, 10);
}

/** ", since 2026-03-02" or nothing when unknown. */
export function sincePhrase(since: string | null): string {
  return since === null ? '' : `, since ${day(since)}`;
}

/** "A", "A and B", "A, B and C". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "A, B and 490 more" when `total` exceeds the items named; plain `listOf` otherwise. */
export function listOfSome(items: readonly string[], total: number): string {
  const unnamed = total - items.length;
  return unnamed > 0 ? listOf([...items, `${unnamed} more`]) : listOf(items);
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Earliest of some ISO instants, ignoring unknowns; null when none is known. */
export function earliest(instants: ReadonlyArray<string | null>): string | null {
  const known = instants.filter((i): i is string => i !== null).sort((a, b) => Date.parse(a) - Date.parse(b));
  return known[0] ?? null;
}
