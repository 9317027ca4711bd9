import { Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ImportedClauseView } from '@parley/contracts';
import { CLAUSE_KINDS, type ClauseKind } from '@parley/domain';
import { useTranslation } from 'react-i18next';

export type EditedClause = Pick<ImportedClauseView, 'kind' | 'text' | 'recognisedBy' | 'style'>;

/** How the importer read a paragraph's kind, in words. */
function recognisedBy(t: TFunction, c: EditedClause): string {
  if (c.recognisedBy === 'style') return c.style ? t('exchange.recognised.styleNamed', { style: c.style }) : t('exchange.recognised.style');
  return t(`exchange.recognised.${c.recognisedBy}`);
}

/**
 * The paragraphs of a Word file read as clauses: each one's kind, which the importer may correct,
 * how it was recognised, and its text, which they may edit. `references` names each (PP2, OP3).
 */
export function ImportedClauses({
  clauses,
  references,
  errors,
  onChange,
}: {
  clauses: EditedClause[];
  references: string[];
  errors: Record<string, string | undefined>;
  onChange: (index: number, change: Partial<Pick<EditedClause, 'kind' | 'text'>>) => void;
}) {
  const { t } = useTranslation();
  const kinds = CLAUSE_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }));
  return (
    <Stack component="ol" gap="md" m={0} p={0} style={{ listStyle: 'none' }} data-testid="imported-clauses">
      {clauses.map((c, i) => (
        <li key={i} className="exchange-clause" data-reference={references[i]}>
          <Group gap="sm" align="center" wrap="wrap" mb={4}>
            <Text fw={700} miw="2.5rem">
              {references[i]}
            </Text>
            <NativeSelect
              aria-label={t('exchange.import.kindOf', { number: i + 1 })}
              data={kinds}
              value={c.kind}
              onChange={(e) => onChange(i, { kind: e.currentTarget.value as ClauseKind })}
              size="xs"
              w={200}
              maw="100%"
              error={errors[`clauses.${i}.kind`]}
            />
            <Text size="xs" c="dimmed">
              {recognisedBy(t, c)}
            </Text>
          </Group>
          <Textarea
            aria-label={t('exchange.import.textOf', { number: i + 1 })}
            value={c.text}
            onChange={(e) => onChange(i, { text: e.currentTarget.value })}
            autosize
            minRows={1}
            maxRows={12}
            error={errors[`clauses.${i}.text`]}
            classNames={{ input: 'clause-text' }}
            data-kind={c.kind}
          />
        </li>
      ))}
    </Stack>
  );
}
