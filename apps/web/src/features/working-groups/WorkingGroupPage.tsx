import { Anchor, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { BALLOT_SUBJECT_KINDS } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { FeedLink } from '../notifications/FeedLink';
import { FollowButton } from '../notifications/FollowButton';
import { QueryError } from '../../ui/QueryError';
import { useFormatters } from '../../ui/useFormatters';
import { AlarmList } from './AlarmList';
import { StatusBadge } from './badges';
import { ChairsSection } from './ChairsSection';
import { CompositionSection } from './CompositionSection';
import { JoinPanel } from './JoinPanel';
import { MemberList } from './MemberList';
import { PendingRequests } from './PendingRequests';
import { useWorkingGroup } from './useWorkingGroups';
import { GroupDocuments } from '../documents/GroupDocuments';
import { AccreditationPanel } from '../procedures/AccreditationPanel';
import { ProcedureRulesSection } from '../procedures/ProcedureRulesSection';
import { ProxiesPanel } from '../procedures/ProxiesPanel';
import { GroupMeetingsSection } from '../meetings/GroupMeetingsSection';

/** One working group: mandate, alarms, composition, chairs and their terms, nominations, join requests and members. */
export function WorkingGroupPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { id } = useParams();
  const query = useWorkingGroup(id);

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isProblem(query.error) && (query.error.status === 404 || query.error.status === 400))
      return (
        <Stack>
          <PageTitle>{t('workingGroups.title')}</PageTitle>
          <Text>{t('workingGroups.notFound')}</Text>
        </Stack>
      );
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const g = query.data;
  return (
    <Stack gap="xl">
      <Stack gap={6}>
        <Text size="sm" c="dimmed" fw={600} tt="uppercase">
          <Anchor component={Link} to="/working-groups" c="dimmed">
            {t('workingGroups.title')}
          </Anchor>
        </Text>
        <Group gap="sm" align="center" wrap="wrap">
          <PageTitle>{g.name}</PageTitle>
          <StatusBadge status={g.status} />
        </Group>
        <Group gap={6} wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('workingGroups.convenedBy', { date: f.date(g.createdAt) })}
          </Text>
          <AffiliationBadge name={g.convener.name} personId={g.convener.id} affiliation={g.convener.snapshot} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('workingGroups.counts', { members: g.counts.members, observers: g.counts.observers })} · {t(`workingGroups.joinPolicy.${g.joinPolicy}`)}
        </Text>
        <Group gap="md" wrap="wrap">
          <Anchor component={Link} to={`/working-groups/${g.id}/record`} data-testid="group-record-link">
            {t('workingGroups.recordLink')}
          </Anchor>
          <Anchor component={Link} to={`/working-groups/${g.id}/audit`} data-testid="group-audit-link">
            {t('workingGroups.auditLink')}
          </Anchor>
          <FeedLink href={`/api/working-groups/${g.id}/feed.atom`} title={g.name} />
          <FollowButton type="working-group" id={g.id} name={g.name} />
        </Group>
      </Stack>

      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="xl">
            <Stack component="section" aria-labelledby="wg-mandate" gap="xs">
              <Title order={2} size="h3" id="wg-mandate">
                {t('workingGroups.mandate')}
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{g.mandate}</Text>
            </Stack>
            <GroupDocuments groupId={g.id} />
            <GroupMeetingsSection group={g} />
            <Stack component="section" aria-labelledby="wg-alarms" gap="xs">
              <Title order={2} size="h3" id="wg-alarms">
                {t('workingGroups.alarms.title')}
              </Title>
              <AlarmList alarms={g.alarms} />
            </Stack>
            <CompositionSection group={g} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="xl">
            <JoinPanel group={g} />
            <PendingRequests group={g} />
            <AccreditationPanel group={g} />
            <ProxiesPanel groupId={g.id} />
            <Paper withBorder p="md" component="section" aria-labelledby="wg-rules">
              <Title order={2} size="h4" id="wg-rules" mb="xs">
                {t('workingGroups.rules.title')}
              </Title>
              <Stack gap={2}>
                {BALLOT_SUBJECT_KINDS.map((kind) => (
                  <Text size="sm" key={kind}>
                    {t('workingGroups.rules.kindLabel', { kind: t(`workingGroups.ballotKinds.${kind}`) })} <b>{t(`workingGroups.rules.${g.decisionRules[kind]}`)}</b>
                  </Text>
                ))}
                <Text size="sm">{t('workingGroups.rules.quorum', { share: Math.round(g.quorum * 100) })}</Text>
              </Stack>
            </Paper>
            <ProcedureRulesSection group={g} />
          </Stack>
        </Grid.Col>
      </Grid>

      <ChairsSection group={g} />
      <MemberList group={g} />
    </Stack>
  );
}

export default WorkingGroupPage;
