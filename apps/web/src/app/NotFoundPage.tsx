import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../ui/PageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Text>{t('notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}
