import { Group, Text } from '@mantine/core';
import type { DocumentResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';

/**
 * Where the text stands, in one line: "41 of 52 paragraphs agreed, 6 ad ref, 5 bracketed", and
 * that it is provisional until the text is adopted (nothing is agreed until everything is agreed).
 */
export function NegotiationCounts({ doc }: { doc: DocumentResponse }) {
  const { t } = useTranslation();
  const n = doc.version.negotiation;
  if (!n || n.paragraphs === 0) return null;
  const line = [
    t('clauseStatus.counts.agreed', { agreed: n.agreed, count: n.paragraphs }),
    t('clauseStatus.counts.adRef', { count: n.adRef }),
    t('clauseStatus.counts.bracketed', { count: n.bracketed }),
  ].join(', ');
  return (
    <Group component="section" aria-label={t('clauseStatus.counts.label')} gap="xs" wrap="wrap" data-testid="negotiation-counts">
      <Text fw={600} data-testid="negotiation-counts-line">
        {line}
      </Text>
      <Text size="sm" c="dimmed">
        {n.provisional ? t('clauseStatus.provisional') : t('clauseStatus.final')}
      </Text>
    </Group>
  );
}
