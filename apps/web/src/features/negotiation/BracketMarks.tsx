import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BracketGroup } from './BracketedText';
import { useClauseBrackets } from './BracketsContext';

/** Under a clause in a comparison: the passages of it still in square brackets in the version compared to, with their options. */
export function BracketMarks({ clauseId }: { clauseId: string }) {
  const { t } = useTranslation();
  const brackets = useClauseBrackets(clauseId);
  if (brackets.length === 0) return null;
  return (
    <Group gap="xs" mt={4} wrap="wrap" data-testid="compare-brackets">
      <Text size="xs" c="dimmed">
        {t('negotiation.brackets.inBrackets')}
      </Text>
      {brackets.map((b) => (
        <Text key={b.id} size="sm" component="span">
          <BracketGroup bracket={b} />
        </Text>
      ))}
    </Group>
  );
}
