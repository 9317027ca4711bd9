import { Alert, List, Stack, Text } from '@mantine/core';
import { ALARM_SEVERITIES, type AlarmSeverity, type CaptureAlarm } from '@parley/domain';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../ui/useFormatters';
import { alarmSentence } from './alarm-text';
import { currentLanguage, intlLocale } from '../../i18n';

const COLOURS: Record<AlarmSeverity, string> = { critical: 'red', warning: 'orange', info: 'blue' };

const icon = { width: 18, height: 18, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2.2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true, focusable: false } as const;
/** Decorative: the title says the severity in words. */
const ICONS: Record<AlarmSeverity, JSX.Element> = {
  critical: (
    <svg {...icon}>
      <path d="M7.9 2h8.2L22 7.9v8.2L16.1 22H7.9L2 16.1V7.9z" />
      <path d="M12 8v4M12 16h.01" />
    </svg>
  ),
  warning: (
    <svg {...icon}>
      <path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
      <path d="M12 9v4M12 17h.01" />
    </svg>
  ),
  info: (
    <svg {...icon}>
      <circle cx="12" cy="12" r="10" />
      <path d="M12 16v-4M12 8h.01" />
    </svg>
  ),
};
/** Alarms whose sentence already says since when. */
const DATED_IN_SENTENCE = new Set<CaptureAlarm['code']>(['chair-unconfirmed', 'chair-term-expired']);

/** A group's capture alarms as sentences, grouped by severity, each severity named in words (not only its colour), with since when. */
export function AlarmList({ alarms, compact = false }: { alarms: CaptureAlarm[]; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const lng = intlLocale(currentLanguage(i18n));
  if (alarms.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="no-alarms">
        {t('workingGroups.alarms.none')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="alarms">
      {ALARM_SEVERITIES.map((severity) => {
        const mine = alarms.filter((a) => a.severity === severity);
        if (mine.length === 0) return null;
        return (
          <Alert
            key={severity}
            color={COLOURS[severity]}
            variant="light"
            p={compact ? 'xs' : 'sm'}
            icon={ICONS[severity]}
            data-severity={severity}
            title={t(`workingGroups.alarms.severity.${severity}`, { count: mine.length })}
            styles={{ title: { color: 'var(--mantine-color-gray-9)' }, icon: { color: `var(--mantine-color-${COLOURS[severity]}-9)` } }}
          >
            <List size="sm" spacing={4}>
              {mine.map((a, i) => (
                <List.Item key={`${a.code}-${i}`} data-alarm={a.code}>
                  <Text span size="sm" c="gray.9">
                    {alarmSentence(t, a, lng)}
                  </Text>
                  {a.since && !compact && !DATED_IN_SENTENCE.has(a.code) ? (
                    <Text span size="xs" c="gray.7">
                      {' '}
                      {t('workingGroups.alarms.since', { date: f.date(a.since) })}
                    </Text>
                  ) : null}
                </List.Item>
              ))}
            </List>
          </Alert>
        );
      })}
    </Stack>
  );
}
