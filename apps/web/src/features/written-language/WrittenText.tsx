import { Badge, Box, type BoxProps } from '@mantine/core';
import { directionOf, type UnLanguage } from '@parley/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useReaderLanguage } from './useWrittenLanguage';

/** `lang` and `dir` of text written in `language`; unknown: the browser finds the direction from the text itself. */
export const languageAttributes = (language: UnLanguage | null) => (language ? { lang: language, dir: directionOf(language) } : { dir: 'auto' as const });

/** "Written in Arabic": shown only when the text's language is known and is not the reader's. */
export function WrittenInMark({ language }: { language: UnLanguage | null }) {
  const { t } = useTranslation();
  const reader = useReaderLanguage();
  if (!language || language === reader) return null;
  return (
    <Badge size="xs" variant="outline" color="gray" data-testid="written-in" data-language={language} style={{ textTransform: 'none' }}>
      {t('writtenLanguage.writtenIn', { language: t(`writtenLanguage.languages.${language}`) })}
    </Badge>
  );
}

/** Text someone wrote, carrying its language and direction (so screen readers and bidi get it right). */
export function WrittenText({ language, children, ...box }: { language: UnLanguage | null; children: ReactNode } & BoxProps) {
  return (
    <Box {...box} {...languageAttributes(language)} data-testid="written-text">
      {children}
    </Box>
  );
}
