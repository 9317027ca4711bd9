import { Alert, Anchor, Box, Button, Code, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../ui/PageLoader';
import { ToneBadge } from '../documents/ToneBadge';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useMe } from '../auth/useSession';
import { SignInFirst } from './SignInFirst';
import { timeOf } from './NotificationItem';
import { useOutbox, useOutboxMessage } from './useOutbox';
import './notifications.css';
import { currentLanguage, intlLocale } from '../../i18n';

/** One mail as it would have gone out: its headers, its text, and its HTML in a sandbox (no script, no same origin). */
function OutboxMessage({ id }: { id: string }) {
  const { t } = useTranslation();
  const message = useOutboxMessage(id);
  if (message.isPending) return <PageLoader />;
  if (message.isError) return <QueryError error={message.error} onRetry={() => void message.refetch()} />;
  const m = message.data;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="outbox-message-title" data-testid="outbox-message">
      <Stack gap="xs">
        <Title order={2} size="h4" id="outbox-message-title" style={{ overflowWrap: 'anywhere' }}>
          {m.subject}
        </Title>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('notifications.outbox.toLine', { to: m.to, name: m.recipient.name, language: m.language })}
        </Text>
        <Title order={3} size="h6">
          {t('notifications.outbox.text')}
        </Title>
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {m.text}
        </Code>
        <Title order={3} size="h6">
          {t('notifications.outbox.html')}
        </Title>
        <iframe sandbox="" srcDoc={m.html} title={t('notifications.outbox.htmlFrame', { subject: m.subject })} className="outbox-frame" />
      </Stack>
    </Paper>
  );
}

/** For stewards while no SMTP server is set: the mails Parley would have sent, to read them. */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const isSteward = !!me.data?.isSteward;
  const outbox = useOutbox(isSteward);
  const [openId, setOpenId] = useState<string | null>(null);
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <SignInFirst title={t('notifications.outbox.title')} from="/steward/outbox" />;
  const lng = intlLocale(currentLanguage(i18n));
  const items = outbox.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <PageTitle>{t('notifications.outbox.title')}</PageTitle>
        <Text size="sm" c="dimmed">
          {t('notifications.outbox.intro')}
        </Text>
      </Stack>
      {!isSteward ? (
        <Alert color="gray" variant="light">
          {t('notifications.outbox.stewardsOnly')}
        </Alert>
      ) : outbox.isPending ? (
        <PageLoader />
      ) : outbox.isError ? (
        <QueryError error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : items.length === 0 ? (
        <Alert color="gray" variant="light">
          {t('notifications.outbox.none')}
        </Alert>
      ) : (
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: openId ? 5 : 12 }}>
            <Table.ScrollContainer minWidth={320}>
              <Table verticalSpacing={6} data-testid="outbox">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('notifications.outbox.subject')}</Table.Th>
                    <Table.Th scope="col">{t('notifications.outbox.to')}</Table.Th>
                    <Table.Th scope="col">{t('notifications.outbox.when')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((m) => (
                    <Table.Tr key={m.id} data-selected={m.id === openId || undefined}>
                      <Table.Td>
                        <Anchor
                          component="button"
                          type="button"
                          size="sm"
                          ta="start"
                          onClick={() => setOpenId(m.id)}
                          aria-pressed={m.id === openId}
                          style={{ overflowWrap: 'anywhere' }}
                        >
                          {m.subject}
                        </Anchor>
                        <Group gap={4} mt={2}>
                          <ToneBadge tone="gray" size="xs">
                            {t(`notifications.outbox.purposes.${m.purpose}`)}
                          </ToneBadge>
                          <ToneBadge tone={m.status === 'failed' ? 'red' : 'gray'} size="xs">
                            {t(`notifications.outbox.statuses.${m.status}`)}
                          </ToneBadge>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {m.recipient.name}
                        </Text>
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {m.to}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">
                          <time dateTime={m.createdAt}>{timeOf(m.createdAt, lng)}</time>
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {outbox.hasNextPage ? (
              <Button variant="default" size="xs" mt="sm" loading={outbox.isFetchingNextPage} onClick={() => void outbox.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            ) : null}
          </Grid.Col>
          {openId ? (
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Box>
                <OutboxMessage id={openId} />
              </Box>
            </Grid.Col>
          ) : null}
        </Grid>
      )}
    </Stack>
  );
}

export default OutboxPage;
