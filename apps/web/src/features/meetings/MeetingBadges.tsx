import { Badge } from '@mantine/core';
import type { MeetingSummary } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { meetingWhen } from './meeting-time';
import { currentLanguage, intlLocale } from '../../i18n';

const COLOURS = { planned: 'blue', open: 'green', closed: 'gray' } as const;

export function MeetingStatusBadge({ status }: { status: MeetingSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} variant="light" c="gray.9" data-testid="meeting-status" data-status={status}>
      {t(`meetings.status.${status}`)}
    </Badge>
  );
}

/** When: in the meeting's time zone, then in the reader's when it differs. */
export function MeetingWhen({ m }: { m: Pick<MeetingSummary, 'startsAt' | 'endsAt' | 'timeZone'> }) {
  const { t, i18n } = useTranslation();
  const w = meetingWhen(m, intlLocale(currentLanguage(i18n)));
  return (
    <span data-testid="meeting-when">
      {t('meetings.when.inMeeting', { when: w.inMeeting, zone: m.timeZone })}
      {w.inReader ? (
        <>
          <br />
          <span style={{ color: 'var(--mantine-color-dimmed)' }}>{t('meetings.when.inReader', { when: w.inReader })}</span>
        </>
      ) : null}
    </span>
  );
}
