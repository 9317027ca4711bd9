import { Alert, List, Stack, Text } from '@mantine/core';
import type { ImportWarning, MatchedClauseView, VersionImportPreview } from '@parley/contracts';
import { DOCX_MEDIA_TYPE } from '@parley/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileProblemMessage } from '../exchange/file-problem';
import { useVersionImportPreview } from '../exchange/useExchange';

const chairsWarnings = (warnings: readonly ImportWarning[]) => warnings.filter((w) => w !== 'untracked-differences');

/**
 * "Start from a Word file…" in the chair's editor (decision 0044): the file the chair prepared is read
 * against the current version, and its text with the tracked changes accepted replaces the editor's
 * paragraphs; paragraphs matched to a clause keep its id. Nothing is stored until the chair issues it.
 */
export function ChairsTextFromWord({ documentId, onDraft }: { documentId: string; onDraft: (draft: MatchedClauseView[]) => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  // The same preview as proposing amendments from a file: its `draft` is what the file would make the next text.
  const read = useVersionImportPreview(documentId);
  const [preview, setPreview] = useState<VersionImportPreview | null>(null);

  const choose = (file: File | undefined) => {
    if (!file) return;
    setPreview(null);
    read.mutate(file, {
      onSuccess: (p) => {
        setPreview(p);
        onDraft(p.draft);
      },
    });
  };
  const matched = preview?.draft.filter((c) => c.clauseId !== null).length ?? 0;

  return (
    <Stack gap={4} data-testid="chairs-text-from-word">
      <label htmlFor={inputId}>
        <Text size="sm" fw={500} component="span">
          {t('chairsTexts.editor.fromWord')}
        </Text>
      </label>
      <Text size="xs" c="dimmed" id={`${inputId}-hint`}>
        {t('chairsTexts.editor.fromWordHint')}
      </Text>
      <input
        id={inputId}
        type="file"
        accept={`.docx,${DOCX_MEDIA_TYPE}`}
        aria-describedby={`${inputId}-hint`}
        disabled={read.isPending}
        onChange={(e) => {
          choose(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }}
      />
      {read.isPending ? <Text size="sm">{t('chairsTexts.editor.fromWordReading')}</Text> : null}
      {read.isError ? (
        <Alert color="red" variant="light" role="alert">
          {fileProblemMessage(t, read.error)}
        </Alert>
      ) : null}
      {preview ? (
        <Alert color="blue" variant="light" role="status" data-testid="chairs-text-from-word-notice">
          <Text size="sm">{t('chairsTexts.editor.fromWordRead', { count: preview.draft.length, matched, fresh: preview.draft.length - matched })}</Text>
          {/* The chair's draft is the file as it reads: differences from the version are the point, not a warning. */}
          {chairsWarnings(preview.warnings).length > 0 ? (
            <List size="sm" mt={4}>
              {chairsWarnings(preview.warnings).map((w) => (
                <List.Item key={w}>{t(`exchange.warnings.${w}`)}</List.Item>
              ))}
            </List>
          ) : null}
        </Alert>
      ) : null}
    </Stack>
  );
}
