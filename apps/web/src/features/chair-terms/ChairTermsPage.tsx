import { Anchor, Button, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { OrganisationResponse } from '@parley/contracts';
import { STAKEHOLDER_GROUPS } from '@parley/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FoldingFilters, useAddressFilters } from '../../ui/FoldingFilters';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { useWorkingGroups } from '../working-groups/useWorkingGroups';
import { ChairTermTable } from './ChairTermTable';
import { ChairTimeline } from './ChairTimeline';
import { chairTermsCsvUrl, useChairTerms } from './useChairTerms';
import { LocaleDateInput } from '../../ui/LocaleDateInput';
import { currentLanguage } from '../../i18n';

const KEYS = ['person', 'organisation', 'group', 'workingGroup', 'from', 'to'] as const;

/** Who chaired what, across every group: filters kept in the address (so a view can be shared), a timeline per group, the list, and its CSV. */
export function ChairTermsPage() {
  const { t, i18n } = useTranslation();
  const { filters, set, setParams } = useAddressFilters(KEYS);
  const terms = useChairTerms(filters);
  const groups = useWorkingGroups();
  const [organisation, setOrganisation] = useState<OrganisationResponse | null>(null);
  const active = KEYS.filter((k) => filters[k]).length;

  const personName = filters.person ? terms.data?.items.find((x) => x.person.id === filters.person)?.person.name : undefined;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle>{t('chairTerms.title')}</PageTitle>
        <Text c="dimmed">{t('chairTerms.intro')}</Text>
      </Stack>

      <FoldingFilters
        id="chair"
        title={t('chairTerms.filters.title')}
        toggle={active > 0 ? t('chairTerms.filters.toggle', { count: active }) : t('chairTerms.filters.toggleNone')}
        footer={
          <Group mt="sm" gap="sm" wrap="wrap">
            {filters.person ? (
              <Text size="sm">
                {t('chairTerms.filters.person', { name: personName ?? filters.person })}{' '}
                <Anchor component="button" type="button" size="sm" onClick={() => set('person', null)}>
                  {t('common.clear')}
                </Anchor>
              </Text>
            ) : null}
            {KEYS.some((k) => filters[k]) ? (
              <Button variant="subtle" size="compact-sm" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
                {t('chairTerms.filters.reset')}
              </Button>
            ) : null}
            <Button
              component="a"
              href={chairTermsCsvUrl(filters, currentLanguage(i18n))}
              variant="outline"
              size="compact-sm"
              download="chair-terms.csv"
              data-testid="csv-link"
            >
              {t('chairTerms.csv')}
            </Button>
          </Group>
        }
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <Select
            label={t('chairTerms.filters.workingGroup')}
            placeholder={t('chairTerms.filters.any')}
            clearable
            data={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
            value={filters.workingGroup ?? null}
            onChange={(v) => set('workingGroup', v)}
            clearButtonProps={{ 'aria-label': t('common.clear') }}
          />
          <Select
            label={t('chairTerms.filters.group')}
            placeholder={t('chairTerms.filters.any')}
            clearable
            data={STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: t(`groups.${g}`) }))}
            value={filters.group ?? null}
            onChange={(v) => set('group', v)}
            clearButtonProps={{ 'aria-label': t('common.clear') }}
          />
          <OrganisationSelect
            label={t('chairTerms.filters.organisation')}
            value={organisation && organisation.id === filters.organisation ? organisation : null}
            onChange={(o) => {
              setOrganisation(o);
              set('organisation', o?.id);
            }}
          />
          <LocaleDateInput onlyDates label={t('chairTerms.filters.from')} value={filters.from ?? ''} onChange={(v) => set('from', v)} />
          <LocaleDateInput onlyDates label={t('chairTerms.filters.to')} value={filters.to ?? ''} onChange={(v) => set('to', v)} />
        </SimpleGrid>
      </FoldingFilters>

      {terms.isPending ? <PageLoader /> : null}
      {terms.isError ? <QueryError error={terms.error} onRetry={() => void terms.refetch()} /> : null}
      {terms.data ? (
        <>
          <Stack component="section" aria-labelledby="chair-timeline" gap="sm">
            <Title order={2} size="h3" id="chair-timeline">
              {t('chairTerms.timeline')}
            </Title>
            <ChairTimeline terms={terms.data.items} />
          </Stack>
          <Stack component="section" aria-labelledby="chair-list" gap="sm">
            <Title order={2} size="h3" id="chair-list">
              {t('chairTerms.list', { count: terms.data.items.length })}
            </Title>
            {terms.data.items.length === 0 ? <Text c="dimmed">{t('chairTerms.none')}</Text> : <ChairTermTable terms={terms.data.items} />}
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}

export default ChairTermsPage;
