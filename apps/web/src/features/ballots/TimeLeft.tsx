import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../ui/useNow';
import { currentLanguage, intlLocale } from '../../i18n';

const UNITS: [Intl.NumberFormatOptions['unit'] & string, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "2 days, 3 hours" / "2 jours et 3 heures": the two largest whole units of a duration. */
export function formatDuration(ms: number, lng: string): string {
  const start = Math.max(
    0,
    UNITS.findIndex(([, size]) => ms >= size),
  );
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of UNITS.slice(start, start + 2)) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || parts.length === 0) parts.push(new Intl.NumberFormat(lng, { style: 'unit', unit, unitDisplay: 'long' }).format(n));
  }
  try {
    return new Intl.ListFormat(lng, { style: 'long', type: 'unit' }).format(parts);
  } catch {
    return parts.join(' ');
  }
}

/** A moment in the reader's language and time zone, with the zone named (delegates are in many). */
export function formatDateTime(iso: string, lng: string): string {
  return new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) + ' ' + zoneName(iso, lng);
}

function zoneName(iso: string, lng: string): string {
  const part = new Intl.DateTimeFormat(lng, { timeZoneName: 'short' }).formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName');
  return part ? `(${part.value})` : '';
}

/** When an open ballot closes, counting down; the clock ticks each second, but screen readers are not interrupted. */
export function TimeLeft({ closesAt }: { closesAt: string }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const now = useNow(1000);
  const left = new Date(closesAt).getTime() - now;
  return (
    <Text fw={600} data-testid="time-left">
      {left > 0
        ? t('ballots.closesIn', { duration: formatDuration(left, lng), date: formatDateTime(closesAt, lng) })
        : t('ballots.closingNow', { date: formatDateTime(closesAt, lng) })}
    </Text>
  );
}
