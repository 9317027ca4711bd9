import { Alert, Checkbox, List, Text } from '@mantine/core';
import { isUnLanguage, type LanguageGapView } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { languageName } from './language-names';

/**
 * Before adoption (by ballot or silence): the group's authentic languages whose version is outdated or
 * incomplete. Adoption waits until they are updated, unless the chair confirms this warning (recorded).
 */
export function TranslationsWarning({ gaps, checked, onCheck }: { gaps: readonly LanguageGapView[]; checked: boolean; onCheck: (v: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  if (gaps.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title={t('languageVersions.gate.title')} data-testid="adoption-warning-translations">
      <Text size="sm">{t('languageVersions.gate.explain')}</Text>
      <GapList gaps={gaps} lng={lng} />
      <Checkbox mt="sm" label={t('languageVersions.gate.acknowledge')} checked={checked} onChange={(e) => onCheck(e.currentTarget.checked)} />
    </Alert>
  );
}

function GapList({ gaps, lng }: { gaps: readonly { language: string; outdated: readonly string[]; missing: readonly string[] }[]; lng: string }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={4} mt={4}>
      {gaps.map((g) => (
        <List.Item key={g.language}>
          {t('languageVersions.gate.item', { language: isUnLanguage(g.language) ? languageName(g.language, lng) : g.language, outdated: g.outdated.length, missing: g.missing.length })}
        </List.Item>
      ))}
    </List>
  );
}

interface RecordedWarnings {
  outdatedTranslations?: { language: string; outdated: string[]; missing: string[] }[];
}

/** On a ballot (or silence procedure) opened past the warning: which language versions lagged, as the opening recorded it. */
export function TranslationsWarningRecord({ warnings }: { warnings: unknown }) {
  const { t, i18n } = useTranslation();
  const gaps = (warnings as RecordedWarnings | null)?.outdatedTranslations;
  if (!gaps || gaps.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title={t('languageVersions.gate.recordedTitle')} data-testid="translations-warning-record">
      <Text size="sm">{t('languageVersions.gate.recorded')}</Text>
      <GapList gaps={gaps} lng={i18n.resolvedLanguage ?? 'en'} />
    </Alert>
  );
}
