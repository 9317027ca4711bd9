import { List, Paper, Text } from '@mantine/core';
import type { ConsolidationReport } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { useBrackets } from './useBrackets';

/** In the consolidation preview: the chosen options the new version applies, and those it cannot. */
export function BracketChoicesPreview({ documentId, report }: { documentId: string; report: ConsolidationReport }) {
  const { t } = useTranslation();
  const query = useBrackets(documentId, undefined);
  const choices = report.bracketChoices;
  if (!choices || (choices.applied.length === 0 && choices.notApplied.length === 0)) return null;
  const byId = new Map((query.data?.brackets ?? []).map((b) => [b.id, b]));
  const line = (bracketId: string, optionId: string) => {
    const b = byId.get(bracketId);
    const o = b?.options.find((x) => x.id === optionId);
    return t('negotiation.brackets.replaces', { passage: b?.passage ?? '…', text: o?.text ?? '…' });
  };
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="bracket-choices-preview">
      <Text size="sm" fw={600}>
        {t('negotiation.brackets.previewTitle', { count: choices.applied.length })}
      </Text>
      <List size="sm">
        {choices.applied.map((c) => (
          <List.Item key={c.bracketId}>{line(c.bracketId, c.optionId)}</List.Item>
        ))}
        {choices.notApplied.map((c) => (
          <List.Item key={c.bracketId}>
            {line(c.bracketId, c.optionId)} — {t(`negotiation.brackets.notApplied.${c.reason}`)}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
