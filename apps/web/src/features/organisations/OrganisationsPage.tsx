import { Anchor, Button, Collapse, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import type { OrganisationResponse } from '@parley/contracts';
import { isSubtypeOf, STAKEHOLDER_GROUPS, ORGANISATION_SUBTYPES, type OrganisationSubtype, type StakeholderGroup } from '@parley/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { problemMessage } from '../../i18n/server-messages';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { useFormatters } from '../../ui/useFormatters';
import { VerifiedMark } from '../../ui/VerifiedMark';
import { useMe } from '../auth/useSession';
import { CreateOrganisationForm } from './CreateOrganisationForm';
import { OrganisationFilters } from './OrganisationFilters';
import { useOrganisations, useVerifyOrganisation, type OrganisationFilters as Filters } from './useOrganisations';

/** Reads the filters from the address, ignoring values the API would refuse. */
function filtersFrom(params: URLSearchParams): Filters {
  const group = params.get('group');
  const subtype = params.get('subtype');
  const country = params.get('country');
  const verified = params.get('verified');
  const q = params.get('q')?.trim();
  const g = (STAKEHOLDER_GROUPS as readonly string[]).includes(group ?? '') ? (group as StakeholderGroup) : undefined;
  const s = (ORGANISATION_SUBTYPES as string[]).includes(subtype ?? '') && (!g || isSubtypeOf(g, subtype ?? '')) ? (subtype as OrganisationSubtype) : undefined;
  return {
    q: q || undefined,
    stakeholderGroup: g,
    subtype: s,
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    verified: verified === 'true' || verified === 'false' ? verified : undefined,
  };
}

function toParams(f: Filters): Record<string, string> {
  const p: Record<string, string> = {};
  if (f.q) p.q = f.q;
  if (f.stakeholderGroup) p.group = f.stakeholderGroup;
  if (f.subtype) p.subtype = f.subtype;
  if (f.country) p.country = f.country;
  if (f.verified) p.verified = f.verified;
  return p;
}

function VerifyButton({ organisation }: { organisation: OrganisationResponse }) {
  const { t } = useTranslation();
  const verify = useVerifyOrganisation();
  return (
    <Button
      size="compact-sm"
      variant="outline"
      loading={verify.isPending}
      aria-label={t('organisations.verifyLabel', { name: organisation.name })}
      onClick={() =>
        verify.mutate(organisation.id, {
          onSuccess: (o) => notifySuccess(t, t('organisations.verified', { name: o.name })),
          onError: (e) => notifyError(t, problemMessage(t, e)),
        })
      }
    >
      {t('organisations.verify')}
    </Button>
  );
}

export function OrganisationsPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [search, setSearch] = useState(filters.q ?? '');
  const [adding, setAdding] = useState(false);
  const list = useOrganisations(filters);
  const isSteward = !!me.data?.isSteward;

  const apply = (next: Filters) => setParams(toParams(next), { replace: true });
  const applySearch = useDebouncedCallback((q: string) => apply({ ...filtersFrom(params), q: q.trim() || undefined }), 300);

  const organisations = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle>{t('organisations.title')}</PageTitle>
        <Text maw={760}>{t('organisations.lead')}</Text>
      </Stack>

      <Stack component="section" aria-labelledby="org-add" gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="org-add">
            {t('organisations.addTitle')}
          </Title>
          {me.data && !adding ? (
            <Button variant="light" onClick={() => setAdding(true)} aria-expanded={adding} aria-controls="org-add-form">
              {t('organisations.addToggle')}
            </Button>
          ) : null}
        </Group>
        {me.data ? (
          <Collapse in={adding} id="org-add-form">
            {adding ? (
              <Paper withBorder p="md">
                <Text size="sm" mb="md">
                  {t('organisations.addHelp')}
                </Text>
                <CreateOrganisationForm onDone={() => setAdding(false)} />
              </Paper>
            ) : null}
          </Collapse>
        ) : me.isPending ? null : (
          <Text size="sm">
            <Anchor component={Link} to="/login" state={{ from: '/organisations' }}>
              {t('organisations.signInToAdd')}
            </Anchor>
          </Text>
        )}
      </Stack>

      <OrganisationFilters
        filters={filters}
        search={search}
        onSearch={(q) => {
          setSearch(q);
          applySearch(q);
        }}
        onChange={(next) => apply({ ...next, q: filters.q })}
      />

      <Stack component="section" aria-labelledby="org-results" gap="sm">
        <Title order={2} size="h4" id="org-results">
          {t('organisations.results')}
        </Title>
        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : organisations.length === 0 ? (
          <Text role="status">{t('organisations.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-labelledby="org-results" aria-busy={list.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('organisations.name')}</Table.Th>
                  <Table.Th scope="col">{t('organisations.group')}</Table.Th>
                  <Table.Th scope="col">{t('common.country')}</Table.Th>
                  <Table.Th scope="col">{t('organisations.status')}</Table.Th>
                  {isSteward ? <Table.Th scope="col">{t('organisations.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {organisations.map((o) => (
                  <Table.Tr key={o.id} data-organisation-id={o.id}>
                    <Table.Th scope="row" fw={600}>
                      <Stack gap={2}>
                        <Anchor component={Link} to={`/organisations/${o.id}`} fw={600}>
                          {o.name}
                        </Anchor>
                        {o.website ? (
                          <Anchor href={o.website} size="xs" target="_blank" rel="noopener noreferrer" fw={400}>
                            {o.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
                          </Anchor>
                        ) : null}
                        {o.lobbyingRegisterId ? (
                          <Text size="xs" c="dimmed" fw={400}>
                            {t('organisations.lobbyingRegisterValue', { id: o.lobbyingRegisterId })}
                          </Text>
                        ) : null}
                      </Stack>
                    </Table.Th>
                    <Table.Td>
                      <StakeholderGroupBadge group={o.stakeholderGroup} subtype={o.subtype} />
                    </Table.Td>
                    <Table.Td>
                      {o.country ? (
                        f.country(o.country)
                      ) : (
                        <Text span size="sm" c="dimmed">
                          {t('common.none')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <VerifiedMark verified={o.verified} />
                    </Table.Td>
                    {isSteward ? <Table.Td>{o.verified ? null : <VerifyButton organisation={o} />}</Table.Td> : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {list.hasNextPage ? (
          <Group justify="center">
            <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Stack>
  );
}

export default OrganisationsPage;
