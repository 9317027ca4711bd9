import { SegmentedControl, Text, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, LANGUAGES, switchLanguage } from '../i18n';

/** English / Français. The choice is remembered in this browser and sets `<html lang>`. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId}>
      <VisuallyHidden id={labelId}>{t('language.label')}</VisuallyHidden>
      <SegmentedControl
        size="xs"
        value={currentLanguage(i18n)}
        onChange={(l) => {
          if (isLanguage(l)) void switchLanguage(i18n, l);
        }}
        data={LANGUAGES.map((l) => ({
          value: l,
          label: (
            <Text span size="xs" fw={500} lang={l}>
              {t(`language.${l}`)}
            </Text>
          ),
        }))}
      />
    </div>
  );
}
