import { Anchor, Group, Paper, Text } from '@mantine/core';
import type { DocumentResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Consolidate } from '../documents/ConsolidateDialog';
import { useBrackets } from './useBrackets';

/**
 * Above the text: how many passages are still in square brackets, a link to the bracket ledger, and
 * (for a chair or rapporteur) the consolidation when only chosen options are waiting for it.
 */
export function BracketSummary({ doc }: { doc: DocumentResponse }) {
  const { t } = useTranslation();
  const query = useBrackets(doc.id, doc.version.number);
  const brackets = query.data?.brackets ?? [];
  if (brackets.length === 0) return null;
  const open = brackets.filter((b) => b.status === 'open').length;
  const waiting = brackets.filter((b) => b.removal?.resolution === 'option-chosen' && b.removal.consolidatedInVersion === null).length;
  const consolidateHere = doc.version.isCurrent && doc.can.consolidate && doc.version.acceptedWaiting === 0 && waiting > 0;
  return (
    <Paper withBorder p="xs" radius="md" component="section" aria-label={t('negotiation.brackets.summaryLabel')} data-testid="bracket-summary">
      <Group gap="md" wrap="wrap" align="flex-start">
        <Text size="sm">
          {t('negotiation.brackets.openCount', { count: open })}
          {waiting > 0 ? ` · ${t('negotiation.brackets.waitingCount', { count: waiting })}` : ''}
        </Text>
        <Anchor component={Link} to={`/documents/${doc.id}/brackets`} size="sm">
          {t('negotiation.brackets.ledgerLink')}
        </Anchor>
        {consolidateHere ? <Consolidate doc={doc} /> : null}
      </Group>
    </Paper>
  );
}
