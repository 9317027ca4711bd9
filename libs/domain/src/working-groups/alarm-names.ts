/**
 * How many people an alarm names. An alarm concerning a whole group (say 500 members whose
 * affiliations await confirmation) names the first ones by name and counts all of them: the
 * count is always given, so the alarm stays truthful while its size stays small.
 */
export const ALARM_NAMES_SHOWN = 10;

const byName = new Intl.Collator('en', { numeric: true });

/** The first `ALARM_NAMES_SHOWN` people by name ("Person 2" before "Person 10"; ties by id, so the choice is stable). */
export function firstByName<T extends { personId: string; name: string }>(people: readonly T[]): T[] {
  return [...people]
    .sort((a, b) => byName.compare(a.name, b.name) || a.personId.localeCompare(b.personId))
    .slice(0, ALARM_NAMES_SHOWN);
}
