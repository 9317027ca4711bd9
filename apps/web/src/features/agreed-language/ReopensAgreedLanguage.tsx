import { Paper, Stack, Text } from '@mantine/core';
import type { AgreedLanguagePedigree } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { PedigreeLine } from './PedigreeLine';
import './agreed-language.css';

/** "Reopens agreed language": a change to words an adopted text agreed, with where each was agreed (in words and a border, not colour alone). */
export function ReopensAgreedLanguage({ pedigrees, compact = false }: { pedigrees: AgreedLanguagePedigree[]; compact?: boolean }) {
  const { t } = useTranslation();
  if (pedigrees.length === 0) return null;
  return (
    <Paper withBorder radius="sm" p={compact ? 6 : 'sm'} className="reopens-flag" data-testid="reopens-agreed-language">
      <Stack gap={2}>
        <Text size="sm" fw={700} className="reopens-title">
          <span aria-hidden="true">⚠ </span>
          {t('agreedLanguage.reopens.title')}
        </Text>
        {compact ? null : <Text size="sm">{t('agreedLanguage.reopens.explain')}</Text>}
        <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
          {pedigrees.map((p) => (
            <li key={`${p.document.id}:${p.version}:${p.clauseId}`}>
              <PedigreeLine pedigree={p} size="xs" />
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
