import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle';
import { LinkedAccountsSection } from './LinkedAccountsSection';
import { SessionsSection } from './SessionsSection';
import { TwoFactorSection } from './TwoFactorSection';

/** A person's sign-in security: their second factor, the institutional accounts they sign in with, and their active sessions. */
export default function SecurityPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <PageTitle>{t('security.title')}</PageTitle>
      <TwoFactorSection />
      <LinkedAccountsSection />
      <SessionsSection />
    </Stack>
  );
}
