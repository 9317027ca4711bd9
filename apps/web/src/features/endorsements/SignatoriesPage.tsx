import { Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import type { EndorsementResponse, SignatoriesResponse } from '@parley/contracts';
import { SUBTYPES_BY_GROUP } from '@parley/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { problemMessage } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { useFormatters } from '../../ui/useFormatters';
import { VerifiedMark } from '../../ui/VerifiedMark';
import { EndorsePanel } from './EndorsePanel';
import { signatoryHeadline } from './headline';
import { adoptedMarkdownUrl, useSignatories, useWithdrawEndorsement } from './useEndorsements';
import { DocumentNotFound } from '../documents/DocumentNotFound';
import { SignatoriesExplanations } from '../procedures/ExplanationsSection';
import { currentLanguage, intlLocale } from '../../i18n';

function SignatoryTable({ rows, withdrawn, onWithdraw }: { rows: EndorsementResponse[]; withdrawn?: boolean; onWithdraw?: (e: EndorsementResponse) => void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" striped data-testid={withdrawn ? 'withdrawn-table' : 'signatory-table'}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('endorsements.columns.organisation')}</Table.Th>
            <Table.Th scope="col">{t('endorsements.columns.endorser')}</Table.Th>
            <Table.Th scope="col">{t('endorsements.columns.date')}</Table.Th>
            {onWithdraw ? <Table.Th scope="col" /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={e.id} data-testid="signatory-row">
              <Table.Td>
                <Group gap={6} wrap="wrap">
                  <Text span size="sm" fw={600}>
                    {e.organisation.name}
                  </Text>
                  <StakeholderGroupBadge group={e.organisation.stakeholderGroup} subtype={e.organisation.subtype} size="sm" />
                  <VerifiedMark verified={e.organisation.verified} size="xs" />
                </Group>
              </Table.Td>
              <Table.Td>
                <AffiliationBadge name={e.endorsedBy.name} personId={e.endorsedBy.id} affiliation={e.endorsedBy.snapshot} withTitle />
                {withdrawn && e.withdrawnBy ? (
                  <Stack gap={2} mt={4}>
                    <Text size="xs" c="dimmed">
                      {t('endorsements.withdrawnBy', { date: f.date(e.withdrawnAt!) })}
                    </Text>
                    <AffiliationBadge name={e.withdrawnBy.name} personId={e.withdrawnBy.id} affiliation={e.withdrawnBy.snapshot} size="xs" />
                    {e.withdrawalReason ? (
                      <Text size="xs" fs="italic">
                        {t('endorsements.reason', { reason: e.withdrawalReason })}
                      </Text>
                    ) : null}
                  </Stack>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{f.date(e.endorsedAt)}</Text>
              </Table.Td>
              {onWithdraw ? (
                <Table.Td>
                  {e.canWithdraw ? (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => onWithdraw(e)}>
                      {t('endorsements.withdraw.button')}
                    </Button>
                  ) : null}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Counts({ s }: { s: SignatoriesResponse }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" data-testid="signatory-counts">
      {s.counts.byStakeholderGroup.map((g) => (
        <Paper key={g.stakeholderGroup} withBorder p="sm">
          <Group justify="space-between" mb={4}>
            <StakeholderGroupBadge group={g.stakeholderGroup} />
            <Text fw={700} size="lg">
              {g.count}
            </Text>
          </Group>
          <Stack gap={0}>
            {SUBTYPES_BY_GROUP[g.stakeholderGroup].map((sub) => (
              <Text key={sub} size="xs" c={g.bySubtype.find((x) => x.subtype === sub)?.count ? undefined : 'dimmed'}>
                {t('endorsements.subtypeCount', { subtype: t(`subtypes.${sub}`), count: g.bySubtype.find((x) => x.subtype === sub)?.count ?? 0 })}
              </Text>
            ))}
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Who endorses an adopted version: the Paris Call–style headline, counts by stakeholder group and sub-type, the endorsers, withdrawals, and the Endorse button. */
export function SignatoriesPage() {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const { id, n } = useParams();
  const version = Number(n);
  const query = useSignatories(id, version);
  const withdraw = useWithdrawEndorsement(id ?? '', version);
  const [withdrawing, setWithdrawing] = useState<EndorsementResponse | null>(null);
  const [reason, setReason] = useState('');

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isProblem(query.error) && (query.error.status === 404 || query.error.status === 400))
      return <DocumentNotFound title={t('endorsements.title')} message={t('endorsements.notFound')} />;
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const s = query.data;
  const headline = signatoryHeadline(t, s.counts, intlLocale(currentLanguage(i18n)));
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text size="sm" c="dimmed" fw={600} tt="uppercase">
          <Anchor component={Link} to={`/documents/${s.documentId}?v=${s.version}`} c="dimmed">
            {t('endorsements.of', { version: s.version, title: s.title })}
          </Anchor>
        </Text>
        <PageTitle documentTitle={`${t('endorsements.title')} · ${s.title}`}>{t('endorsements.title')}</PageTitle>
        <Text size="xl" fw={600} data-testid="signatory-headline">
          {headline}
        </Text>
        <Text c="dimmed">{s.adoptedAt ? t('endorsements.adoptedOn', { date: f.date(s.adoptedAt) }) : t('endorsements.notAdopted')}</Text>
        <Group gap="sm" wrap="wrap">
          <Anchor component={Link} to={`/documents/${s.documentId}?v=${s.version}`} size="sm">
            {t('endorsements.document')}
          </Anchor>
          {s.adoptedAt ? (
            <Anchor href={adoptedMarkdownUrl(s.documentId, s.version)} size="sm" data-testid="markdown-link">
              {t('endorsements.markdown')}
            </Anchor>
          ) : null}
        </Group>
      </Stack>

      <EndorsePanel signatories={s} />

      <Stack component="section" aria-labelledby="signatory-groups" gap="sm">
        <Title order={2} size="h4" id="signatory-groups">
          {t('endorsements.byGroup')}
        </Title>
        <Counts s={s} />
      </Stack>
      <SignatoriesExplanations documentId={s.documentId} version={s.version} />

      <Stack component="section" aria-labelledby="signatory-list" gap="sm">
        <Title order={2} size="h4" id="signatory-list">
          {t('endorsements.list')}
        </Title>
        {s.signatories.length ? (
          <SignatoryTable rows={s.signatories} onWithdraw={(e) => setWithdrawing(e)} />
        ) : (
          <Text c="dimmed">{t('endorsements.headline.none')}</Text>
        )}
      </Stack>

      {s.withdrawn.length ? (
        <Stack component="section" aria-labelledby="withdrawn-list" gap="sm">
          <Title order={2} size="h4" id="withdrawn-list">
            {t('endorsements.withdrawnList')}
          </Title>
          <SignatoryTable rows={s.withdrawn} withdrawn />
        </Stack>
      ) : null}

      <Modal
        opened={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        title={t('endorsements.withdraw.title', { organisation: withdrawing?.organisation.name ?? '' })}
      >
        <Stack gap="sm">
          <Text size="sm">{t('endorsements.withdraw.explain')}</Text>
          <Textarea
            label={t('endorsements.withdraw.reason')}
            description={t('common.optional')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWithdrawing(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={withdraw.isPending}
              onClick={() =>
                withdrawing &&
                withdraw.mutate(
                  { id: withdrawing.id, reason: reason.trim() || undefined },
                  {
                    onSuccess: () => {
                      notifySuccess(t, t('endorsements.withdraw.done', { organisation: withdrawing.organisation.name }));
                      setWithdrawing(null);
                      setReason('');
                    },
                    onError: (e) => notifyError(t, problemMessage(t, e)),
                  },
                )
              }
            >
              {t('endorsements.withdraw.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

export default SignatoriesPage;
