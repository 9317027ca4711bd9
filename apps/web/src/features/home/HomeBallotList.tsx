import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { HomeBallot } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ballotTitle } from '../ballots/ballot-title';
import { formatDateTime, formatDuration } from '../ballots/TimeLeft';
import { currentLanguage, intlLocale } from '../../i18n';

/** Open ballots, soonest close first: title (in the reader's language), group, when it closes, how many have voted. */
export function HomeBallotList({ ballots, testId }: { ballots: HomeBallot[]; testId: string }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const now = Date.now();
  return (
    <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }} data-testid={testId}>
      {ballots.map((b) => {
        const left = new Date(b.closesAt).getTime() - now;
        return (
          <li key={b.id} className="home-row" data-ballot-id={b.id}>
            <Stack gap={4}>
              <Anchor component={Link} to={`/ballots/${b.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {ballotTitle(t, b)}
              </Anchor>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" c="gray.7">
                  {t(`ballots.subject.${b.subject.type}`)} · {b.workingGroup.name}
                </Text>
                {b.visibility === 'secret' ? (
                  <Badge size="sm" variant="outline" color="gray" c="gray.8" tt="none">
                    {t('home.ballots.secret')}
                  </Badge>
                ) : null}
              </Group>
              <Group gap="md" wrap="wrap">
                <Text size="sm" fw={600} c={left < 86_400_000 ? 'red.9' : 'gray.9'}>
                  <time dateTime={b.closesAt} title={formatDateTime(b.closesAt, lng)}>
                    {left > 0 ? t('home.ballots.closesIn', { duration: formatDuration(left, lng) }) : t('home.ballots.closing')}
                  </time>
                </Text>
                <Text size="sm" c="gray.7">
                  {t('ballots.votesCast', { count: b.votesCast, size: b.electorateSize })}
                </Text>
              </Group>
            </Stack>
          </li>
        );
      })}
    </Stack>
  );
}
