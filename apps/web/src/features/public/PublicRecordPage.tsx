import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { BallotSummary, DocumentResponse, WorkingGroupResponse } from '@parley/contracts';
import { versionFullName } from '../negotiation/chairs-text-name';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isProblem, withQuery } from '../../api/client';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useFormatters } from '../../ui/useFormatters';
import { AuditEventItem } from '../audit/AuditEventItem';
import { auditExportUrl, useAuditLog } from '../audit/useAudit';
import { ballotTitle } from '../ballots/ballot-title';
import { ChairTermTable } from '../chair-terms/ChairTermTable';
import { adoptedMarkdownUrl } from '../endorsements/useEndorsements';
import { AlarmList } from '../working-groups/AlarmList';
import { StatusBadge } from '../working-groups/badges';
import { CompositionBar } from '../working-groups/CompositionBar';
import { useWorkingGroup } from '../working-groups/useWorkingGroups';
import { useGroupBallots, useGroupChairTerms, useGroupDocuments } from './usePublicRecord';
import { VerifyExportHint } from '../audit/verify/VerifyExportHint';
import { currentLanguage } from '../../i18n';
import { GroupSessions } from '../meetings/report/GroupSessions';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Members({ group }: { group: WorkingGroupResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" striped data-testid="record-members">
        <Table.Caption>{t('publicRecord.membersCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('publicRecord.columns.person')}</Table.Th>
            <Table.Th scope="col">{t('publicRecord.columns.role')}</Table.Th>
            <Table.Th scope="col">{t('publicRecord.columns.admitted')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {group.members.map((m) => (
            <Table.Tr key={m.membershipId}>
              <Table.Td>
                <AffiliationBadge name={m.person.name} personId={m.person.id} affiliation={m.currentSnapshot} withTitle />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t(`publicRecord.roles.${m.kind}`)}
                  {m.chair ? `, ${t('publicRecord.roles.chair')}` : ''}
                  {m.rapporteur ? `, ${t('publicRecord.roles.rapporteur')}` : ''}
                </Text>
              </Table.Td>
              <Table.Td data-testid="record-admitted-under">
                <Text size="sm">
                  {t('publicRecord.admittedUnder', {
                    affiliation: t('affiliation.atOrganisation', { title: m.admissionSnapshot.title, organisation: m.admissionSnapshot.organisationName }),
                    date: f.date(m.admittedAt),
                  })}
                </Text>
                {m.affiliationChanged ? (
                  <Text size="xs" fw={600} c="orange.9">
                    {t('publicRecord.affiliationChangedSince')}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Documents({ documents }: { documents: (DocumentResponse | undefined)[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} data-testid="record-documents">
      {documents.map((d) =>
        d ? (
          <Paper key={d.id} withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
            <Anchor component={Link} to={`/documents/${d.id}`} fw={600}>
              {d.title}
            </Anchor>
            <Group gap="xs" mt={4} wrap="wrap">
              {d.versions.map((v) => (
                <Group key={v.number} gap={4} wrap="nowrap">
                  <Anchor component={Link} to={`/documents/${d.id}?v=${v.number}`} size="sm">
                    {v.chairsText ? versionFullName(t, v) : t('publicRecord.version', { number: v.number })}
                  </Anchor>
                  {v.adoptedAt ? (
                    <Text size="sm" span>
                      ({t('publicRecord.adopted', { date: f.date(v.adoptedAt) })} ·{' '}
                      <Anchor component={Link} to={`/documents/${d.id}/versions/${v.number}/signatories`} size="sm">
                        {t('publicRecord.signatories')}
                      </Anchor>{' '}
                      ·{' '}
                      <Anchor href={adoptedMarkdownUrl(d.id, v.number)} size="sm">
                        {t('publicRecord.markdown')}
                      </Anchor>
                      )
                    </Text>
                  ) : null}
                </Group>
              ))}
            </Group>
          </Paper>
        ) : null,
      )}
    </Stack>
  );
}

function Ballots({ ballots }: { ballots: BallotSummary[] }) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} data-testid="record-ballots">
      {ballots.map((b) => (
        <Paper key={b.id} withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Anchor component={Link} to={`/ballots/${b.id}`} fw={600}>
              {ballotTitle(t, b)}
            </Anchor>
            <Group gap={6}>
              {b.visibility === 'secret' ? (
                <Badge variant="light" color="gray" tt="none">
                  {t('publicRecord.secret')}
                </Badge>
              ) : null}
              <Badge variant="light" color={b.status === 'open' ? 'blue' : b.outcome === 'passed' ? 'green' : 'red'} tt="none">
                {b.status === 'open'
                  ? t('publicRecord.ballotOpen', { date: f.date(b.closesAt) })
                  : t('publicRecord.ballotClosed', { outcome: t(`audit.outcomes.${b.outcome ?? 'failed'}`), date: f.date(b.closedAt ?? b.closesAt) })}
              </Badge>
            </Group>
          </Group>
          <Group gap="sm" mt={4}>
            <Text size="sm" c="dimmed">
              {t('publicRecord.ballotVoted', { cast: b.votesCast, electorate: b.electorateSize })} · {t(`audit.rules.${b.rule}`)}
            </Text>
            {b.visibility === 'roll-call' || b.status === 'closed' ? (
              <Anchor href={withQuery(`/api/ballots/${b.id}/votes.csv`, { lang: currentLanguage(i18n) })} size="sm">
                {t('publicRecord.votesCsv')}
              </Anchor>
            ) : null}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

/**
 * A working group's public record, for anyone without an account: members with their affiliations,
 * composition and capture alarms, chair history with the ballots that confirmed (or did not confirm)
 * each chair, documents and versions, ballots with results, the latest acts of its audit log, and
 * every export.
 */
export function PublicRecordPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const group = useWorkingGroup(id);
  const terms = useGroupChairTerms(id);
  const { list: docList, documents } = useGroupDocuments(id);
  const ballots = useGroupBallots(id);
  const latest = useAuditLog({ scope: `wg:${id ?? ''}`, order: 'desc' }, 5);

  if (group.isPending) return <PageLoader />;
  if (group.isError) {
    if (isProblem(group.error) && (group.error.status === 404 || group.error.status === 400))
      return (
        <Stack>
          <PageTitle>{t('publicRecord.title')}</PageTitle>
          <Text>{t('publicRecord.notFound')}</Text>
        </Stack>
      );
    return <QueryError error={group.error} onRetry={() => void group.refetch()} />;
  }
  const g = group.data;
  const scope = `wg:${g.id}`;
  const latestEvents = latest.data?.pages[0];
  return (
    <Stack gap="xl">
      <Stack gap={6}>
        <Text size="sm" c="dimmed" fw={600} tt="uppercase">
          {t('publicRecord.kicker')}
        </Text>
        <Group gap="sm" align="center" wrap="wrap">
          <PageTitle documentTitle={`${t('publicRecord.title')} · ${g.name}`}>{g.name}</PageTitle>
          <StatusBadge status={g.status} />
        </Group>
        <Text c="dimmed">{t('publicRecord.intro')}</Text>
        <Group gap="md" wrap="wrap">
          <Anchor component={Link} to={`/working-groups/${g.id}`}>
            {t('publicRecord.groupPage')}
          </Anchor>
          <Anchor component={Link} to={`/working-groups/${g.id}/audit`} data-testid="record-audit-link">
            {t('publicRecord.allEvents')}
          </Anchor>
          <Anchor component={Link} to="/audit">
            {t('audit.allChains')}
          </Anchor>
        </Group>
      </Stack>

      <Section id="record-composition" title={t('publicRecord.composition')}>
        <CompositionBar population={g.composition.votingMembers} caption={t('publicRecord.votingMembers')} capShare={g.caps.maxStakeholderGroupShare} />
        {g.alarms.length ? <AlarmList alarms={g.alarms} /> : <Text c="dimmed">{t('publicRecord.noAlarms')}</Text>}
      </Section>

      <Section id="record-chairs" title={t('publicRecord.chairs')}>
        {terms.isError ? <QueryError error={terms.error} onRetry={() => void terms.refetch()} /> : null}
        {terms.data ? terms.data.items.length ? <ChairTermTable terms={terms.data.items} /> : <Text c="dimmed">{t('publicRecord.noChairs')}</Text> : null}
      </Section>

      <Section id="record-members" title={t('publicRecord.members', { count: g.members.length })}>
        <Members group={g} />
      </Section>

      <Section id="record-documents" title={t('publicRecord.documents')}>
        {docList.data && docList.data.items.length === 0 ? (
          <Text c="dimmed">{t('publicRecord.noDocuments')}</Text>
        ) : (
          <Documents documents={documents.map((d) => d.data)} />
        )}
      </Section>

      <Section id="record-ballots" title={t('publicRecord.ballots')}>
        {ballots.isError ? <QueryError error={ballots.error} onRetry={() => void ballots.refetch()} /> : null}
        {ballots.data ? ballots.data.items.length ? <Ballots ballots={ballots.data.items} /> : <Text c="dimmed">{t('publicRecord.noBallots')}</Text> : null}
      </Section>

      <GroupSessions workingGroupId={g.id} />

      <Section id="record-audit" title={t('publicRecord.latest')}>
        {latestEvents ? (
          <Stack component="ol" gap="xs" p={0} m={0}>
            {latestEvents.items.map((e, i) => (
              <AuditEventItem key={`${e.scope}#${e.sequence}`} event={e} links={latestEvents.links[i]} chain={null} />
            ))}
          </Stack>
        ) : null}
        <Anchor component={Link} to={`/working-groups/${g.id}/audit`}>
          {t('publicRecord.allEvents')}
        </Anchor>
      </Section>

      <Paper withBorder p="md" component="section" aria-labelledby="record-exports">
        <Title order={2} size="h4" id="record-exports" mb="xs">
          {t('publicRecord.exports')}
        </Title>
        <Group gap="sm" wrap="wrap">
          <Button component="a" href={auditExportUrl(scope)} variant="outline" size="compact-sm">
            {t('audit.exports.jsonl')}
          </Button>
          <Button component="a" href={withQuery('/api/chair-terms.csv', { workingGroup: g.id, lang: currentLanguage(i18n) })} variant="outline" size="compact-sm">
            {t('audit.exports.chairTerms')}
          </Button>
          <Button component="a" href="/api/audit/head" variant="outline" size="compact-sm">
            {t('audit.exports.head')}
          </Button>
        </Group>
        <VerifyExportHint />
      </Paper>
    </Stack>
  );
}

export default PublicRecordPage;
