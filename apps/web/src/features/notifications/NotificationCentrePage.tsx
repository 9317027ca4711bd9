import { Alert, Anchor, Box, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { SignInFirst } from './SignInFirst';
import { useMe } from '../auth/useSession';
import { groupNotifications } from './group-notifications';
import { NotificationItem } from './NotificationItem';
import { useMarkAllRead, useNotificationList } from './useNotifications';
import './notifications.css';

/** Everything that concerns me, by working group then document, newest first, a page at a time. */
export function NotificationCentrePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotificationList(unreadOnly, undefined, !!me.data);
  const markAll = useMarkAllRead();
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <SignInFirst title={t('notifications.centre.title')} from="/notifications" />;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages.at(-1)?.unread ?? 0;
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <PageTitle>{t('notifications.centre.title')}</PageTitle>
        <Anchor component={Link} to="/me/notifications" size="sm">
          {t('notifications.centre.preferencesLink')}
        </Anchor>
      </Stack>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Switch label={t('notifications.centre.unreadOnly')} checked={unreadOnly} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} />
        <Group gap="sm">
          <Text size="sm" aria-live="polite" data-testid="centre-unread">
            {t('notifications.centre.unreadCount', { count: unread })}
          </Text>
          <Button size="xs" variant="default" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate(items[0]?.createdAt)}>
            {t('notifications.markAllRead')}
          </Button>
        </Group>
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Alert variant="light" color="gray">
          {unreadOnly ? t('notifications.centre.noneUnread') : t('notifications.none')}
        </Alert>
      ) : (
        <Stack gap="md">
          {groupNotifications(items).map((g) => {
            const headingId = `notif-group-${g.group?.id ?? 'other'}`;
            return (
              <Paper key={g.group?.id ?? 'other'} withBorder p="sm" radius="md" component="section" aria-labelledby={headingId}>
                <Title order={2} size="h4" id={headingId} mb="xs">
                  {g.group ? g.group.name : t('notifications.centre.otherGroup')}
                </Title>
                <Stack gap="sm">
                  {g.documents.map((d) => (
                    <Box key={d.document?.id ?? 'group'}>
                      {d.document ? (
                        <Title order={3} size="h6" mb={4}>
                          {d.document.title}
                        </Title>
                      ) : null}
                      <Box component="ul" m={0} p={0} className="notification-list">
                        {d.items.map((n) => (
                          <li key={n.id}>
                            <NotificationItem n={n} />
                          </li>
                        ))}
                      </Box>
                    </Box>
                  ))}
                </Stack>
              </Paper>
            );
          })}
          {list.hasNextPage ? (
            <Button variant="default" size="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} style={{ alignSelf: 'flex-start' }}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </Stack>
      )}
    </Stack>
  );
}

export default NotificationCentrePage;
