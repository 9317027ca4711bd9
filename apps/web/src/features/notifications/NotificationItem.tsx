import { Anchor, Box, Group, Text, VisuallyHidden } from '@mantine/core';
import { notificationSentence, type NotificationView } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMarkRead } from './useNotifications';
import { currentLanguage, intlLocale } from '../../i18n';

/** When it happened, to the minute, in the reader's language and time zone. */
export const timeOf = (iso: string, lng: string) => new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/**
 * One notification: its sentence in the reader's language, linking to where it happened, and when.
 * An unread one is marked by a dot and bold text, and says "Unread" to a screen reader; opening it
 * marks it read.
 */
export function NotificationItem({ n, onOpen, compact = false }: { n: NotificationView; onOpen?: () => void; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const markRead = useMarkRead();
  const unread = n.readAt === null;
  const open = () => {
    if (unread) markRead.mutate(n.id);
    onOpen?.();
  };
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" className="notification-item" data-unread={unread} data-testid="notification">
      <Box className="notification-dot" data-unread={unread} aria-hidden="true" mt={6} />
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Anchor component={Link} to={n.link} onClick={open} fw={unread ? 700 : 400} size={compact ? 'sm' : 'md'} c="gray.9" className="notification-link">
          {unread ? <VisuallyHidden component="span">{`${t('notifications.unreadMark')} `}</VisuallyHidden> : null}
          {notificationSentence(n, lng)}
        </Anchor>
        <Text size="xs" c="dimmed">
          <time dateTime={n.createdAt}>{timeOf(n.createdAt, lng)}</time>
        </Text>
      </Box>
    </Group>
  );
}
