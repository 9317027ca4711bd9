import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { WorkingGroupSummary } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useMe } from '../auth/useSession';
import { AlarmList } from './AlarmList';
import { CompositionBar } from './CompositionBar';
import { StatusBadge, UnconfirmedBadge } from './badges';
import { useWorkingGroups } from './useWorkingGroups';

function GroupCard({ group }: { group: WorkingGroupSummary }) {
  const { t } = useTranslation();
  const headingId = `wg-${group.id}`;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId} data-testid="working-group-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4" id={headingId}>
            <Anchor component={Link} to={`/working-groups/${group.id}`}>
              {group.name}
            </Anchor>
          </Title>
          <StatusBadge status={group.status} />
        </Group>
        <Text size="sm" lineClamp={2}>
          {group.mandate}
        </Text>
        <Text size="sm" c="dimmed">
          {t('workingGroups.counts', { members: group.counts.members, observers: group.counts.observers })} · {t(`workingGroups.joinPolicy.${group.joinPolicy}`)}
        </Text>
        <CompositionBar population={group.composition.votingMembers} caption={t('workingGroups.composition.votingMembers')} capShare={group.composition.caps.maxStakeholderGroupShare} compact />
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('workingGroups.chairs.title')}
          </Text>
          {group.chairs.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('workingGroups.chairs.none')}
            </Text>
          ) : (
            group.chairs.map((c) => (
              <Group key={c.termId} gap={6} wrap="wrap">
                <AffiliationBadge name={c.person.name} personId={c.person.id} affiliation={c.snapshot} />
                {c.confirmed ? null : <UnconfirmedBadge />}
              </Group>
            ))
          )}
        </Stack>
        <AlarmList alarms={group.alarms} compact />
      </Stack>
    </Card>
  );
}

/** Every working group with its composition by stakeholder group, its chairs and its capture alarms. */
export function WorkingGroupsPage() {
  const { t } = useTranslation();
  const groups = useWorkingGroups();
  const me = useMe();
  if (groups.isPending) return <PageLoader />;
  if (groups.isError) return <QueryError error={groups.error} onRetry={() => void groups.refetch()} />;
  const { items } = groups.data;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <PageTitle>{t('workingGroups.title')}</PageTitle>
          <Text c="dimmed">{t('workingGroups.intro')}</Text>
        </Stack>
        <Group gap="sm">
          <Button component={Link} to="/chair-terms" variant="default">
            {t('chairTerms.title')}
          </Button>
          {me.data ? (
            <Button component={Link} to="/working-groups/new">
              {t('workingGroups.create.button')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {items.length === 0 ? <Text>{t('workingGroups.empty')}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {items.map((g) => (
          <GroupCard key={g.id} group={g} />
        ))}
      </SimpleGrid>
      <Badge variant="transparent" c="dimmed" style={{ textTransform: 'none', fontWeight: 400 }}>
        {t('workingGroups.capNote')}
      </Badge>
    </Stack>
  );
}

export default WorkingGroupsPage;
