import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { OrganisationResponse } from '@parley/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { VerifiedMark } from '../../ui/VerifiedMark';
import { useOrganisationSearch } from './useOrganisations';

export interface OrganisationSelectProps {
  label: string;
  description?: string;
  value: OrganisationResponse | null;
  onChange: (organisation: OrganisationResponse | null) => void;
  error?: string;
  required?: boolean;
  name?: string;
  /** Hears what the person types (to offer adding a name the directory lacks). */
  onSearchChange?: (search: string) => void;
}

/** Picks an organisation from the directory, searching the server as the person types. */
export function OrganisationSelect({ label, description, value, onChange, error, required, name, onSearchChange }: OrganisationSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  // Once chosen, the search box shows the chosen name; searching for it again would narrow the list to one.
  const query = value && search === value.name ? '' : debounced;
  const results = useOrganisationSearch(query);

  const byId = useMemo(() => {
    const map = new Map<string, OrganisationResponse>();
    if (value) map.set(value.id, value);
    for (const o of results.data?.items ?? []) map.set(o.id, o);
    return map;
  }, [value, results.data]);

  return (
    <Select
      label={label}
      description={description}
      name={name}
      required={required}
      error={error}
      searchable
      clearable
      data={[...byId.values()].map((o) => ({ value: o.id, label: o.name }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (byId.get(id) ?? null) : null)}
      searchValue={search}
      onSearchChange={(s) => {
        setSearch(s);
        onSearchChange?.(s);
      }}
      filter={({ options }) => options}
      placeholder={t('organisations.searchOrganisation')}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('organisations.noneFound')}
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      maxDropdownHeight={320}
      renderOption={({ option }) => {
        const o = byId.get(option.value);
        if (!o) return option.label;
        return (
          <Group gap="xs" wrap="wrap">
            <Text size="sm">{o.name}</Text>
            <StakeholderGroupBadge group={o.stakeholderGroup} subtype={o.subtype} size="xs" />
            <VerifiedMark verified={o.verified} size="xs" />
          </Group>
        );
      }}
    />
  );
}
