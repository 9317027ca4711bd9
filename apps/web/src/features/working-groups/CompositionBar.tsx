import { Box, Group, Stack, Text } from '@mantine/core';
import { STAKEHOLDER_COLOURS, STAKEHOLDER_GROUPS, type PopulationComposition } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { percentOf } from './alarm-text';
import { currentLanguage, intlLocale } from '../../i18n';

/**
 * A population (voting members, observers or chairs) as one bar split by stakeholder group, each
 * part in its group's colour, with the group names and counts written out beside it (colour is
 * never the only signal). A dashed mark shows the cap share when one is given.
 */
export function CompositionBar({ population, caption, capShare, compact = false }: { population: Pick<PopulationComposition, 'total' | 'byStakeholderGroup'>; caption: string; capShare?: number; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const parts = STAKEHOLDER_GROUPS.map((g) => ({ group: g, ...population.byStakeholderGroup[g] })).filter((p) => p.count > 0);
  const words =
    population.total === 0
      ? t('workingGroups.composition.empty')
      : parts.map((p) => t('workingGroups.composition.part', { group: t(`groups.${p.group}`), count: p.count, share: percentOf(p.share, lng) })).join(' · ');
  return (
    <Stack gap={4} component="figure" m={0} data-testid="composition-bar">
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Text component="figcaption" size="sm" fw={600}>
          {caption} <Text span size="sm" c="dimmed">({population.total})</Text>
        </Text>
        {capShare !== undefined ? (
          <Text size="xs" c="dimmed">
            {t('workingGroups.composition.cap', { share: percentOf(capShare, lng) })}
          </Text>
        ) : null}
      </Group>
      <Box
        role="img"
        aria-label={`${caption}: ${words}`}
        style={{ position: 'relative', display: 'flex', height: compact ? 14 : 20, borderRadius: 4, overflow: 'hidden', background: 'var(--mantine-color-gray-1)', border: '1px solid var(--mantine-color-gray-4)' }}
      >
        {parts.map((p) => (
          <Box key={p.group} data-group={p.group} style={{ background: STAKEHOLDER_COLOURS[p.group], flexGrow: p.count, flexBasis: 0, borderInlineEnd: '2px solid #fff' }} title={`${t(`groups.${p.group}`)}: ${p.count}`} />
        ))}
        {capShare !== undefined && population.total > 0 ? (
          <Box aria-hidden="true" style={{ position: 'absolute', top: 0, bottom: 0, insetInlineStart: `${capShare * 100}%`, borderInlineStart: '2px dashed #1a1b1e' }} />
        ) : null}
      </Box>
      {compact ? (
        <Text size="xs" c="dimmed">
          {words}
        </Text>
      ) : (
        <Group gap="xs" wrap="wrap">
          {parts.map((p) => (
            <Group key={p.group} gap={4} wrap="nowrap">
              <StakeholderGroupBadge group={p.group} size="sm" />
              <Text size="sm">
                {p.count} · {percentOf(p.share, lng)}
              </Text>
            </Group>
          ))}
          {population.total === 0 ? (
            <Text size="sm" c="dimmed">
              {t('workingGroups.composition.empty')}
            </Text>
          ) : null}
        </Group>
      )}
    </Stack>
  );
}
