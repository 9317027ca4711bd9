/**
 * Replays a situation over the instants at which it could have changed (admissions, chair terms
 * starting and ending) and returns the instant from which it has held without interruption up to
 * the last one: the onset of the latest run. Null when it does not hold at the last instant.
 */
export function latestOnset(instants: readonly string[], holdsAt: (ms: number) => boolean): string | null {
  const distinct = [...new Set(instants.map((i) => Date.parse(i)))].sort((a, b) => a - b);
  let onset: number | null = null;
  for (const ms of distinct) {
    if (!holdsAt(ms)) onset = null;
    else if (onset === null) onset = ms;
  }
  return onset === null ? null : new Date(onset).toISOString();
}
