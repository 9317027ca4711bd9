import { Button } from '@mantine/core';
import type { FollowTarget } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../i18n/server-messages';
import { notifyError } from '../../ui/notify';
import { useMe } from '../auth/useSession';
import { useFollows, useSetFollow } from './useNotifications';

/**
 * Follow or stop following a working group, a document or a clause (a toggle: pressed while
 * following). Only for a signed-in person; what they follow is private.
 */
export function FollowButton({
  type,
  id,
  name,
  compact = false,
  alignEnd = false,
}: {
  type: FollowTarget;
  id: string;
  name: string;
  compact?: boolean;
  /** At the end of a column (a panel's toolbar line). */
  alignEnd?: boolean;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const follows = useFollows(!!me.data);
  const setFollow = useSetFollow();
  if (!me.data || !follows.data) return null;
  const following = follows.data.items.some((f) => f.targetType === type && f.targetId === id);
  return (
    <Button
      size={compact ? 'compact-xs' : 'xs'}
      variant={following ? 'light' : 'default'}
      aria-pressed={following}
      aria-label={t(`notifications.follow.${type}`, { name })}
      loading={setFollow.isPending}
      onClick={() => setFollow.mutate({ type, id, follow: !following }, { onError: (error) => notifyError(t, problemMessage(t, error)) })}
      data-testid={`follow-${type}`}
      style={alignEnd ? { alignSelf: 'flex-end' } : undefined}
    >
      {following ? t('notifications.follow.following') : t('notifications.follow.follow')}
    </Button>
  );
}
