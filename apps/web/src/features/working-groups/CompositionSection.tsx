import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { WorkingGroupResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { percentOf } from './alarm-text';
import { CompositionBar } from './CompositionBar';
import { currentLanguage, intlLocale } from '../../i18n';

/** Voting members, observers and chairs by stakeholder group, then voting members by organisation against the cap. */
export function CompositionSection({ group }: { group: WorkingGroupResponse }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const c = group.composition;
  const aboveCap = new Set(c.organisationsAboveCap.map((o) => o.organisationId));
  return (
    <Stack component="section" aria-labelledby="wg-composition" gap="sm">
      <Title order={2} size="h3" id="wg-composition">
        {t('workingGroups.composition.title')}
      </Title>
      <Paper withBorder p="md">
        <Stack gap="md">
          <CompositionBar population={c.votingMembers} caption={t('workingGroups.composition.votingMembers')} capShare={c.caps.maxStakeholderGroupShare} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <CompositionBar population={c.observers} caption={t('workingGroups.composition.observers')} />
            <CompositionBar population={c.chairs} caption={t('workingGroups.composition.chairs')} />
          </SimpleGrid>
        </Stack>
      </Paper>
      <Table.ScrollContainer minWidth={420} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
        <Table verticalSpacing={4} aria-label={t('workingGroups.composition.byOrganisation')}>
          <Table.Caption>{t('workingGroups.composition.orgCap', { cap: c.caps.maxVotingMembersPerOrganisation })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('workingGroups.composition.organisation')}</Table.Th>
              <Table.Th scope="col">{t('workingGroups.composition.group')}</Table.Th>
              <Table.Th scope="col" ta="end">
                {t('workingGroups.composition.votingMembersShort')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.votingMembers.byOrganisation.map((o) => (
              <Table.Tr key={o.organisationId}>
                <Table.Td>
                  <Text size="sm" fw={aboveCap.has(o.organisationId) ? 700 : 400}>
                    {o.organisationName}
                    {aboveCap.has(o.organisationId) ? ` · ${t('workingGroups.composition.aboveCap')}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="wrap">
                    <StakeholderGroupBadge group={o.stakeholderGroup} size="xs" />
                    <Text span size="xs" c="dimmed">
                      {t(`subtypes.${o.subtype}`)}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td ta="end">
                  <Text size="sm">
                    {o.count} · {percentOf(o.share, lng)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
