import { Button, Group, Paper, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { isSubtypeOf, type StakeholderGroup } from '@parley/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../ui/useFormatters';
import { countryOptions } from './countries';
import { groupOptions, subtypeOptions } from './options';
import type { OrganisationFilters as Filters } from './useOrganisations';
import { intlLocale } from '../../i18n';

/** Search text plus the four filters; the page keeps them in the address so a filtered view can be shared. */
export function OrganisationFilters({
  filters,
  search,
  onSearch,
  onChange,
}: {
  filters: Filters;
  search: string;
  onSearch: (q: string) => void;
  onChange: (next: Filters) => void;
}) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const countries = useMemo(() => countryOptions(f.country, intlLocale(i18n.language)), [f.country, i18n.language]);
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const clearLabel = { 'aria-label': t('common.clear') };
  const anyFilter = search || filters.stakeholderGroup || filters.subtype || filters.country || filters.verified;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="org-filters" role="search">
      <Title order={2} size="h5" id="org-filters" mb="sm">
        {t('organisations.filtersTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="sm">
        <TextInput
          type="search"
          label={t('organisations.searchLabel')}

          value={search}
          onChange={(e) => onSearch(e.currentTarget.value)}
        />
        <Select
          label={t('organisations.group')}
          placeholder={t('organisations.anyGroup')}
          data={groupOptions(t)}
          value={filters.stakeholderGroup ?? null}
          onChange={(g) => {
            const group = (g as StakeholderGroup | null) ?? undefined;
            set({ stakeholderGroup: group, subtype: group && filters.subtype && !isSubtypeOf(group, filters.subtype) ? undefined : filters.subtype });
          }}
          clearable
          clearButtonProps={clearLabel}
        />
        <Select
          label={t('organisations.subtype')}
          placeholder={t('organisations.anySubtype')}
          data={subtypeOptions(t, filters.stakeholderGroup)}
          value={filters.subtype ?? null}
          onChange={(s) => set({ subtype: (s as Filters['subtype']) ?? undefined })}
          clearable
          clearButtonProps={clearLabel}
        />
        <Select
          label={t('common.country')}
          placeholder={t('common.anyCountry')}
          data={countries}
          value={filters.country ?? null}
          onChange={(c) => set({ country: c ?? undefined })}
          searchable
          clearable
          clearButtonProps={clearLabel}
          nothingFoundMessage={t('common.noMatches')}
        />
        <Select
          label={t('organisations.verification')}
          placeholder={t('organisations.anyVerification')}
          data={[
            { value: 'true', label: t('organisations.onlyVerified') },
            { value: 'false', label: t('organisations.onlyUnverified') },
          ]}
          value={filters.verified ?? null}
          onChange={(v) => set({ verified: (v as Filters['verified']) ?? undefined })}
          clearable
          clearButtonProps={clearLabel}
        />
      </SimpleGrid>
      {anyFilter ? (
        <Group justify="flex-end" mt="sm">
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              onSearch('');
              onChange({});
            }}
          >
            {t('organisations.clearFilters')}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}
