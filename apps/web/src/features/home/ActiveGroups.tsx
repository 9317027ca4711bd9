import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { HomeWorkingGroup } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AlarmList } from '../working-groups/AlarmList';
import { CompositionBar } from '../working-groups/CompositionBar';

/** The active groups, the most alarming first: name, size, voting members by stakeholder group against the cap, and the capture alarms in words. */
export function ActiveGroups({ groups }: { groups: HomeWorkingGroup[] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="home-group-list">
      {groups.map((g) => (
        <Card key={g.id} withBorder radius="md" padding="sm" component="article" aria-labelledby={`home-wg-${g.id}`} data-testid="home-group">
          <Stack gap="xs">
            <Title order={3} size="h5" id={`home-wg-${g.id}`}>
              <Anchor component={Link} to={`/working-groups/${g.id}`}>
                {g.name}
              </Anchor>
            </Title>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" c="gray.7">
                {t('workingGroups.counts', { members: g.counts.members, observers: g.counts.observers })}
              </Text>
            </Group>
            <CompositionBar
              population={g.composition.votingMembers}
              caption={t('workingGroups.composition.votingMembers')}
              capShare={g.composition.caps.maxStakeholderGroupShare}
              compact
            />
            <AlarmList alarms={g.alarms} compact />
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
