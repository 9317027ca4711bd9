import { Button, Group, NativeSelect, Paper, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { GroupProxiesResponse, ProxyView } from '@parley/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { problemMessage, verdictMessage } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { FormAlert, mapServerErrors } from '../../ui/FormErrors';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useFormatters } from '../../ui/useFormatters';
import { useGiveProxy, useGroupProxies, useRevokeProxy } from './useProxies';
import { ForwardArrowIcon } from '../../ui/icons';

const today = () => new Date().toISOString().slice(0, 10);

/** "Give my vote": to whom (only the eligible are listed), for one open ballot or for a period of days. */
function GiveProxyForm({ groupId, me }: { groupId: string; me: NonNullable<GroupProxiesResponse['me']> }) {
  const { t } = useTranslation();
  const give = useGiveProxy(groupId);
  const [holderId, setHolderId] = useState('');
  const [scope, setScope] = useState<'ballot' | 'period'>(me.openBallots.length ? 'ballot' : 'period');
  const [ballotId, setBallotId] = useState('');
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState(today());
  const [errors, setErrors] = useState<Partial<Record<'holderId' | 'ballotId' | 'from' | 'to' | 'scope', string>>>({});
  const [general, setGeneral] = useState<string[]>([]);

  if (me.can.give !== true) return <Text size="sm" data-testid="proxy-give-refusal">{verdictMessage(t, me.can.give)}</Text>;
  if (me.eligibleHolders.length === 0) return <Text size="sm">{t('proxies.give.noneEligible')}</Text>;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setGeneral([]);
    if (!holderId) return setErrors({ holderId: t('proxies.give.pickHolder') });
    if (scope === 'ballot' && !ballotId) return setErrors({ ballotId: t('proxies.give.pickBallot') });
    setErrors({});
    const holder = me.eligibleHolders.find((h) => h.id === holderId)?.name ?? '';
    give.mutate(scope === 'ballot' ? { holderId, scope, ballotId } : { holderId, scope, from, to }, {
      onSuccess: () => notifySuccess(t, t('proxies.give.done', { name: holder })),
      onError: (error) => {
        const mapped = mapServerErrors(error, ['holderId', 'ballotId', 'from', 'to', 'scope'] as const, t);
        setErrors(mapped.fieldErrors);
        setGeneral(mapped.general);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="give-proxy-form">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('proxies.give.title')}
        </Title>
        <NativeSelect
          label={t('proxies.give.holder')}
          description={t('proxies.give.holderHint')}
          value={holderId}
          onChange={(e) => setHolderId(e.currentTarget.value)}
          error={errors.holderId}
          data={[{ value: '', label: '—' }, ...me.eligibleHolders.map((h) => ({ value: h.id, label: `${h.name} (${h.snapshot.organisationName})` }))]}
        />
        <Radio.Group label={t('proxies.give.scope')} value={scope} onChange={(v) => setScope(v as 'ballot' | 'period')} error={errors.scope}>
          <Group gap="lg" mt={4}>
            <Radio value="ballot" label={t('proxies.give.scopeBallot')} disabled={me.openBallots.length === 0} />
            <Radio value="period" label={t('proxies.give.scopePeriod')} />
          </Group>
        </Radio.Group>
        {scope === 'ballot' ? (
          <NativeSelect
            label={t('proxies.give.ballot')}
            value={ballotId}
            onChange={(e) => setBallotId(e.currentTarget.value)}
            error={errors.ballotId}
            data={[{ value: '', label: '—' }, ...me.openBallots.map((b) => ({ value: b.id, label: b.title }))]}
          />
        ) : (
          <Group grow wrap="wrap">
            <TextInput type="date" label={t('proxies.give.from')} value={from} min={today()} onChange={(e) => setFrom(e.currentTarget.value)} error={errors.from} />
            <TextInput type="date" label={t('proxies.give.to')} value={to} min={from} onChange={(e) => setTo(e.currentTarget.value)} error={errors.to} />
          </Group>
        )}
        {me.openBallots.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('proxies.give.noBallot')}
          </Text>
        ) : null}
        <FormAlert messages={general} />
        <Group>
          <Button type="submit" loading={give.isPending}>
            {t('proxies.give.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ProxyStatus({ p }: { p: ProxyView }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (p.endedAt && p.endReason) return <Text size="sm">{t('proxies.status.ended', { date: f.date(p.endedAt), why: t(`proxies.endReason.${p.endReason}`) })}</Text>;
  return <Text size="sm" fw={p.live ? 600 : undefined}>{t(p.live ? 'proxies.status.live' : 'proxies.status.over')}</Text>;
}

/** The group's proxies: the rule, "Give my vote" and "Revoke" for the signed-in member, and the public trail of every proxy. */
export function ProxiesPanel({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const q = useGroupProxies(groupId);
  const revoke = useRevokeProxy(groupId);
  if (!q.data) return null;
  const d = q.data;
  const revocable = new Set(d.me?.revocable ?? []);
  const onRevoke = (p: ProxyView) =>
    revoke.mutate(p.id, {
      onSuccess: () => notifySuccess(t, t('proxies.revokeDone')),
      onError: (error) => notifyError(t, problemMessage(t, error)),
    });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="wg-proxies" data-testid="proxies-panel">
      <Stack gap="sm">
        <Title order={2} size="h4" id="wg-proxies">
          {t('proxies.title')}
        </Title>
        <Text size="sm">{d.cap === 0 ? t('proxies.disabled') : t('proxies.intro', { count: d.cap })}</Text>
        {d.cap > 0 && d.withinStakeholderGroup ? <Text size="sm">{t('proxies.introStakeholderGroup')}</Text> : null}
        {d.me && d.cap > 0 ? <GiveProxyForm groupId={groupId} me={d.me} /> : null}
        <Title order={3} size="h5">
          {t('proxies.list.title')}
        </Title>
        {d.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('proxies.list.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table verticalSpacing="xs" data-testid="proxies-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('proxies.list.grantor')}</Table.Th>
                  <Table.Th scope="col">{t('proxies.list.scope')}</Table.Th>
                  <Table.Th scope="col">{t('proxies.list.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((p) => (
                  <Table.Tr key={p.id} data-testid="proxy-row">
                    <Table.Td>
                      <AffiliationBadge name={p.grantor.name} personId={p.grantor.id} affiliation={p.grantor.snapshot} size="xs" />
                      <Text size="xs" c="dimmed">
                        <ForwardArrowIcon /> {t('proxies.list.holder')}
                      </Text>
                      <AffiliationBadge name={p.holder.name} personId={p.holder.id} affiliation={p.holder.snapshot} size="xs" />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {p.ballot ? (
                          <Link to={`/ballots/${p.ballot.id}`}>{t('proxies.list.ballot', { title: p.ballot.title })}</Link>
                        ) : (
                          t('proxies.list.period', { from: f.date(p.from ?? ''), to: f.date(p.to ?? '') })
                        )}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('proxies.list.given', { date: f.date(p.givenAt) })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ProxyStatus p={p} />
                      {revocable.has(p.id) ? (
                        <Button size="compact-sm" variant="default" mt={4} onClick={() => onRevoke(p)} loading={revoke.isPending} aria-label={t('proxies.revokeLabel', { name: p.holder.name })}>
                          {t('proxies.revoke')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
