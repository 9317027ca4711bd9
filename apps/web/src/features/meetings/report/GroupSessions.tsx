import { Anchor, Stack, Text, Title } from '@mantine/core';
import type { MeetingSummary } from '@parley/contracts';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { apiCall } from '../../../api/typed-client';
import { formatClock } from '../../../ui/duration';
import { useFormatters } from '../../../ui/useFormatters';
import { SpeakingTimeBars } from '../room/SpeakingTimeBars';
import { meetingKey, useGroupMeetings } from '../useMeetings';

/** One closed session: its title (a link), its date, and its speaking time by stakeholder group. */
function Session({ summary, meeting }: { summary: MeetingSummary; meeting: ReturnType<typeof useSessions>[number]['data'] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Stack component="li" gap={6} data-testid="record-session" data-meeting-id={summary.id}>
      <Text>
        <Anchor component={Link} to={`/meetings/${summary.id}`} fw={600}>
          {summary.title}
        </Anchor>{' '}
        <Text span c="dimmed" size="sm">
          · {f.date(summary.startsAt)}
        </Text>
      </Text>
      {meeting ? (
        meeting.speakingTime.turns === 0 ? (
          <Text size="sm" c="dimmed">
            {t('meetingReport.sessions.noSpeech')}
          </Text>
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('meetingReport.sessions.speakingTime', { total: formatClock(meeting.speakingTime.totalSeconds) })}
            </Text>
            <SpeakingTimeBars time={meeting.speakingTime} compact />
          </Stack>
        )
      ) : null}
    </Stack>
  );
}

const useSessions = (closed: MeetingSummary[]) =>
  useQueries({
    queries: closed.map((m) => ({
      queryKey: meetingKey(m.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => apiCall('GET /api/meetings/:id', { params: { id: m.id }, signal }),
    })),
  });

/** The public record's sessions: the group's closed sessions, each with its speaking time by stakeholder group. */
export function GroupSessions({ workingGroupId }: { workingGroupId: string }) {
  const { t } = useTranslation();
  const list = useGroupMeetings(workingGroupId);
  const closed = (list.data?.items ?? []).filter((m) => m.status === 'closed');
  const sessions = useSessions(closed);
  return (
    <Stack component="section" aria-labelledby="record-sessions" gap="sm" data-testid="record-sessions">
      <Title order={2} size="h3" id="record-sessions">
        {t('meetingReport.sessions.title')}
      </Title>
      <Text c="dimmed">{t('meetingReport.sessions.intro')}</Text>
      {list.data && closed.length === 0 ? <Text c="dimmed">{t('meetingReport.sessions.none')}</Text> : null}
      {closed.length ? (
        <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
          {closed.map((m, i) => (
            <Session key={m.id} summary={m} meeting={sessions[i]?.data} />
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
