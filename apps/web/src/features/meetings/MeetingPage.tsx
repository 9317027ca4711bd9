import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import type { MeetingView } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { problemMessage } from '../../i18n/server-messages';
import { ConfirmActions } from '../../ui/ConfirmActions';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useMe } from '../auth/useSession';
import { AgendaSection } from './AgendaSection';
import { AttendanceSection } from './AttendanceSection';
import { EditMeetingDetails } from './EditMeetingDetails';
import { MeetingStatusBadge, MeetingWhen } from './MeetingBadges';
import { MeetingReportPanel } from './report/MeetingReportPanel';
import { SpeakersPanel } from './SpeakersPanel';
import { SpeakingTimePanel } from './SpeakingTimePanel';
import { useCloseMeeting, useMeeting, useMeetingLive, useOpenMeeting } from './useMeetings';

/** Opening or closing the session, each after a confirmation. */
function OpenClose({ m }: { m: MeetingView }) {
  const { t } = useTranslation();
  const open = useOpenMeeting(m.id);
  const close = useCloseMeeting(m.id);
  const [asking, setAsking] = useState(false);
  const act = m.status === 'planned' ? open : close;
  const kind = m.status === 'planned' ? 'open' : 'close';
  if (m.status === 'closed' || !m.viewer.runs) return null;
  return (
    <Stack gap="xs">
      {asking ? (
        <Paper withBorder p="sm" data-testid={`meeting-${kind}-confirm`}>
          <Stack gap="xs">
            <Text size="sm">{t(`meetings.${kind}.confirm`)}</Text>
            <ConfirmActions
              color={kind === 'close' ? 'red' : undefined}
              confirm={t(`meetings.${kind}.yes`)}
              loading={act.isPending}
              onConfirm={() => act.mutate(undefined, { onSuccess: () => setAsking(false) })}
              onCancel={() => setAsking(false)}
            />
          </Stack>
        </Paper>
      ) : (
        <div>
          <Button
            color={kind === 'close' ? 'red' : 'green'}
            variant={kind === 'close' ? 'outline' : 'filled'}
            onClick={() => setAsking(true)}
            data-testid={`meeting-${kind}`}
          >
            {t(`meetings.${kind}.button`)}
          </Button>
        </div>
      )}
      {act.isError ? (
        <Alert color="red" variant="light" role="alert">
          {problemMessage(t, act.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}

function Header({ m }: { m: MeetingView }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Text size="sm" c="dimmed" fw={600} tt="uppercase">
        <Anchor component={Link} to={`/working-groups/${m.workingGroupId}`} c="dimmed">
          {m.workingGroupName}
        </Anchor>
      </Text>
      <Group gap="sm" align="center" wrap="wrap">
        <PageTitle>{m.title}</PageTitle>
        <MeetingStatusBadge status={m.status} />
      </Group>
      <Text size="sm">
        <MeetingWhen m={m} />
      </Text>
      <Text size="sm" data-testid="meeting-where">
        {m.place ? t('meetings.where.place', { place: m.place }) : null}
        {m.place && m.online ? ' · ' : null}
        {m.online && !m.onlineUrl ? t('meetings.where.online') : null}
        {m.onlineUrl ? (
          <Anchor href={m.onlineUrl} target="_blank" rel="noopener noreferrer" data-testid="meeting-online-link">
            {t('meetings.where.join')}
          </Anchor>
        ) : null}
      </Text>
      <Group gap="md" wrap="wrap">
        <Anchor href={`/api/meetings/${m.id}/calendar.ics`} size="sm" data-testid="meeting-ics">
          {t('meetings.addToCalendar')}
        </Anchor>
        <Anchor href={`/meetings/${m.id}/room`} target="_blank" rel="noopener" size="sm" data-testid="meeting-room-link">
          {t('meetings.roomLink')}
        </Anchor>
      </Group>
      <EditMeetingDetails m={m} />
      <OpenClose m={m} />
    </Stack>
  );
}

/** A session's page (issue #21): when and where, the agenda, attendance and quorum, the list of speakers and speaking time, live. */
export default function MeetingPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const meeting = useMeeting(id);
  const me = useMe();
  useMeetingLive(id);
  if (meeting.isPending) return <PageLoader />;
  if (meeting.isError) {
    if (isProblem(meeting.error) && (meeting.error.status === 404 || meeting.error.status === 400))
      return (
        <Stack>
          <PageTitle>{t('meetings.title')}</PageTitle>
          <Text>{t('meetings.notFound')}</Text>
        </Stack>
      );
    return <QueryError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  }
  const m = meeting.data;
  return (
    <Stack gap="xl" data-testid="meeting-page" data-status={m.status}>
      <Header m={m} />
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="xl">
            <AgendaSection m={m} />
            <SpeakersPanel m={m} meId={me.data?.id ?? null} />
            <SpeakingTimePanel m={m} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="xl">
            <AttendanceSection m={m} />
            <MeetingReportPanel meeting={m} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
