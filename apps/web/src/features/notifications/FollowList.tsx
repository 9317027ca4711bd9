import { Anchor, Box, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { problemMessage } from '../../i18n/server-messages';
import { notifyError } from '../../ui/notify';
import { QueryError } from '../../ui/QueryError';
import { useFollows, useSetFollow } from './useNotifications';

/** What I follow (groups, documents, clauses), each with the way to it and to stop following. */
export function FollowList() {
  const { t } = useTranslation();
  const follows = useFollows(true);
  const setFollow = useSetFollow();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="prefs-follows">
      <Title order={2} size="h4" id="prefs-follows" mb="xs">
        {t('notifications.follows.title')}
      </Title>
      {follows.isPending ? (
        <Text size="sm">{t('common.loading')}</Text>
      ) : follows.isError ? (
        <QueryError error={follows.error} onRetry={() => void follows.refetch()} />
      ) : follows.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('notifications.follows.none')}
        </Text>
      ) : (
        <Box component="ul" m={0} p={0} style={{ listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="follow-list">
          {follows.data.items.map((f) => (
            <Group component="li" key={`${f.targetType}:${f.targetId}`} justify="space-between" wrap="wrap" gap="xs">
              <Box style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed">
                  {t(`notifications.follows.types.${f.targetType}`)}
                  {f.targetType === 'working-group' ? '' : ` · ${f.document ? `${f.group.name} · ${f.document.title}` : f.group.name}`}
                </Text>
                <Anchor component={Link} to={f.link} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {f.title}
                </Anchor>
              </Box>
              <Button
                size="compact-xs"
                variant="default"
                aria-label={t('notifications.follows.unfollowOf', { name: f.title })}
                onClick={() =>
                  setFollow.mutate({ type: f.targetType, id: f.targetId, follow: false }, { onError: (error) => notifyError(t, problemMessage(t, error)) })
                }
              >
                {t('notifications.follows.unfollow')}
              </Button>
            </Group>
          ))}
        </Box>
      )}
    </Paper>
  );
}
