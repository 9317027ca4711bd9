import { type ChangeEvent, type FormEvent, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { mapServerErrors } from './FormErrors';

const isFormatMessage = (t: TFunction, message: string | undefined) =>
  !!message &&
  (['invalid-id', 'not-a-date', 'invalid-email', 'country-code', 'invalid-url', 'invalid-option', 'invalid', 'invalid-type'] as const).some((code) => t(`fieldError.${code}`) === message);

type Values = Record<string, string | boolean | null>;

/**
 * A small form state for Mantine inputs (the workspace has no @mantine/form): values, per-field
 * errors from the server, a form-level message, and focus moved to the first invalid field.
 */
export function useForm<V extends Values>(initial: V, options: { aliases?: Partial<Record<string, keyof V & string>> } = {}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof V & string, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  const initialRef = useRef(initial);
  const valuesRef = useRef(values);
  valuesRef.current = values;

  const setValue = useCallback(<K extends keyof V & string>(name: K, value: V[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => (e[name] ? { ...e, [name]: undefined } : e));
  }, []);

  const reset = useCallback(() => {
    setValues(initialRef.current);
    setErrors({});
    setGeneral([]);
  }, []);

  /** Show a server error on the fields it names, the rest above the submit button. */
  const fail = useCallback(
    (error: unknown) => {
      const fields = Object.keys(initialRef.current) as (keyof V & string)[];
      const mapped = mapServerErrors(error, fields, t, options.aliases);
      // An empty field the server finds malformed ("Not a valid id") is simply missing.
      const required: string = t('fieldError.required');
      for (const name of Object.keys(mapped.fieldErrors) as (keyof V & string)[]) {
        const value = valuesRef.current[name];
        if ((value === null || value === '') && isFormatMessage(t, mapped.fieldErrors[name])) mapped.fieldErrors[name] = required;
      }
      const hasFieldErrors = Object.keys(mapped.fieldErrors).length > 0;
      setErrors(mapped.fieldErrors);
      setGeneral(hasFieldErrors && mapped.general.length === 0 ? [t('errors.invalid')] : mapped.general);
      requestAnimationFrame(() => {
        const invalid = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
        if (!invalid) return;
        // A searchable select opens its list on focus, which would hide its error: show it instead.
        if (invalid.getAttribute('aria-haspopup') === 'listbox') invalid.scrollIntoView({ block: 'center' });
        else invalid.focus();
      });
    },
    [t, options.aliases],
  );

  const onSubmit = (handler: (values: V) => Promise<unknown>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setErrors({});
    setGeneral([]);
    setSubmitting(true);
    try {
      await handler(values);
    } catch (error) {
      fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  /** Props for a Mantine text-like input (TextInput, PasswordInput, Textarea). */
  const textProps = <K extends keyof V & string>(name: K) => ({
    name,
    value: (values[name] as string | null) ?? '',
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValue(name, e.currentTarget.value as V[K]),
    error: errors[name],
  });

  /** Props for a LocaleDateInput: the ISO date (or the text typed so far) as the value. */
  const dateProps = <K extends keyof V & string>(name: K) => ({
    name,
    value: (values[name] as string | null) ?? '',
    onChange: (value: string) => setValue(name, value as V[K]),
    error: errors[name],
  });

  /** Props for a Mantine Select. */
  const selectProps = <K extends keyof V & string>(name: K) => ({
    name,
    value: (values[name] as string | null) ?? null,
    onChange: (value: string | null) => setValue(name, value as V[K]),
    error: errors[name],
  });

  /** Props for a Mantine Checkbox. */
  const checkboxProps = <K extends keyof V & string>(name: K) => ({
    name,
    checked: Boolean(values[name]),
    onChange: (e: ChangeEvent<HTMLInputElement>) => setValue(name, e.currentTarget.checked as V[K]),
    error: errors[name],
  });

  return { ref, values, errors, general, submitting, setValue, setErrors, reset, fail, onSubmit, textProps, dateProps, selectProps, checkboxProps };
}
