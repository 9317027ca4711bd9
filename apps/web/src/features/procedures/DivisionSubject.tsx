import { Anchor, List, Stack, Text } from '@mantine/core';
import type { DivisionSubjectView } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AffiliationBadge } from '../../ui/AffiliationBadge';

/** A separate ballot's subject: "retain these paragraphs?", the paragraphs in full, who asked and why. */
export function DivisionSubject({ view }: { view: DivisionSubjectView }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="division-subject">
      <Text fw={600}>{t('division.ballotQuestion', { version: view.version, document: view.documentTitle })}</Text>
      <Text size="sm" c="dimmed">
        {t('division.ballotExplain')}
      </Text>
      <List size="sm" spacing={4}>
        {view.clauses.map((c) => (
          <List.Item key={c.clauseId}>
            {c.label ? <strong>{c.label} </strong> : null}
            {c.text}
          </List.Item>
        ))}
      </List>
      <Text size="sm">
        {t('division.requestedBy')} <AffiliationBadge name={view.requestedBy.name ?? '?'} personId={view.requestedBy.id ?? undefined} affiliation={view.requestedBy.snapshot} size="xs" />
      </Text>
      <Text size="sm">{view.reason}</Text>
      <Anchor component={Link} to={`/documents/${view.documentId}`} size="sm" fw={600}>
        {t('ballots.next.document')}
      </Anchor>
    </Stack>
  );
}
