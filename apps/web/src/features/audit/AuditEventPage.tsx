import { Anchor, Button, Code, CopyButton, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useWorkingGroups } from '../working-groups/useWorkingGroups';
import { actionLabel } from './action-names';
import { chainName } from './chains';
import { auditSentence, subjectLink } from './sentences';
import { auditExportUrl, useAuditEvent } from './useAudit';
import { currentLanguage, intlLocale } from '../../i18n';
import { BackArrowIcon, ForwardArrowIcon } from '../../ui/icons';

/** One audit event with every recorded field, its place in the chain (previous and next) and how to verify it. */
export function AuditEventPage() {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const { scope, sequence } = useParams();
  const query = useAuditEvent(scope, sequence);
  const groups = useWorkingGroups();
  const groupNames = useMemo(() => new Map((groups.data?.items ?? []).map((g) => [g.id, g.name])), [groups.data]);

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isProblem(query.error) && (query.error.status === 404 || query.error.status === 400))
      return (
        <Stack>
          <PageTitle>{t('audit.title')}</PageTitle>
          <Text>{t('audit.event.notFound')}</Text>
        </Stack>
      );
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const { event: e, links, next } = query.data;
  const chain = chainName(t, e.scope, groupNames);
  const subject = subjectLink(e);
  const logLink = e.scope.startsWith('wg:') ? `/working-groups/${e.scope.slice(3)}/audit` : `/audit?scope=${encodeURIComponent(e.scope)}`;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text size="sm" c="dimmed" fw={600} tt="uppercase">
          <Anchor component={Link} to={logLink} c="dimmed">
            {chain}
          </Anchor>
        </Text>
        <PageTitle documentTitle={t('audit.event.title', { sequence: e.sequence })}>{auditSentence(t, e, lng)}</PageTitle>
        <Text c="dimmed">{t('audit.event.sequence', { sequence: e.sequence, chain })}</Text>
        <Anchor component={Link} to="/audit" size="sm">
          {t('audit.allChains')}
        </Anchor>
      </Stack>

      <Group gap="md" wrap="wrap">
        {links.previous ? (
          <Anchor component={Link} to={links.previous.page} data-testid="previous-event">
            <BackArrowIcon /> {t('audit.event.previous', { sequence: links.previous.sequence })}
          </Anchor>
        ) : (
          <Text c="dimmed">{t('audit.event.first')}</Text>
        )}
        {next ? (
          <Anchor component={Link} to={next.page}>
            {t('audit.event.next', { sequence: next.sequence })} <ForwardArrowIcon />
          </Anchor>
        ) : null}
        {subject ? (
          <Anchor component={Link} to={subject}>
            {t('audit.event.subject')}
          </Anchor>
        ) : null}
        <Anchor component={Link} to={logLink}>
          {t('audit.event.backToLog')}
        </Anchor>
      </Group>

      <Paper withBorder p="md" component="section" aria-labelledby="event-details">
        <Title order={2} size="h4" id="event-details" mb="sm">
          {t('audit.event.details')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('audit.event.actor')}
            </Text>
            {e.actorName ? (
              <AffiliationBadge name={e.actorName} personId={e.actorId ?? undefined} affiliation={e.actorSnapshot} withTitle />
            ) : (
              <Text size="sm">{t('audit.event.noActor')}</Text>
            )}
          </Stack>
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('audit.event.time')}
            </Text>
            <Text size="sm" component="time" dateTime={e.occurredAt}>
              {e.occurredAt}
            </Text>
          </Stack>
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('audit.event.action')}
            </Text>
            {/* Its name, and the code as recorded (what the export and the verifier read). */}
            <Text size="sm" data-testid="event-action">
              {actionLabel(t, e.action)} <Code>{e.action}</Code>
            </Text>
          </Stack>
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('audit.event.subjectLabel')}
            </Text>
            <Code>
              {e.subjectType} {e.subjectId}
            </Code>
          </Stack>
        </SimpleGrid>
        <Stack gap={6} mt="md">
          {(
            [
              ['audit.event.hash', e.hash, 'event-hash'],
              ['audit.event.previousHash', e.previousHash, 'event-previous-hash'],
              ['audit.event.changeDigest', e.changeDigest, 'event-change-digest'],
            ] as const
          ).map(([label, value, testId]) => (
            <Stack gap={2} key={testId}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {t(label)}
                </Text>
                <CopyButton value={value}>
                  {({ copied, copy }) => (
                    <Button variant="subtle" size="compact-xs" onClick={copy}>
                      {copied ? t('audit.event.copied') : t('audit.event.copyHash')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid={testId}>
                {value}
              </Code>
            </Stack>
          ))}
        </Stack>
        <Text size="sm" fw={600} mt="md" mb={4}>
          {t('audit.event.change')}
        </Text>
        {e.withheld ? (
          <Text size="sm" c="orange.9" fs="italic">
            {t('audit.event.withheld', { reason: e.withheld })}
          </Text>
        ) : (
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {JSON.stringify(e.change, null, 2)}
          </Code>
        )}
      </Paper>

      <Paper withBorder p="md">
        <Text size="sm">{t('audit.event.verify')}</Text>
        <Group gap="sm" mt="xs">
          <Anchor href={auditExportUrl(e.scope)} size="sm">
            {t('audit.exports.jsonl')}
          </Anchor>
          <Anchor href="/api/audit/head" size="sm">
            {t('audit.exports.head')}
          </Anchor>
        </Group>
      </Paper>
    </Stack>
  );
}

export default AuditEventPage;
