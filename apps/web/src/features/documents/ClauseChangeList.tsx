import { Group, Paper, Stack, Text } from '@mantine/core';
import type { AgreedLanguagePedigree, CompareResponse } from '@parley/contracts';
import type { ClauseChangeStatus } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { DiffText } from './DiffText';
import { ToneBadge, type Tone } from './ToneBadge';
import { BracketMarks } from '../negotiation/BracketMarks';
import { ReopensAgreedLanguage } from '../agreed-language/ReopensAgreedLanguage';

export const CLAUSE_CHANGE_TONES: Record<ClauseChangeStatus, Tone> = { unchanged: 'gray', changed: 'blue', moved: 'grape', inserted: 'green', deleted: 'red' };

/**
 * Clause by clause, what one version changes against another: status, label (or its renumbering) and
 * the word diff; and, from a comparison, whether the change reopens agreed language (`reopens`).
 */
export function ClauseChangeList({ rows, reopens = [] }: { rows: CompareResponse['clauses']; reopens?: CompareResponse['reopensAgreedLanguage'] }) {
  const reopened = new Map<string, AgreedLanguagePedigree[]>();
  for (const r of reopens) reopened.set(r.clauseId, [...(reopened.get(r.clauseId) ?? []), r.pedigree]);
  const { t } = useTranslation();
  return (
    <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
      {rows.map((row) => (
        <Paper
          component="li"
          key={`${row.status}-${row.clauseId}`}
          withBorder
          p="sm"
          radius="md"
          data-status={row.status}
          data-clause-id={row.clauseId}
          data-reopens={reopened.has(row.clauseId) || undefined}
        >
          <Group gap="xs" mb={4} wrap="wrap">
            <ToneBadge tone={CLAUSE_CHANGE_TONES[row.status]}>{t(`documents.compare.status.${row.status}`)}</ToneBadge>
            <Text size="sm" fw={600}>
              {row.beforeLabel && row.afterLabel && row.beforeLabel !== row.afterLabel
                ? t('documents.compare.renumbered', { before: row.beforeLabel, after: row.afterLabel })
                : (row.afterLabel ?? row.beforeLabel ?? t(`documents.kinds.${(row.after ?? row.before)!.kind}`))}
            </Text>
          </Group>
          {reopened.has(row.clauseId) ? (
            <Stack mb={4}>
              <ReopensAgreedLanguage pedigrees={reopened.get(row.clauseId)!} compact />
            </Stack>
          ) : null}
          <DiffText parts={row.diff} />
          {row.after ? <BracketMarks clauseId={row.clauseId} /> : null}
        </Paper>
      ))}
    </Stack>
  );
}
