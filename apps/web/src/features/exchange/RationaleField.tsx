import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The rationale every amendment read from a Word file carries (prefilled with the file's name). */
export function RationaleField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Textarea
      mt="sm"
      label={t('exchange.amendments.rationale')}
      description={t('exchange.amendments.rationaleHint')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      required
      autosize
      minRows={2}
    />
  );
}
