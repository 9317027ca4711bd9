import { Button, Menu } from '@mantine/core';
import { directionOf, LANGUAGE_ENDONYMS } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, switchLanguage } from '../i18n';
import { ChevronDownIcon } from '../ui/icons';

/**
 * The six languages, each by its own name (العربية, 中文, English, Français, Русский, Español): a
 * compact button naming the current one, opening a menu of the six. By keyboard, Enter or the arrow
 * keys open it, arrows move, Enter chooses and Escape closes; on a phone, a tap. (A native select
 * would be the phone's own picker, but its six `option`s would sit in every page's accessibility
 * tree beside the pages' own language pickers.) The choice is remembered in this browser and sets
 * `<html lang>` and `<html dir>`.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = currentLanguage(i18n);
  return (
    <Menu position="bottom-end" shadow="md" withinPortal transitionProps={{ duration: 0 }}>
      <Menu.Target>
        <Button
          variant="default"
          size="xs"
          data-testid="language-switch"
          data-language={current}
          aria-label={t('languageSwitch.button', { language: LANGUAGE_ENDONYMS[current] })}
          rightSection={<ChevronDownIcon />}
        >
          <span lang={current}>{LANGUAGE_ENDONYMS[current]}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label={t('language.label')}>
        {LANGUAGES.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            dir={directionOf(l)}
            aria-current={l === current ? 'true' : undefined}
            fw={l === current ? 700 : undefined}
            onClick={() => void switchLanguage(i18n, l)}
          >
            {LANGUAGE_ENDONYMS[l]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
