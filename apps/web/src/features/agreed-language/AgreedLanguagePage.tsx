import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResetFilters } from '../../ui/FilterSelect';
import { FoldingFilters, useAddressFilters } from '../../ui/FoldingFilters';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { AgreedLanguageEntryItem, entryKey } from './AgreedLanguageEntryItem';
import { AgreedLanguageFilterFields } from './AgreedLanguageFilters';
import { AGREED_LANGUAGE_PARAMS, useAgreedLanguage } from './useAgreedLanguage';
import './agreed-language.css';

const FILTERS = AGREED_LANGUAGE_PARAMS.filter((k) => k !== 'q');

/**
 * The library of agreed language: every clause of every adopted version the reader may open, newest
 * adoption first, or best match first for words. Its address is the search (`/agreed-language?q=…`).
 */
export function AgreedLanguagePage() {
  const { t } = useTranslation();
  const { filters, set, setParams } = useAddressFilters(AGREED_LANGUAGE_PARAMS);
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const library = useAgreedLanguage(filters);
  const active = FILTERS.filter((k) => filters[k]).length;
  const items = library.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle>{filters.q ? t('agreedLanguage.resultsFor', { q: filters.q }) : t('agreedLanguage.title')}</PageTitle>
        <Text c="dimmed">{t('agreedLanguage.hint')}</Text>
      </Stack>

      <form
        role="search"
        aria-label={t('agreedLanguage.searchLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          set('q', q.trim() || null);
        }}
      >
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            type="search"
            label={t('agreedLanguage.searchLabel')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            maxLength={200}
            enterKeyHint="search"
            name="q"
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button type="submit">{t('common.search')}</Button>
        </Group>
      </form>

      <FoldingFilters
        id="agreed-language"
        title={t('agreedLanguage.filters.title')}
        toggle={t('agreedLanguage.filters.toggle', { n: active })}
        footer={
          <ResetFilters
            active={active > 0}
            label={t('agreedLanguage.filters.reset')}
            onReset={() => setParams(new URLSearchParams(filters.q ? { q: filters.q } : {}), { replace: true })}
          />
        }
      >
        <AgreedLanguageFilterFields filters={filters} set={set} />
      </FoldingFilters>

      {library.isPending ? <PageLoader /> : null}
      {library.isError ? <QueryError error={library.error} onRetry={() => void library.refetch()} /> : null}
      {library.data ? (
        <Stack component="section" aria-label={t('agreedLanguage.results')} gap="sm">
          {items.length === 0 ? (
            <Text role="status">{filters.q ? t('agreedLanguage.none', { q: filters.q }) : t('agreedLanguage.empty')}</Text>
          ) : (
            <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
              {items.map((e) => (
                <AgreedLanguageEntryItem key={entryKey(e)} entry={e} />
              ))}
            </Stack>
          )}
          {library.hasNextPage ? (
            <Group>
              <Button variant="default" loading={library.isFetchingNextPage} onClick={() => void library.fetchNextPage()}>
                {t('agreedLanguage.more')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}

export default AgreedLanguagePage;
