import { Anchor, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { OrganisationResponse } from '@parley/contracts';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { withQuery } from '../../api/client';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { useWorkingGroups } from '../working-groups/useWorkingGroups';
import { actionName, actionsByFamily, familyName } from './action-names';
import { AuditEventItem } from './AuditEventItem';
import { chainName } from './chains';
import { auditExportUrl, useAuditLog, type AuditFilters } from './useAudit';
import { VerifyExportHint } from './verify/VerifyExportHint';
import { LocaleDateInput } from '../../ui/LocaleDateInput';
import { currentLanguage } from '../../i18n';

const KEYS = ['scope', 'actor', 'actorName', 'organisation', 'action', 'from', 'to', 'order'] as const;
type Key = (typeof KEYS)[number];

/** Actions grouped by family, each family first as "every action of it", all by name. */
function actionOptions(t: TFunction): { group: string; items: { value: string; label: string }[] }[] {
  return actionsByFamily().map(([family, actions]) => ({
    group: familyName(t, family),
    items: [
      { value: family, label: String(t('audit.filters.family', { family: familyName(t, family) })) },
      ...actions.map((a) => ({ value: a, label: actionName(t, a) })),
    ],
  }));
}

/**
 * The audit log, of every chain (`/audit`) or of one working group (`/working-groups/:id/audit`):
 * filters kept in the address so a view can be shared, each event as a sentence with its hash and
 * a link to the event before it, newest first by default, and the exports to verify it offline.
 */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const { id: groupId } = useParams();
  const [params, setParams] = useSearchParams();
  const groups = useWorkingGroups();
  const [organisation, setOrganisation] = useState<OrganisationResponse | null>(null);
  const groupNames = useMemo(() => new Map((groups.data?.items ?? []).map((g) => [g.id, g.name])), [groups.data]);

  const fixedScope = groupId ? `wg:${groupId}` : null;
  const filters: AuditFilters = {
    scope: fixedScope ?? params.get('scope') ?? 'all',
    actor: params.get('actor') ?? undefined,
    organisation: params.get('organisation') ?? undefined,
    action: params.get('action') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  };
  const log = useAuditLog(filters);
  const set = (changes: Partial<Record<Key, string | null | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const groupName = groupId ? groupNames.get(groupId) : undefined;
  const title = groupId ? (groupName ? t('audit.groupTitle', { name: groupName }) : t('audit.title')) : t('audit.title');
  const items = log.data?.pages.flatMap((p) => p.items.map((item, i) => ({ item, links: p.links[i] }))) ?? [];
  const filtered = KEYS.some((k) => k !== 'scope' && k !== 'order' && params.get(k));

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        {groupId ? (
          <Text size="sm" c="dimmed" fw={600} tt="uppercase">
            <Anchor component={Link} to={`/working-groups/${groupId}/record`} c="dimmed">
              {groupName ?? t('publicRecord.title')}
            </Anchor>
          </Text>
        ) : null}
        <PageTitle>{title}</PageTitle>
        <Text c="dimmed">{groupId ? t('audit.groupIntro') : t('audit.intro')}</Text>
        {groupId ? (
          <Anchor component={Link} to="/audit" size="sm">
            {t('audit.allChains')}
          </Anchor>
        ) : null}
      </Stack>

      <Paper withBorder p="md" component="section" aria-labelledby="audit-filters">
        <Title order={2} size="h5" id="audit-filters" mb="sm">
          {t('audit.filters.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {groupId ? null : (
            <Select
              label={t('audit.filters.scope')}
              data={[
                { value: 'all', label: t('audit.filters.allScopes') },
                { value: 'platform', label: t('audit.filters.platform') },
                ...(groups.data?.items ?? []).map((g) => ({ value: `wg:${g.id}`, label: chainName(t, `wg:${g.id}`, groupNames) })),
              ]}
              value={filters.scope}
              onChange={(v) => set({ scope: v === 'all' ? null : v })}
              allowDeselect={false}
            />
          )}
          <Select
            label={t('audit.filters.action')}
            placeholder={t('audit.filters.anyAction')}
            clearable
            searchable
            data={actionOptions(t)}
            value={filters.action ?? null}
            onChange={(v) => set({ action: v })}
            clearButtonProps={{ 'aria-label': t('common.clear') }}
          />
          <OrganisationSelect
            label={t('audit.filters.organisation')}
            value={organisation && organisation.id === filters.organisation ? organisation : null}
            onChange={(o) => {
              setOrganisation(o);
              set({ organisation: o?.id });
            }}
          />
          <LocaleDateInput onlyDates label={t('audit.filters.from')} value={filters.from ?? ''} onChange={(v) => set({ from: v })} />
          <LocaleDateInput onlyDates label={t('audit.filters.to')} value={filters.to ?? ''} onChange={(v) => set({ to: v })} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="audit-order">
              {t('audit.filters.order')}
            </Text>
            <SegmentedControl
              aria-labelledby="audit-order"
              data={[
                { value: 'desc', label: t('audit.filters.newest') },
                { value: 'asc', label: t('audit.filters.oldest') },
              ]}
              value={filters.order}
              onChange={(v) => set({ order: v === 'asc' ? 'asc' : null })}
            />
          </Stack>
        </SimpleGrid>
        <Group mt="sm" gap="sm" wrap="wrap">
          {filters.actor ? (
            <Text size="sm">
              {t('audit.filters.actor', { name: params.get('actorName') ?? filters.actor })}{' '}
              <Anchor component="button" type="button" size="sm" onClick={() => set({ actor: null, actorName: null })}>
                {t('common.clear')}
              </Anchor>
            </Text>
          ) : null}
          {filtered ? (
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => set({ actor: null, actorName: null, organisation: null, action: null, from: null, to: null })}
            >
              {t('audit.filters.reset')}
            </Button>
          ) : null}
        </Group>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="audit-exports">
        <Title order={2} size="h5" id="audit-exports" mb="xs">
          {t('audit.exports.title')}
        </Title>
        <Group gap="sm" wrap="wrap">
          <Button component="a" href={auditExportUrl(filters.scope)} variant="outline" size="compact-sm" data-testid="audit-export-link">
            {t('audit.exports.jsonl')}
          </Button>
          <Button component="a" href="/api/audit/head" variant="outline" size="compact-sm">
            {t('audit.exports.head')}
          </Button>
          {groupId ? (
            <Button component="a" href={withQuery('/api/chair-terms.csv', { workingGroup: groupId, lang: currentLanguage(i18n) })} variant="outline" size="compact-sm">
              {t('audit.exports.chairTerms')}
            </Button>
          ) : null}
        </Group>
        <VerifyExportHint />
      </Paper>

      {log.isPending ? <PageLoader /> : null}
      {log.isError ? <QueryError error={log.error} onRetry={() => void log.refetch()} /> : null}
      {log.data ? (
        <Stack component="section" aria-labelledby="audit-events" gap="sm">
          <Title order={2} size="h4" id="audit-events">
            {t('audit.count', { count: items.length })}
          </Title>
          {items.length === 0 ? <Text c="dimmed">{t('audit.none')}</Text> : null}
          <Stack component="ol" gap="xs" p={0} m={0} data-testid="audit-events">
            {items.map(({ item, links }) => (
              <AuditEventItem
                key={`${item.scope}#${item.sequence}`}
                event={item}
                links={links}
                chain={groupId ? null : chainName(t, item.scope, groupNames)}
                onActor={(actor, actorName) => set({ actor, actorName })}
              />
            ))}
          </Stack>
          {log.hasNextPage ? (
            <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}

export default AuditLogPage;
