import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { DeclarationResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../ui/useFormatters';

/** Declarations of interest, newest first: kind, organisation concerned, note, dates. */
export function DeclarationList({ declarations, empty }: { declarations: DeclarationResponse[]; empty: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (declarations.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  const sorted = [...declarations].sort((a, b) => b.declaredAt.localeCompare(a.declaredAt));
  return (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
      {sorted.map((d) => (
        <Paper component="li" withBorder p="sm" key={d.id}>
          <Stack gap={4}>
            <Group gap="xs" wrap="wrap">
              <Badge variant="light" color="gray" size="sm" style={{ textTransform: 'none' }} c="gray.9">
                {t(`declarationKinds.${d.kind}`)}
              </Badge>
              <Text fw={600}>{d.organisationName}</Text>
              {d.since ? (
                <Text span size="sm" c="dimmed">
                  {t('people.since', { date: f.date(d.since) })}
                </Text>
              ) : null}
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {d.note}
            </Text>
            <Text size="xs" c="dimmed">
              {t('people.declaredOn', { date: f.date(d.declaredAt) })}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
