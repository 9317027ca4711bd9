import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useTwoFactorStatus } from './useTwoFactor';

/** On every page, for a steward, focal point or chair (where the group asks it) without a second factor: enrol (decision 0050). */
export function TwoFactorBanner() {
  const { t } = useTranslation();
  const status = useTwoFactorStatus();
  const location = useLocation();
  if (!status.data?.requiredByRole || status.data.enabled || location.pathname === '/me/security') return null;
  const now = !status.data.requiredFrom || new Date(status.data.requiredFrom).getTime() <= Date.now();
  return (
    <Alert color="yellow" mb="md" title={t('twoFactor.bannerTitle')}>
      {now ? t('twoFactor.requiredNow') : t('twoFactor.bannerSoon')}{' '}
      <Anchor component={Link} to="/me/security" fw={600}>
        {t('twoFactor.bannerLink')}
      </Anchor>
    </Alert>
  );
}
