import { Button, Group, Select } from '@mantine/core';
import { LANGUAGE_ENDONYMS, UN_LANGUAGES } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { useWorkingGroups } from '../features/working-groups/useWorkingGroups';

interface FilterSelectProps {
  label: string;
  /** What an empty filter reads as ("Any"). */
  placeholder: string;
  data: { value: string; label: string }[];
  value: string | undefined;
  onChange: (value: string | null) => void;
  searchable?: boolean;
}

/** One filter of a list page: a choice that can be cleared (its clear button named), its options above dialogs too. */
export function FilterSelect({ label, placeholder, data, value, onChange, searchable }: FilterSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      placeholder={placeholder}
      clearable
      searchable={searchable}
      data={data}
      value={value ?? null}
      onChange={onChange}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** The working-group filter: every group by name, searchable. */
export function WorkingGroupFilter(props: Omit<FilterSelectProps, 'data' | 'searchable'>) {
  const groups = useWorkingGroups();
  return <FilterSelect {...props} searchable data={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))} />;
}

/** The language filter: the six UN languages, each by its own name. */
export function LanguageFilter(props: Omit<FilterSelectProps, 'data' | 'searchable'>) {
  return <FilterSelect {...props} data={UN_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_ENDONYMS[l] }))} />;
}

/** Below a page's filters while any is set: a button that clears them all (the search words stay). */
export function ResetFilters({ active, label, onReset }: { active: boolean; label: string; onReset: () => void }) {
  if (!active) return null;
  return (
    <Group mt="sm">
      <Button variant="subtle" size="compact-sm" onClick={onReset}>
        {label}
      </Button>
    </Group>
  );
}
