import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../ui/PageTitle';

/** A personal page asked for while signed out: its title, and the way to sign in and come back. */
export function SignInFirst({ title, from }: { title: string; from: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" align="flex-start">
      <PageTitle>{title}</PageTitle>
      <Text>{t('auth.needSignIn')}</Text>
      <Button component={Link} to="/login" state={{ from }}>
        {t('auth.logIn')}
      </Button>
    </Stack>
  );
}
