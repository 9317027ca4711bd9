import { Alert, Anchor, Container, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown when a page fails to render or its code fails to load (e.g. after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Alert color="red" variant="light" title={t('errors.title')} role="alert">
          {t('errors.generic')}
        </Alert>
        <Anchor href="/">{t('notFound.home')}</Anchor>
      </Stack>
    </Container>
  );
}
