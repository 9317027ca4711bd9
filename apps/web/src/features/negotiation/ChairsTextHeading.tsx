import { Group, Paper, Text, Title } from '@mantine/core';
import type { VersionSummary } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { chairsTextTitle } from './chairs-text-name';

/** The heading of a version issued as a chair's text: its label, office and standing, its symbol, and who held the pen (as at the issue). */
export function ChairsTextHeading({ version }: { version: Pick<VersionSummary, 'number' | 'chairsText'> }) {
  const { t } = useTranslation();
  const c = version.chairsText;
  if (!c) return null;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="chairs-text-title" data-testid="chairs-text-heading" data-standing={c.standing} data-office={c.office}>
      <Title order={2} size="h4" id="chairs-text-title">
        {chairsTextTitle(t, c)}
      </Title>
      {c.symbol ? (
        <Text size="sm" c="dimmed" data-testid="chairs-text-symbol">
          {t('chairsTexts.symbol', { symbol: c.symbol })}
        </Text>
      ) : null}
      <Group gap={6} wrap="wrap" mt={4}>
        <Text size="sm">{t('chairsTexts.heading')}</Text>
        <AffiliationBadge name={c.penHolder.name ?? '?'} personId={c.penHolder.id ?? undefined} affiliation={c.penHolder.snapshot} size="xs" />
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('chairsTexts.headingHint')}
      </Text>
    </Paper>
  );
}
