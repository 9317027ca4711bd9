import { NativeSelect } from '@mantine/core';
import { LANGUAGE_ENDONYMS } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, LANGUAGES, switchLanguage } from '../i18n';

/**
 * The six languages, each by its own name (العربية, 中文, English, Français, Русский, Español), in one
 * native select: compact in the header, the phone's own picker on a phone, arrow keys and type-ahead
 * on a keyboard. The choice is remembered in this browser and sets `<html lang>` and `<html dir>`.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = currentLanguage(i18n);
  return (
    <NativeSelect
      size="xs"
      w="auto"
      aria-label={t('language.label')}
      data-testid="language-switch"
      value={current}
      onChange={(e) => {
        const l = e.currentTarget.value;
        if (isLanguage(l)) void switchLanguage(i18n, l);
      }}
    >
      {LANGUAGES.map((l) => (
        <option key={l} value={l} lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>
          {LANGUAGE_ENDONYMS[l]}
        </option>
      ))}
    </NativeSelect>
  );
}
