import { Alert, Anchor, Loader, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { apiCall } from '../../api/typed-client';
import { problemMessage } from '../../i18n/server-messages';
import { PageTitle } from '../../ui/PageTitle';

/** The link of a verification e-mail: confirms the address once, and says whether it worked. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token') ?? '';
  const confirm = useMutation({ mutationFn: (tok: string) => apiCall('POST /api/email-verification/confirm', { body: { token: tok } }) });
  const { mutate } = confirm;
  // Once per token, even when React runs the effect twice (development).
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    mutate(token);
  }, [token, mutate]);
  return (
    <Stack gap="md" align="flex-start">
      <PageTitle>{t('notifications.verify.title')}</PageTitle>
      {!token ? (
        <Alert color="red" variant="light" role="alert">
          {t('notifications.verify.noToken')}
        </Alert>
      ) : confirm.isSuccess ? (
        <Alert color="green" variant="light" role="status" data-testid="verified">
          {t('notifications.verify.done', { email: confirm.data.email })}
        </Alert>
      ) : confirm.isError ? (
        <Alert color="red" variant="light" role="alert" title={t('notifications.verify.failed')}>
          {problemMessage(t, confirm.error)}
        </Alert>
      ) : (
        <Loader size="sm" aria-label={t('common.loading')} />
      )}
      <Anchor component={Link} to="/me/notifications">
        {t('notifications.preferences.title')}
      </Anchor>
    </Stack>
  );
}

export default VerifyEmailPage;
