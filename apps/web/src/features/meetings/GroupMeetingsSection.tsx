import { Anchor, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { MeetingSummary, WorkingGroupResponse } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { notifySuccess } from '../../ui/notify';
import { QueryError } from '../../ui/QueryError';
import { useForm } from '../../ui/useForm';
import { MeetingStatusBadge, MeetingWhen } from './MeetingBadges';
import { DETAILS_ALIASES, detailsBody, detailsValues, MeetingDetailsFields, MeetingFormActions } from './MeetingDetailsFields';
import { useGroupMeetings, useScheduleMeeting } from './useMeetings';

function MeetingRow({ m }: { m: MeetingSummary }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="li" data-testid="group-meeting" data-meeting-id={m.id} style={{ listStyle: 'none' }}>
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/meetings/${m.id}`} fw={600}>
            {m.title}
          </Anchor>
          <MeetingStatusBadge status={m.status} />
        </Group>
        <Text size="sm">
          <MeetingWhen m={m} />
        </Text>
        <Text size="sm" c="dimmed">
          {[m.place, m.online ? t('meetings.where.online') : null].filter(Boolean).join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}

function MeetingList({ items, label, id }: { items: MeetingSummary[]; label: string; id: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5" id={id}>
        {label}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('meetings.group.none')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} aria-labelledby={id}>
          {items.map((m) => (
            <MeetingRow key={m.id} m={m} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** A chair or rapporteur schedules a session: times are typed in the chosen time zone (the browser's by default). */
function ScheduleForm({ groupId, onDone }: { groupId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const schedule = useScheduleMeeting(groupId);
  const form = useForm({ ...detailsValues(), agenda: '' }, { aliases: DETAILS_ALIASES });
  const submit = form.onSubmit(async (v) => {
    const items = v.agenda
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((title) => ({ title }));
    const meeting = await schedule.mutateAsync({ ...detailsBody(v), agenda: items });
    notifySuccess(t, t('meetings.schedule.done'));
    onDone();
    void navigate(`/meetings/${meeting.id}`);
  });
  return (
    <form ref={form.ref} onSubmit={(e) => void submit(e)} noValidate data-testid="schedule-meeting-form">
      <Stack gap="sm">
        <MeetingDetailsFields form={form} testIdPrefix="schedule" />
        <Textarea label={t('meetings.schedule.agenda')} description={t('meetings.schedule.agendaHint')} autosize minRows={3} {...form.textProps('agenda')} />
        <MeetingFormActions general={form.general} submitting={form.submitting} submit={t('meetings.schedule.submit')} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** The group's sessions (issue #21): upcoming and past, the calendar feed, and for chairs and rapporteurs the form to schedule one. */
export function GroupMeetingsSection({ group }: { group: WorkingGroupResponse }) {
  const { t } = useTranslation();
  const list = useGroupMeetings(group.id);
  const [scheduling, setScheduling] = useState(false);
  const runs = Boolean(group.viewer && (group.viewer.chair || group.viewer.membership?.rapporteur));
  const items = list.data?.items ?? [];
  const upcoming = items.filter((m) => m.status !== 'closed').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = items.filter((m) => m.status === 'closed').sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <Stack component="section" aria-labelledby="wg-meetings" gap="sm" data-testid="group-meetings">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3" id="wg-meetings">
          {t('meetings.group.title')}
        </Title>
        <Anchor href={`/api/working-groups/${group.id}/calendar.ics`} size="sm" data-testid="group-calendar-link">
          {t('meetings.group.subscribe')}
        </Anchor>
      </Group>
      {runs && !scheduling ? (
        <div>
          <Button variant="light" onClick={() => setScheduling(true)} data-testid="schedule-meeting">
            {t('meetings.schedule.button')}
          </Button>
        </div>
      ) : null}
      {runs && scheduling ? (
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {t('meetings.schedule.heading')}
          </Title>
          <ScheduleForm groupId={group.id} onDone={() => setScheduling(false)} />
        </Paper>
      ) : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess ? (
        <>
          <MeetingList items={upcoming} label={t('meetings.group.upcoming')} id="wg-meetings-upcoming" />
          <MeetingList items={past} label={t('meetings.group.past')} id="wg-meetings-past" />
        </>
      ) : null}
    </Stack>
  );
}
