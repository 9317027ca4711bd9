import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useMe } from '../auth/useSession';
import { AffiliationRequestItem } from './AffiliationRequestItem';
import { useAffiliationRequests, useMyFocalPoints } from './useConfirmations';

/** A focal point's queue (their organisations' declared affiliations), or a steward's (all of them). */
export function ConfirmationQueuePage() {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = !!me.data;
  const mine = useMyFocalPoints(signedIn);
  const requests = useAffiliationRequests(signedIn);
  if (me.isPending) return <PageLoader />;
  if (!me.data)
    return (
      <Stack gap="md" align="flex-start">
        <PageTitle>{t('confirmation.queueTitle')}</PageTitle>
        <Text>{t('auth.needSignIn')}</Text>
        <Button component={Link} to="/login" state={{ from: '/confirmations' }}>
          {t('auth.logIn')}
        </Button>
      </Stack>
    );
  return (
    <Stack gap="md">
      <PageTitle>{t('confirmation.queueTitle')}</PageTitle>
      <Text size="sm" c="dimmed">
        {me.data.isSteward ? t('confirmation.queueHelpSteward') : t('confirmation.queueHelp')}
      </Text>
      {mine.data && mine.data.organisations.length > 0 ? (
        <Group gap="xs">
          <Text size="sm">{t('confirmation.youAnswerFor')}</Text>
          {mine.data.organisations.map((o) => (
            <Anchor key={o.id} component={Link} to={`/organisations/${o.id}`} size="sm">
              {o.name}
            </Anchor>
          ))}
        </Group>
      ) : null}
      {requests.isPending ? (
        <PageLoader />
      ) : requests.isError ? (
        <QueryError error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.data.length === 0 ? (
        <Text c="dimmed">{t('confirmation.queueEmpty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('confirmation.queueTitle')}>
          {requests.data.map((r) => (
            <AffiliationRequestItem key={r.affiliationId} r={r} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export default ConfirmationQueuePage;
