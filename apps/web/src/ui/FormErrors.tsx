import { Alert, List } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../api/client';
import { fieldErrorMessage, problemMessage } from '../i18n/server-messages';

export interface MappedErrors<F extends string> {
  /** Messages to show next to the form's own fields, translated. */
  fieldErrors: Partial<Record<F, string>>;
  /** What does not belong to a field the form shows (or the whole error when none do), translated. */
  general: string[];
}

/**
 * Maps a problem+json answer onto a form: each `errors[].field` (a server path such as `title`
 * or `funding.note`) goes to the form field of that name, or to the one `aliases` names for it;
 * the rest is returned as general messages for the form's alert.
 */
export function mapServerErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  t: TFunction,
  aliases: Partial<Record<string, F>> = {},
): MappedErrors<F> {
  const fieldErrors: Partial<Record<F, string>> = {};
  const general: string[] = [];
  if (!isProblem(error) || error.errors.length === 0) return { fieldErrors, general: [problemMessage(t, error)] };
  const known = new Set<string>(fields);
  for (const e of error.errors) {
    const { field } = e;
    const target = aliases[field] ?? (known.has(field) ? (field as F) : undefined);
    const text = fieldErrorMessage(t, e);
    if (target) {
      if (!fieldErrors[target]) fieldErrors[target] = text;
    } else {
      general.push(field && field !== '(body)' ? t('errors.fieldError', { field, message: text }) : text);
    }
  }
  if (general.length === 0 && error.status !== 400) general.push(problemMessage(t, error));
  return { fieldErrors, general };
}

/** The form-level message: the server's answer where no field shows it, announced to screen readers. */
export function FormAlert({ messages, title }: { messages: string[]; title?: string }) {
  const { t } = useTranslation();
  if (messages.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.formTitle')} role="alert">
      {messages.length === 1 ? (
        messages[0]
      ) : (
        <List size="sm">
          {messages.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
