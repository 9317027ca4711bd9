import { Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';
import { dateInWords, datePattern, parseTypedDate, typedDate } from './locale-date';

export interface LocaleDateInputProps {
  label: string;
  description?: ReactNode;
  name?: string;
  required?: boolean;
  autoFocus?: boolean;
  error?: ReactNode;
  /** ISO `yyyy-mm-dd`, or '' for none. */
  value: string;
  /**
   * Called with the ISO date once the text is a real date, '' once emptied; with the text as typed
   * when it is not a date yet, unless `onlyDates` (filters, which should not query half a date).
   */
  onChange: (value: string) => void;
  onlyDates?: boolean;
}

/**
 * A calendar date typed in the app's language — `jj/mm/aaaa` in French, `yyyy-mm-dd` in English —
 * not the browser's (a native date input follows the browser's locale), and read back in words
 * ("1 septembre 2024") before anything is saved.
 */
export function LocaleDateInput({ label, description, name, required, autoFocus, error, value, onChange, onlyDates }: LocaleDateInputProps) {
  const { t, i18n } = useTranslation();
  const lng = currentLanguage(i18n);
  const [text, setText] = useState(() => typedDate(value, lng));
  const echoId = useId();

  // Follow a value set from outside (a reset, a filter cleared) and a change of language.
  useEffect(() => {
    setText((current) => (current === value || parseTypedDate(current, lng) === value ? current : typedDate(value, lng)));
  }, [value, lng]);

  const parsed = parseTypedDate(text, lng);
  const echo = text.trim() === '' ? null : parsed ? t('dates.reads', { date: dateInWords(parsed, lng) }) : t('dates.notADate', { pattern: datePattern(lng) });

  return (
    <Stack gap={2}>
      <TextInput
        label={label}
        description={description}
        name={name}
        required={required}
        autoFocus={autoFocus}
        error={error}
        placeholder={datePattern(lng)}
        inputMode="numeric"
        autoComplete="off"
        aria-describedby={echo ? echoId : undefined}
        value={text}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const iso = parseTypedDate(next, lng);
          if (iso) onChange(iso);
          else if (next.trim() === '') onChange('');
          else if (!onlyDates) onChange(next);
        }}
      />
      <Text size="xs" id={echoId} c={parsed || !echo ? 'dimmed' : 'red.8'} data-testid="date-echo" aria-live="polite" mih={18}>
        {echo ?? t('dates.pattern', { pattern: datePattern(lng) })}
      </Text>
    </Stack>
  );
}
