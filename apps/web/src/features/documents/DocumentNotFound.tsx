import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../ui/PageTitle';

/** A document (or version) that does not exist, with the ways back: the working groups where documents live, and home. */
export function DocumentNotFound({ title, message }: { title: string; message: string }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle>{title}</PageTitle>
      <Text>{message}</Text>
      <Text c="dimmed">{t('documents.notFoundWayBack')}</Text>
      <Group gap="md" wrap="wrap" data-testid="not-found-ways-back">
        <Anchor component={Link} to="/working-groups">
          {t('documents.browseGroups')}
        </Anchor>
        <Anchor component={Link} to="/">
          {t('notFound.home')}
        </Anchor>
      </Group>
    </Stack>
  );
}
