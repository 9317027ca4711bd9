import { ActionIcon, Anchor, Badge, Box, Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { BellIcon } from '../../ui/icons';
import { useMe } from '../auth/useSession';
import { NotificationItem } from './NotificationItem';
import { useMarkAllRead, useNotificationList, useUnreadCount } from './useNotifications';
import { usePersonalEvents } from './usePersonalEvents';
import './notifications.css';

const LATEST = 8;

/**
 * The header's bell for a signed-in person: the unread count, kept live by their own channel, and
 * the latest items in a popover with the way to the centre and "Mark all read".
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = !!me.data;
  const [opened, popover] = useDisclosure(false);
  const headingId = useId();
  usePersonalEvents(signedIn);
  const unread = useUnreadCount(signedIn).data?.unread ?? 0;
  const latest = useNotificationList(false, LATEST, signedIn && opened);
  const markAll = useMarkAllRead();
  if (!signedIn) return null;
  const items = latest.data?.pages[0]?.items ?? [];
  const label = unread > 0 ? t('notifications.bell.labelUnread', { count: unread }) : t('notifications.bell.label');
  return (
    <Popover
      opened={opened}
      onChange={(o) => (o ? popover.open() : popover.close())}
      position="bottom-end"
      width={360}
      shadow="md"
      withinPortal
      trapFocus
      returnFocus
      hideDetached={false}
    >
      <Popover.Target>
        <ActionIcon
          variant="default"
          size="lg"
          radius="xl"
          aria-label={label}
          aria-expanded={opened}
          aria-haspopup="dialog"
          onClick={popover.toggle}
          pos="relative"
          style={{ overflow: 'visible' }}
          data-testid="notification-bell"
        >
          <BellIcon />
          {unread > 0 ? (
            <Badge size="xs" circle={unread < 10} color="red.9" className="bell-count" aria-hidden="true" data-testid="bell-count">
              {unread > 99 ? '99+' : unread}
            </Badge>
          ) : null}
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown maw="calc(100vw - 16px)" aria-labelledby={headingId}>
        <Stack gap="xs">
          <Group justify="space-between" gap="xs">
            <Text fw={700} id={headingId}>
              {t('notifications.bell.panel')}
            </Text>
            {unread > 0 ? (
              <Button size="compact-xs" variant="subtle" loading={markAll.isPending} onClick={() => markAll.mutate(items[0]?.createdAt)}>
                {t('notifications.markAllRead')}
              </Button>
            ) : null}
          </Group>
          {latest.isPending ? (
            <Text size="sm">{t('common.loading')}</Text>
          ) : items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('notifications.none')}
            </Text>
          ) : (
            <Box component="ul" m={0} p={0} mah="min(60vh, 480px)" style={{ overflowY: 'auto' }} className="notification-list">
              {items.map((n) => (
                <li key={n.id}>
                  <NotificationItem n={n} compact onOpen={popover.close} />
                </li>
              ))}
            </Box>
          )}
          <Anchor component={Link} to="/notifications" size="sm" fw={600} onClick={popover.close}>
            {t('notifications.bell.all')}
          </Anchor>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
