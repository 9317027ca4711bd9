import { Select, SimpleGrid } from '@mantine/core';
import { LANGUAGE_ENDONYMS, UN_LANGUAGES } from '@parley/contracts';
import { CLAUSE_KINDS } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { useWorkingGroups } from '../working-groups/useWorkingGroups';
import type { AgreedLanguageFilters as Filters } from './useAgreedLanguage';

/** The library's filters: where the wording was agreed (group), its language and its kind. */
export function AgreedLanguageFilterFields({
  filters,
  set,
  cols = { base: 1, sm: 3 },
}: {
  filters: Filters;
  set: (key: 'group' | 'language' | 'kind', value: string | null) => void;
  cols?: { base: number; sm: number };
}) {
  const { t } = useTranslation();
  const groups = useWorkingGroups();
  const any = t('agreedLanguage.filters.any');
  const clear = { 'aria-label': t('common.clear') };
  return (
    <SimpleGrid cols={cols}>
      <Select
        label={t('agreedLanguage.filters.group')}
        placeholder={any}
        clearable
        searchable
        data={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
        value={filters.group ?? null}
        onChange={(v) => set('group', v)}
        clearButtonProps={clear}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('agreedLanguage.filters.language')}
        placeholder={any}
        clearable
        data={UN_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_ENDONYMS[l] }))}
        value={filters.language ?? null}
        onChange={(v) => set('language', v)}
        clearButtonProps={clear}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('agreedLanguage.filters.kind')}
        placeholder={any}
        clearable
        data={CLAUSE_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
        value={filters.kind ?? null}
        onChange={(v) => set('kind', v)}
        clearButtonProps={clear}
        comboboxProps={{ withinPortal: true }}
      />
    </SimpleGrid>
  );
}
