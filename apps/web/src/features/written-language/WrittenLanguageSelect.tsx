import { Select } from '@mantine/core';
import { LANGUAGE_ENDONYMS, UN_LANGUAGES, type UnLanguage } from '@parley/contracts';
import { useTranslation } from 'react-i18next';

/**
 * The language a writer writes in (decision 0047): the form starts at their interface language and
 * they may change it. Each language is named in itself, so a writer finds theirs.
 */
export function WrittenLanguageSelect({
  value,
  onChange,
  label,
  exclude,
  size = 'sm',
}: {
  value: UnLanguage;
  onChange: (l: UnLanguage) => void;
  label?: string;
  /** A language not to offer (a translation is never into the original's language). */
  exclude?: UnLanguage | null;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={label ?? t('writtenLanguage.field')}
      data={UN_LANGUAGES.filter((l) => l !== exclude).map((l) => ({ value: l, label: LANGUAGE_ENDONYMS[l] }))}
      value={value}
      onChange={(v) => v && onChange(v as UnLanguage)}
      allowDeselect={false}
      size={size}
      w={200}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
