import { Alert, Box, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { MeetingView } from '@parley/contracts';
import { STAKEHOLDER_COLOURS, type SpeakingTime } from '@parley/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../ui/duration';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { useNow } from '../../ui/useNow';
import { liveSpeakingTime } from './meeting-time';
import { currentLanguage, intlLocale } from '../../i18n';

const pct = (share: number) => Math.round(share * 100);

/** The alarms as sentences: "Governments have held 72 % of the floor; the group's cap is 50 %." */
export function useAlarmSentences(st: SpeakingTime): string[] {
  const { t } = useTranslation();
  return st.alarms.map((a) => t(`meetings.speakingTime.alarm.${a.stakeholderGroup}`, { share: pct(a.share), cap: pct(a.cap) }));
}

/** Speaking time by stakeholder group (bars) and by organisation, with the turn under way counted as it runs. */
export function SpeakingTimeView({ st }: { st: SpeakingTime }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const sentences = useAlarmSentences(st);
  const alarmKey = st.alarms.map((a) => a.stakeholderGroup).join(',');
  // Announced once when an alarm is raised (or the set of groups changes), not at every tick of the clock.
  const [announced, setAnnounced] = useState('');
  const sentencesRef = useRef(sentences);
  sentencesRef.current = sentences;
  useEffect(() => {
    setAnnounced(alarmKey ? sentencesRef.current.join(' ') : '');
  }, [alarmKey]);
  return (
    <Stack gap="sm">
      <VisuallyHidden role="alert" data-testid="speaking-alarm-announce">
        {announced}
      </VisuallyHidden>
      {sentences.length > 0 ? (
        <Alert color="red" variant="light" role="note" title={t('meetings.speakingTime.alarmTitle')} data-testid="speaking-alarm">
          {sentences.map((s) => (
            <Text key={s} size="sm" fw={600}>
              {s}
            </Text>
          ))}
        </Alert>
      ) : null}
      <Text size="sm" c="dimmed">
        {t('meetings.speakingTime.total', { duration: formatDuration(st.totalSeconds, lng), count: st.turns })} ·{' '}
        {t('meetings.speakingTime.cap', { cap: pct(st.cap) })}
      </Text>
      <Stack gap={6} data-testid="speaking-by-group">
        {st.byStakeholderGroup.map((g) => (
          <Box key={g.stakeholderGroup} data-speaking-group={g.stakeholderGroup}>
            <Text size="sm" component="div">
              <StakeholderGroupBadge group={g.stakeholderGroup} size="xs" /> {pct(g.share)} % · {formatDuration(g.seconds, lng)} ·{' '}
              {t('meetings.speakingTime.turns', { count: g.turns })}
            </Text>
            <Box
              role="meter"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={pct(g.share)}
              aria-label={t(`groups.${g.stakeholderGroup}`)}
              h={10}
              mt={2}
              style={{ background: 'var(--mantine-color-gray-2)', borderRadius: 4, overflow: 'hidden', position: 'relative' }}
            >
              <Box h="100%" style={{ width: `${pct(g.share)}%`, background: STAKEHOLDER_COLOURS[g.stakeholderGroup] }} />
              <Box
                style={{ position: 'absolute', top: 0, bottom: 0, insetInlineStart: `${pct(st.cap)}%`, borderInlineStart: '2px dashed var(--mantine-color-red-8)' }}
                aria-hidden="true"
              />
            </Box>
          </Box>
        ))}
      </Stack>
      {st.byOrganisation.length > 0 ? (
        <Table.ScrollContainer minWidth={300}>
          <Table striped data-testid="speaking-by-organisation">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('meetings.speakingTime.organisation')}</Table.Th>
                <Table.Th>{t('meetings.speakingTime.time')}</Table.Th>
                <Table.Th>{t('meetings.speakingTime.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {st.byOrganisation.map((o) => (
                <Table.Tr key={o.organisationId}>
                  <Table.Td>
                    {o.organisationName} <StakeholderGroupBadge group={o.stakeholderGroup} size="xs" />
                  </Table.Td>
                  <Table.Td>{formatDuration(o.seconds, lng)}</Table.Td>
                  <Table.Td>{pct(o.share)} %</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

export function SpeakingTimePanel({ m }: { m: MeetingView }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  // The server counts ended turns; while someone speaks, the page counts their turn too, as it runs.
  const st: SpeakingTime = m.floor.speaking ? liveSpeakingTime(m, now) : m.speakingTime;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="meeting-speaking-time" data-testid="speaking-time">
      <Title order={2} size="h3" id="meeting-speaking-time" mb="sm">
        {t('meetings.speakingTime.title')}
      </Title>
      <SpeakingTimeView st={st} />
    </Paper>
  );
}
