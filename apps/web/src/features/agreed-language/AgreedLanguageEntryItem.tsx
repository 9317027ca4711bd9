import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { AgreedLanguageEntry } from '@parley/contracts';
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { MarkedPassage } from '../search/MarkedPassage';
import { PedigreeLine } from './PedigreeLine';

/** The key of an entry: an adopted clause, in one adopted version. */
export const entryKey = (e: AgreedLanguageEntry) => `${e.pedigree.document.id}:${e.pedigree.version}:${e.pedigree.clauseId}`;

/** One clause of the library: its kind, its adopted wording with the matched words marked, and its pedigree; `children` are actions (insert). */
export function AgreedLanguageEntryItem({
  entry: e,
  children,
  passageRef,
  onPassageSelect,
}: {
  entry: AgreedLanguageEntry;
  children?: ReactNode;
  passageRef?: Ref<HTMLDivElement>;
  onPassageSelect?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="md" className="agreed-language-entry" data-clause-id={e.pedigree.clauseId}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color="gray" size="sm">
            {t(`documents.kinds.${e.kind}`)}
          </Badge>
          {e.pedigree.label ? (
            <Text size="sm" fw={700}>
              {e.pedigree.label}
            </Text>
          ) : null}
        </Group>
        <Text
          component="div"
          size="sm"
          ref={passageRef}
          className="agreed-language-text"
          style={{ overflowWrap: 'anywhere' }}
          onMouseUp={onPassageSelect}
          onKeyUp={onPassageSelect}
        >
          <MarkedPassage passage={e.passage} lang={e.language ?? undefined} />
        </Text>
        <PedigreeLine pedigree={e.pedigree} size="xs" />
        {children}
      </Stack>
    </Paper>
  );
}
