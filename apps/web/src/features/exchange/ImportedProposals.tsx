import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { ImportedProposalView } from '@parley/contracts';
import { wordDiff } from '@parley/domain';
import { proposalSentence, type ProposalShape } from './proposal-sentence';
import { useTranslation } from 'react-i18next';
import { DiffText } from '../documents/DiffText';

/** An imported proposal by the names of its clauses in the preview. */
const shape = (p: ImportedProposalView, references: readonly string[]): ProposalShape =>
  p.kind === 'insert'
    ? { kind: 'insert', after: p.afterClauseIndex === null ? null : (references[p.afterClauseIndex] ?? '?'), clauseKind: p.clauseKind }
    : { kind: p.kind, clause: references[p.clauseIndex] ?? '?' };

/**
 * The file's tracked changes, as the amendments the importer will propose on version 1: each one
 * what it does, the words it changes, and who made it in Word (the file's words); each removable.
 */
export function ImportedProposals({
  proposals,
  clauses,
  references,
  onRemove,
}: {
  proposals: { key: number; proposal: ImportedProposalView }[];
  clauses: { text: string }[];
  references: string[];
  onRemove: (key: number) => void;
}) {
  const { t } = useTranslation();
  if (proposals.length === 0) return <Text size="sm">{t('exchange.proposal.none')}</Text>;
  return (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} data-testid="imported-proposals">
      {proposals.map(({ key, proposal: p }) => {
        const sentence = proposalSentence(t, shape(p, references));
        const before = p.kind === 'insert' ? '' : (clauses[p.clauseIndex]?.text ?? '');
        const after = p.kind === 'delete' ? '' : p.text;
        return (
          <Paper component="li" key={key} withBorder p="sm" radius="md" data-kind={p.kind}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {sentence}
                </Text>
                <Text size="sm" component="div">
                  <DiffText parts={wordDiff(before, after)} />
                </Text>
                {p.wordAuthor ? (
                  <Text size="xs" c="dimmed">
                    {t('exchange.proposal.wordAuthor', { author: p.wordAuthor })}
                  </Text>
                ) : null}
              </Stack>
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                onClick={() => onRemove(key)}
                aria-label={t('exchange.proposal.removeNamed', { what: sentence })}
              >
                {t('exchange.proposal.remove')}
              </Button>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
