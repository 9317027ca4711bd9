import { Box, Group, Loader, Text } from '@mantine/core';
import { DOCX_MEDIA_TYPE } from '@parley/contracts';
import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/FormErrors';
import { fileProblemMessage } from './file-problem';
import './exchange.css';

/**
 * Choose a Word file (or drop one on the box): it is sent at once and what the server read comes back
 * as a preview. A refused file is said in words (the refusal's text), under the box.
 */
export function WordFileInput({
  label,
  hint,
  onFile,
  reading,
  error,
  testId,
}: {
  label: string;
  hint: string;
  onFile: (file: File) => void;
  reading: boolean;
  error: unknown;
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !reading) onFile(file);
  };
  return (
    <Box data-testid={testId}>
      <Box
        className="word-drop"
        data-over={over}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <Text component="label" htmlFor={id} fw={600} display="block">
          {label}
        </Text>
        <Text size="sm" id={`${id}-hint`} mb="xs">
          {hint}
        </Text>
        <input
          id={id}
          type="file"
          className="word-file"
          accept={`.docx,${DOCX_MEDIA_TYPE}`}
          aria-describedby={`${id}-hint`}
          disabled={reading}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // Cleared, so choosing the same file again (once corrected) reads it again.
            e.currentTarget.value = '';
            if (file) onFile(file);
          }}
        />
        {reading ? (
          <Group gap="xs" mt="xs" role="status">
            <Loader size="xs" />
            <Text size="sm">{t('exchange.file.reading')}</Text>
          </Group>
        ) : null}
      </Box>
      {error && !reading ? <FormAlert title={t('exchange.file.refused')} messages={[fileProblemMessage(t, error)]} /> : null}
    </Box>
  );
}
