import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import type { AttendanceView, MeetingView } from '@parley/contracts';
import { STAKEHOLDER_GROUPS } from '@parley/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { useWorkingGroup } from '../working-groups/useWorkingGroups';
import { useRecordAttendance } from './useMeetings';

/** Whether the quorum is met: present out of needed, and per stakeholder group when the group counts it so. */
export function QuorumIndicator({ q }: { q: MeetingView['quorum'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="quorum" data-met={q.met}>
      <Group gap="xs" wrap="wrap">
        <Text fw={600}>{t('meetings.quorum.title')}</Text>
        <Badge color={q.met ? 'green' : 'red'} variant="light" c="gray.9">
          {q.met ? t('meetings.quorum.met') : t('meetings.quorum.notMet')}
        </Badge>
      </Group>
      <Text size="sm">{t('meetings.quorum.count', { present: q.present, needed: q.needed, members: q.members, share: Math.round(q.quorum * 100) })}</Text>
      {q.byStakeholderGroup ? (
        <Stack gap={2}>
          {q.byStakeholderGroup.map((g) => (
            <Group key={g.stakeholderGroup} gap="xs" wrap="wrap">
              <StakeholderGroupBadge group={g.stakeholderGroup} size="xs" />
              <Text size="sm">
                {t('meetings.quorum.groupCount', { present: g.present, members: g.members })} · {g.met ? t('meetings.quorum.met') : t('meetings.quorum.notMet')}
              </Text>
            </Group>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

function RecordAttendance({ m }: { m: MeetingView }) {
  const { t } = useTranslation();
  const group = useWorkingGroup(m.workingGroupId);
  const record = useRecordAttendance(m.id);
  const [personId, setPersonId] = useState<string | null>(null);
  const [mode, setMode] = useState<string | null>('in-person');
  const present = new Set(m.attendance.map((a) => a.person.id));
  const options = (group.data?.members ?? []).filter((p) => !p.leftAt && !present.has(p.person.id)).map((p) => ({ value: p.person.id, label: p.person.name }));
  return (
    <Stack gap="xs" data-testid="record-attendance">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          label={t('meetings.attendance.member')}
          data={options}
          value={personId}
          onChange={setPersonId}
          searchable
          miw={200}
          data-testid="record-attendance-person"
        />
        <Select
          label={t('meetings.attendance.mode')}
          data={[
            { value: 'in-person', label: t('meetings.attendance.in-person') },
            { value: 'online', label: t('meetings.attendance.online') },
          ]}
          value={mode}
          onChange={setMode}
          allowDeselect={false}
          miw={140}
        />
        <Button
          variant="light"
          disabled={!personId}
          loading={record.isPending}
          onClick={() => personId && record.mutate({ personId, mode: mode === 'online' ? 'online' : 'in-person' }, { onSuccess: () => setPersonId(null) })}
          data-testid="record-attendance-submit"
        >
          {t('meetings.attendance.record')}
        </Button>
      </Group>
      {record.isError ? (
        <Alert color="red" variant="light" role="alert">
          {problemMessage(t, record.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** Check-in for members, the chair's record of others, the attendees by stakeholder group, and the quorum. */
export function AttendanceSection({ m }: { m: MeetingView }) {
  const { t } = useTranslation();
  const checkIn = useRecordAttendance(m.id);
  const mayCheckIn = m.viewer.mayAttend && m.viewer.attendance == null && m.status !== 'closed';
  const byGroup = (g: string) => m.attendance.filter((a) => a.person.snapshot?.stakeholderGroup === g);
  const none = m.attendance.filter((a) => !a.person.snapshot);
  const row = (a: AttendanceView) => (
    <li key={a.person.id ?? a.checkedInAt} data-testid="attendee">
      <Group gap="xs" wrap="wrap">
        <AffiliationBadge name={a.person.name ?? '?'} personId={a.person.id ?? undefined} affiliation={a.person.snapshot} size="xs" />
        <Badge size="xs" variant="light" c="gray.9" color={a.mode === 'online' ? 'cyan' : 'gray'}>
          {t(`meetings.attendance.${a.mode}`)}
        </Badge>
        {!a.voting ? (
          <Badge size="xs" variant="outline" color="gray" c="gray.9">
            {t('meetings.attendance.observer')}
          </Badge>
        ) : null}
      </Group>
    </li>
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="meeting-attendance" data-testid="meeting-attendance">
      <Stack gap="sm">
        <Title order={2} size="h3" id="meeting-attendance">
          {t('meetings.attendance.title')}
        </Title>
        <QuorumIndicator q={m.quorum} />
        {m.viewer.attendance ? (
          <Text size="sm" data-testid="my-attendance">
            {t('meetings.attendance.youAre', { mode: t(`meetings.attendance.${m.viewer.attendance}`) })}
          </Text>
        ) : null}
        {mayCheckIn ? (
          <Group gap="xs" wrap="wrap">
            <Button onClick={() => checkIn.mutate({ mode: 'in-person' })} loading={checkIn.isPending} data-testid="check-in-in-person">
              {t('meetings.attendance.checkInPerson')}
            </Button>
            <Button variant="outline" onClick={() => checkIn.mutate({ mode: 'online' })} loading={checkIn.isPending} data-testid="check-in-online">
              {t('meetings.attendance.checkInOnline')}
            </Button>
          </Group>
        ) : null}
        {checkIn.isError ? (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(t, checkIn.error)}
          </Alert>
        ) : null}
        {m.viewer.runs && m.status !== 'closed' ? <RecordAttendance m={m} /> : null}
        <Text size="sm" c="dimmed">
          {t('meetings.attendance.count', { count: m.attendance.length })}
        </Text>
        {[...STAKEHOLDER_GROUPS].map((g) => {
          const list = byGroup(g);
          if (list.length === 0) return null;
          return (
            <Stack key={g} gap={4} data-group={g}>
              <Title order={3} size="h5">
                {t(`groups.${g}`)} ({list.length})
              </Title>
              <Stack component="ul" gap={4} ps="md" m={0}>
                {list.map(row)}
              </Stack>
            </Stack>
          );
        })}
        {none.length > 0 ? (
          <Stack component="ul" gap={4} ps="md" m={0}>
            {none.map(row)}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
