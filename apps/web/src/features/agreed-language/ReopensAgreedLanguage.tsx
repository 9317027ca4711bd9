import { Alert, Stack } from '@mantine/core';
import type { AgreedLanguagePedigree } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { PedigreeLine } from './PedigreeLine';
import './agreed-language.css';

/** "Reopens agreed language": a change to words an adopted text agreed, with where each was agreed. */
export function ReopensAgreedLanguage({ pedigrees, compact = false }: { pedigrees: AgreedLanguagePedigree[]; compact?: boolean }) {
  const { t } = useTranslation();
  if (pedigrees.length === 0) return null;
  return (
    <Alert
      color="pink"
      variant="light"
      className="reopens-flag"
      data-testid="reopens-agreed-language"
      title={t('agreedLanguage.reopens.title')}
      p={compact ? 'xs' : undefined}
    >
      <Stack gap={2}>
        {compact ? null : t('agreedLanguage.reopens.explain')}
        <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
          {pedigrees.map((p) => (
            <li key={`${p.document.id}:${p.version}:${p.clauseId}`}>
              <PedigreeLine pedigree={p} size="xs" />
            </li>
          ))}
        </Stack>
      </Stack>
    </Alert>
  );
}
