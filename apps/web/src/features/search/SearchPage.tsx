import { Anchor, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { SEARCH_KINDS, type OrganisationResponse } from '@parley/contracts';
import { STAKEHOLDER_GROUPS } from '@parley/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FilterSelect, LanguageFilter, ResetFilters, WorkingGroupFilter } from '../../ui/FilterSelect';
import { FoldingFilters, useAddressFilters } from '../../ui/FoldingFilters';
import { LocaleDateInput } from '../../ui/LocaleDateInput';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { SearchResultItem } from './SearchResultItem';
import { SEARCH_PARAMS, useSearch } from './useSearch';

const FILTERS = SEARCH_PARAMS.filter((k) => k !== 'q');

/** The results page: its address is the search (`/search?q=…&kind=…`), so it can be shared and bookmarked. */
export function SearchPage() {
  const { t } = useTranslation();
  const { filters, set, setParams } = useAddressFilters(SEARCH_PARAMS);
  const results = useSearch(filters);
  const [organisation, setOrganisation] = useState<OrganisationResponse | null>(null);
  const active = FILTERS.filter((k) => filters[k]).length;
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  const any = t('search.filters.any');

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle>{filters.q ? t('search.resultsFor', { q: filters.q }) : t('search.title')}</PageTitle>
        <Text c="dimmed">{t('search.hint')}</Text>
        <Anchor component={Link} to={filters.q ? `/agreed-language?${new URLSearchParams({ q: filters.q }).toString()}` : '/agreed-language'} size="sm" fw={600}>
          {t('agreedLanguage.fromSearch')}
        </Anchor>
      </Stack>

      <FoldingFilters
        id="search"
        title={t('search.filters.title')}
        toggle={t('search.filters.toggle', { n: active })}
        footer={
          <ResetFilters
            active={active > 0}
            label={t('search.filters.reset')}
            onReset={() => setParams(new URLSearchParams(filters.q ? { q: filters.q } : {}), { replace: true })}
          />
        }
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <FilterSelect
            label={t('search.filters.kind')}
            placeholder={any}
            data={SEARCH_KINDS.map((k) => ({ value: k, label: t(`search.kinds.${k}`) }))}
            value={filters.kind}
            onChange={(v) => set('kind', v)}
          />
          <WorkingGroupFilter label={t('search.filters.group')} placeholder={any} value={filters.group} onChange={(v) => set('group', v)} />
          <FilterSelect
            label={t('search.filters.stakeholderGroup')}
            placeholder={any}
            data={STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: t(`groups.${g}`) }))}
            value={filters.stakeholderGroup}
            onChange={(v) => set('stakeholderGroup', v)}
          />
          <OrganisationSelect
            label={t('search.filters.organisation')}
            value={organisation && organisation.id === filters.organisation ? organisation : null}
            onChange={(o) => {
              setOrganisation(o);
              set('organisation', o?.id);
            }}
          />
          <LanguageFilter label={t('search.filters.language')} placeholder={any} value={filters.language} onChange={(v) => set('language', v)} />
          <LocaleDateInput onlyDates label={t('search.filters.from')} value={filters.from ?? ''} onChange={(v) => set('from', v)} />
          <LocaleDateInput onlyDates label={t('search.filters.to')} value={filters.to ?? ''} onChange={(v) => set('to', v)} />
        </SimpleGrid>
      </FoldingFilters>

      {!filters.q ? <Text>{t('search.empty')}</Text> : null}
      {results.isPending && filters.q ? <PageLoader /> : null}
      {results.isError ? <QueryError error={results.error} onRetry={() => void results.refetch()} /> : null}
      {results.data ? (
        <Stack component="section" aria-label={t('search.results')} gap="sm">
          {items.length === 0 ? (
            <Text role="status">{t('search.none', { q: filters.q })}</Text>
          ) : (
            <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
              {items.map((r) => (
                <SearchResultItem key={`${r.kind}:${r.id}:${r.target.version ?? ''}`} result={r} />
              ))}
            </Stack>
          )}
          {results.hasNextPage ? (
            <Group>
              <Button variant="default" loading={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>
                {t('search.more')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}

export default SearchPage;
