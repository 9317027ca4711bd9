import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export function SignedInNotice({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <Alert variant="light" color="blue">
      {t('auth.alreadySignedIn', { name })}{' '}
      <Anchor component={Link} to="/me">
        {t('home.myProfile')}
      </Anchor>
    </Alert>
  );
}
