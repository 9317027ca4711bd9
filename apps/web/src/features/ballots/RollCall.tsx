import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import type { BallotResponse, RollCallEntryResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { useMoreRollCall } from './useBallot';

function ChoiceCell({ entry, choicesVisible }: { entry: RollCallEntryResponse; choicesVisible: boolean }) {
  const { t } = useTranslation();
  if (!entry.voted) return <Text c="dimmed">{t('ballots.rollCall.notVoted')}</Text>;
  if (!choicesVisible || !entry.choice) return <Text>{t('ballots.rollCall.voted')}</Text>;
  const colour = entry.choice === 'yes' ? 'green' : entry.choice === 'no' ? 'red' : 'gray';
  // Dark text on the light tint keeps 4.5:1 even on a striped row.
  const text = entry.choice === 'yes' ? '#1b5e30' : entry.choice === 'no' ? '#8a1c1c' : 'var(--mantine-color-gray-9)';
  return (
    <Badge variant="light" color={colour} styles={{ root: { textTransform: 'none', color: text } }}>
      {t(`ballots.choice.${entry.choice}`)}
    </Badge>
  );
}

/** Each member of the frozen electorate with the affiliation they vote under, their vote and reason (roll-call ballots). */
export function RollCall({ ballot }: { ballot: BallotResponse }) {
  const { t } = useTranslation();
  const first = ballot.rollCall;
  const more = useMoreRollCall(ballot.id, first?.nextCursor ?? null);
  if (!first) return null;
  const extra = more.data?.pages.flatMap((p) => p.items) ?? [];
  const entries = [...first.items, ...extra];
  const hasMore = more.data ? more.hasNextPage : first.nextCursor !== null;
  return (
    <Stack component="section" aria-labelledby="roll-call-title" gap="sm">
      <Title order={2} size="h3" id="roll-call-title">
        {t('ballots.rollCall.title')}
      </Title>
      {!first.choicesVisible ? <Text size="sm">{t('ballots.rollCall.hidden')}</Text> : null}
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('ballots.rollCall.voter')}</Table.Th>
              <Table.Th scope="col">{t('ballots.rollCall.vote')}</Table.Th>
              <Table.Th scope="col">{t('ballots.rollCall.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.voter.id} data-testid="roll-call-row">
                <Table.Td>
                  <AffiliationBadge name={e.voter.name} personId={e.voter.id} affiliation={e.snapshot} />
                  {e.castBy ? (
                    <Text size="xs" c="dimmed" data-testid="roll-call-cast-by">
                      {t('proxies.rollCall.castBy', { holder: e.castBy.name, voter: e.voter.name })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <ChoiceCell entry={e} choicesVisible={first.choicesVisible} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.reason ?? ''}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {hasMore ? (
        <Button
          variant="default"
          onClick={() => void (more.data ? more.fetchNextPage() : more.refetch())}
          loading={more.isFetching}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
