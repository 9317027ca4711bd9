import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ApiResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isLanguage } from '../../i18n';
import { problemMessage } from '../../i18n/server-messages';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useMe } from '../auth/useSession';
import { ToneBadge } from '../documents/ToneBadge';
import { FollowList } from './FollowList';
import { PreferencesTable } from './PreferencesTable';
import { SignInFirst } from './SignInFirst';
import { useNotificationPreferences, useSendVerification } from './useNotifications';

type Email = ApiResponse<'GET /api/me/notification-preferences'>['email'];

/** Where e-mail goes, whether the address is verified (nothing else is sent before), and in which language. */
function EmailSection({ email }: { email: Email }) {
  const { t } = useTranslation();
  const send = useSendVerification();
  const mailLanguage = isLanguage(email.language) ? email.language : 'en';
  const language = t(`language.${mailLanguage}`);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="prefs-email">
      <Title order={2} size="h4" id="prefs-email" mb="xs">
        {t('notifications.preferences.emailTitle')}
      </Title>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('notifications.preferences.address', { email: email.address })}
          </Text>
          <ToneBadge tone={email.verified ? 'green' : 'orange'} data-testid="email-verified">
            {email.verified ? t('notifications.preferences.verified') : t('notifications.preferences.notVerified')}
          </ToneBadge>
        </Group>
        {email.verified ? null : (
          <Stack gap={6} align="flex-start">
            <Text size="sm" c="dimmed">
              {t('notifications.preferences.verifyHelp')}
            </Text>
            <Button
              size="xs"
              variant="default"
              loading={send.isPending}
              onClick={() =>
                send.mutate(undefined, {
                  onSuccess: () => notifySuccess(t, t('notifications.preferences.verificationSent', { email: email.address })),
                  onError: (error) => notifyError(t, problemMessage(t, error)),
                })
              }
            >
              {t('notifications.preferences.sendVerification')}
            </Button>
          </Stack>
        )}
        <Text size="sm">
          <span lang={mailLanguage}>{t('notifications.preferences.mailLanguage', { language })}</span>
        </Text>
        <Text size="xs" c="dimmed">
          {t('notifications.preferences.mailLanguageHelp')}
        </Text>
      </Stack>
    </Paper>
  );
}

/** My notification settings: e-mail, each kind's delivery, and what I follow. */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const prefs = useNotificationPreferences(!!me.data);
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <SignInFirst title={t('notifications.preferences.title')} from="/me/notifications" />;
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <PageTitle>{t('notifications.preferences.title')}</PageTitle>
        <Anchor component={Link} to="/notifications" size="sm">
          {t('notifications.preferences.centreLink')}
        </Anchor>
      </Stack>
      {prefs.isPending ? (
        <PageLoader />
      ) : prefs.isError ? (
        <QueryError error={prefs.error} onRetry={() => void prefs.refetch()} />
      ) : (
        <>
          <EmailSection email={prefs.data.email} />
          <Paper withBorder p={{ base: 'xs', sm: 'md' }} component="section" aria-labelledby="prefs-kinds">
            <Title order={2} size="h4" id="prefs-kinds" mb="xs">
              {t('notifications.preferences.kindsTitle')}
            </Title>
            <PreferencesTable prefs={prefs.data} />
          </Paper>
        </>
      )}
      <FollowList />
    </Stack>
  );
}

export default NotificationPreferencesPage;
