import { SimpleGrid } from '@mantine/core';
import { CLAUSE_KINDS } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { FilterSelect, LanguageFilter, WorkingGroupFilter } from '../../ui/FilterSelect';
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
  const any = t('agreedLanguage.filters.any');
  return (
    <SimpleGrid cols={cols}>
      <WorkingGroupFilter label={t('agreedLanguage.filters.group')} placeholder={any} value={filters.group} onChange={(v) => set('group', v)} />
      <LanguageFilter label={t('agreedLanguage.filters.language')} placeholder={any} value={filters.language} onChange={(v) => set('language', v)} />
      <FilterSelect
        label={t('agreedLanguage.filters.kind')}
        placeholder={any}
        data={CLAUSE_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
        value={filters.kind}
        onChange={(v) => set('kind', v)}
      />
    </SimpleGrid>
  );
}
