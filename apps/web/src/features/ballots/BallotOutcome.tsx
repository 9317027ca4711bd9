import { Badge, Paper, Stack, Text, Title } from '@mantine/core';
import type { BallotResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { closedBeforeItsTime } from './closed-before-its-time';
import { explainParts, formatShare } from './explanation';
import { NextSteps } from './NextSteps';
import { TallyBars } from './TallyBars';
import { formatDateTime } from './TimeLeft';
import { currentLanguage, intlLocale } from '../../i18n';

const COLOURS = { passed: 'green', failed: 'red', 'no-quorum': 'yellow' } as const;

/** After close: the outcome, the engine's explanation in the reader's language, and the final breakdown. */
export function BallotOutcome({ ballot }: { ballot: BallotResponse }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const result = ballot.result;
  if (ballot.status !== 'closed' || !result) return null;
  const [first, ...notes] = explainParts(t, lng, result.explanationParts);
  const failing = result.explanationParts.flatMap((p) => (p.code === 'chambered' && p.outcome === 'failed' ? p.failedGroups : []));
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="outcome-title"
      data-testid="ballot-outcome"
      style={{ borderWidth: 2, borderColor: `var(--mantine-color-${COLOURS[result.outcome]}-7)` }}
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="outcome-title">
          {t('ballots.outcomeTitle')}{' '}
          <Badge size="xl" variant="light" color={COLOURS[result.outcome]} styles={{ root: { textTransform: 'none', verticalAlign: 'middle' } }}>
            {t(`ballots.outcome.${result.outcome}`)}
          </Badge>
        </Title>
        <Text size="lg" data-testid="ballot-explanation">
          {first}
        </Text>
        {notes.map((n) => (
          <Text key={n}>{n}</Text>
        ))}
        <NextSteps ballot={ballot} />
        <Text size="sm" c="dimmed">
          <span data-testid="ballot-closed-by">
            {t(
              ballot.closedBy
                ? 'ballots.closedByChair'
                : closedBeforeItsTime(ballot.closedAt!, ballot.closesAt)
                  ? 'ballots.closedEarlyByOperator'
                  : 'ballots.closedOnTime',
              {
                date: formatDateTime(ballot.closedAt!, lng),
                closesAt: formatDateTime(ballot.closesAt, lng),
                name: ballot.closedBy?.name ?? '',
              },
            )}
          </span>
          {ballot.closedBy && ballot.closeReason ? <span data-testid="ballot-close-reason">{t('ballots.closeReason', { reason: ballot.closeReason })}</span> : null}
          {' · '}
          {result.participation.ratio === null
            ? t('ballots.participationNone')
            : t('ballots.participation', {
                participants: result.participation.participants,
                base: result.participation.base,
                share: formatShare(result.participation.ratio, lng),
              })}
        </Text>
        <TallyBars rows={result.byStakeholderGroup} caption={t('ballots.tally.final')} highlight={failing} />
        {result.disclosureControl ? (
          <Text size="sm" data-testid="disclosure-note">
            {t('ballots.disclosure.note', { count: result.disclosureControl.threshold })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
