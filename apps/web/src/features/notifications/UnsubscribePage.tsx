import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { apiCall } from '../../api/typed-client';
import { problemMessage } from '../../i18n/server-messages';
import { PageTitle } from '../../ui/PageTitle';

/**
 * The unsubscribe link of an e-mail: nothing changes until the reader presses the button (a mail
 * scanner following the link turns nothing off); then it says which e-mail was turned off.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token') ?? '';
  const off = useMutation({ mutationFn: () => apiCall('POST /api/unsubscribe', { query: { token } }) });
  return (
    <Stack gap="md" align="flex-start">
      <PageTitle>{t('notifications.unsubscribe.title')}</PageTitle>
      {!token ? (
        <Alert color="red" variant="light" role="alert">
          {t('notifications.unsubscribe.noToken')}
        </Alert>
      ) : off.isSuccess ? (
        <Alert color="green" variant="light" role="status" data-testid="unsubscribed">
          {off.data.unsubscribed === 'all'
            ? t('notifications.unsubscribe.doneAll')
            : t('notifications.unsubscribe.done', { kind: t(`notifications.kinds.${off.data.unsubscribed}`) })}
        </Alert>
      ) : (
        <>
          <Text>{t('notifications.unsubscribe.explain')}</Text>
          {off.isError ? (
            <Alert color="red" variant="light" role="alert">
              {problemMessage(t, off.error)}
            </Alert>
          ) : null}
          <Button loading={off.isPending} onClick={() => off.mutate()}>
            {t('notifications.unsubscribe.confirm')}
          </Button>
        </>
      )}
      <Anchor component={Link} to="/me/notifications">
        {t('notifications.unsubscribe.preferencesLink')}
      </Anchor>
    </Stack>
  );
}

export default UnsubscribePage;
