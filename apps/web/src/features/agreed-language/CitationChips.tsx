import { CloseButton, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DraftCitation } from './citations';
import { PedigreeLine } from './PedigreeLine';
import './agreed-language.css';

const excerpt = (s: string) => (s.length > 140 ? `${s.slice(0, 137)}…` : s);

/**
 * The agreed language a text quotes, one chip per citation: the words, where they were agreed, a
 * warning when they are no longer verbatim in the text (`stray`), the server's refusal (`errors`),
 * and a button to remove the citation.
 */
export function CitationChips({
  citations,
  stray,
  errors,
  onRemove,
}: {
  citations: DraftCitation[];
  stray: number[];
  errors?: Map<number, string>;
  onRemove: (i: number) => void;
}) {
  const { t } = useTranslation();
  if (citations.length === 0) return null;
  return (
    <Stack gap={4} component="section" aria-label={t('agreedLanguage.citations.title')}>
      <Text size="xs" fw={700}>
        {t('agreedLanguage.citations.title')}
      </Text>
      <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
        {citations.map((c, i) => {
          const isStray = stray.includes(i);
          const error = errors?.get(i);
          return (
            <Paper
              component="li"
              key={`${c.clauseId}:${c.version}:${c.passage}`}
              withBorder
              p={6}
              radius="sm"
              className="citation-chip"
              data-testid="citation-chip"
              data-stray={isStray || !!error}
            >
              <Group gap={6} wrap="nowrap" align="flex-start" justify="space-between">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                    <q dir="auto">{excerpt(c.passage)}</q>
                  </Text>
                  <PedigreeLine pedigree={c.pedigree} size="xs" />
                  {isStray ? (
                    <Text size="xs" c="red.9" fw={600}>
                      {t('agreedLanguage.citations.stray')}
                    </Text>
                  ) : null}
                  {error ? (
                    <Text size="xs" c="red.9" fw={600}>
                      {error}
                    </Text>
                  ) : null}
                </Stack>
                <CloseButton size="md" onClick={() => onRemove(i)} aria-label={t('agreedLanguage.citations.remove', { passage: excerpt(c.passage) })} />
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}
