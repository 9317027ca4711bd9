import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryError } from '../../ui/QueryError';
import { useFormatters } from '../../ui/useFormatters';
import { DocumentStatusBadge } from './DocumentChrome';
import { useGroupDocuments } from './useDocuments';

/** A working group's documents, for its page: title, version, status; and a way to start one for chairs and rapporteurs. */
export function GroupDocuments({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const docs = useGroupDocuments(groupId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="wg-documents" data-testid="group-documents">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="wg-documents">
          {t('documents.groupList.title')}
        </Title>
        {docs.data?.can.create ? (
          <Group gap="xs">
            <Button component={Link} to={`/working-groups/${groupId}/documents/new`} size="xs" variant="light">
              {t('documents.groupList.new')}
            </Button>
            <Button component={Link} to={`/working-groups/${groupId}/documents/import`} size="xs" variant="default" data-testid="import-word">
              {t('exchange.import.open')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {docs.isError ? <QueryError error={docs.error} onRetry={() => void docs.refetch()} /> : null}
      {docs.data && docs.data.items.length === 0 ? <Text size="sm">{t('documents.groupList.none')}</Text> : null}
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {docs.data?.items.map((d) => (
          <li key={d.id}>
            <Anchor component={Link} to={`/documents/${d.id}`} fw={600}>
              {d.title}
            </Anchor>
            <Group gap="xs" wrap="wrap">
              <Text size="xs" c="dimmed">
                {t('documents.groupList.meta', { version: d.currentVersion, clauses: d.clauseCount, date: f.date(d.createdAt) })}
              </Text>
              <DocumentStatusBadge status={d.status} />
            </Group>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
