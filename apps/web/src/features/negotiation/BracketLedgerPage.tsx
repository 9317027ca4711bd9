import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { BracketView, DocumentResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { PageLoader } from '../../ui/PageLoader';
import { QueryError } from '../../ui/QueryError';
import { DocumentHeader } from '../documents/DocumentChrome';
import { DocumentNotFound } from '../documents/DocumentNotFound';
import { useDocument } from '../documents/useDocuments';
import { Attribution } from './BracketedText';
import { BracketOptionList, liveOptions } from './BracketOptions';
import { useBrackets } from './useBrackets';
import './brackets.css';

/** One bracket's life: who asked for it and why, each option proposed, and how, why and by whom it was removed. */
function LedgerEntry({ bracket, doc }: { bracket: BracketView; doc: DocumentResponse }) {
  const { t } = useTranslation();
  const clause = doc.version.clauses.find((c) => c.id === bracket.clauseId);
  const where = clause
    ? clause.label
      ? t('documents.clause.name', { label: clause.label })
      : t(`documents.kinds.${clause.kind}`)
    : t('negotiation.ledger.clauseGone');
  const chosen = bracket.removal?.optionId ? bracket.options.find((o) => o.id === bracket.removal?.optionId) : undefined;
  return (
    <Paper component="li" withBorder p="sm" radius="md" className="bracket-ledger-entry" data-status={bracket.status} data-testid="ledger-entry">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Title order={2} size="h5">
            {clause ? (
              <Anchor component={Link} to={`/documents/${doc.id}?clause=${bracket.clauseId}&panel=brackets`}>
                {where}
              </Anchor>
            ) : (
              where
            )}
          </Title>
          <Badge color={bracket.status === 'open' ? 'yellow' : 'green'} variant="light">
            {t(`negotiation.ledger.status.${bracket.status}`)}
          </Badge>
        </Group>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          [{bracket.passage}]
          {liveOptions(bracket)
            .map((o) => `[${o.text}]`)
            .join('')}
        </Text>
        <Attribution
          lead={t('negotiation.ledger.opened', { version: bracket.openedInVersion })}
          who={bracket.requestedBy}
          at={bracket.requestedAt}
          why={bracket.reason}
        />
        <BracketOptionList bracket={bracket} />
        {bracket.removal ? (
          <Stack gap={2} data-testid="ledger-removal">
            <Text size="sm" fw={600}>
              {bracket.removal.resolution === 'option-chosen'
                ? t('negotiation.ledger.removedChoosing', { text: chosen?.text ?? '…' })
                : t('negotiation.ledger.removedAgreed')}
            </Text>
            <Attribution lead={t('negotiation.ledger.removedBy')} who={bracket.removal.removedBy} at={bracket.removal.removedAt} why={bracket.removal.reason} />
            {bracket.removal.consolidatedInVersion !== null ? (
              <Text size="xs" c="dimmed">
                {t(`negotiation.ledger.consolidated.${bracket.removal.consolidation ?? 'applied'}`, { version: bracket.removal.consolidatedInVersion })}
              </Text>
            ) : bracket.removal.resolution === 'option-chosen' ? (
              <Text size="xs" c="dimmed">
                {t('negotiation.ledger.waiting')}
              </Text>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The bracket ledger: every bracket of a document, open and removed, in the order of the text. */
export function BracketLedgerPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const doc = useDocument(id, undefined);
  const brackets = useBrackets(id, undefined);
  if (doc.isPending || brackets.isPending) return <PageLoader />;
  if (doc.isError) {
    if (isProblem(doc.error) && (doc.error.status === 404 || doc.error.status === 400))
      return <DocumentNotFound title={t('negotiation.ledger.title')} message={t('documents.notFound')} />;
    return <QueryError error={doc.error} onRetry={() => void doc.refetch()} />;
  }
  if (brackets.isError) return <QueryError error={brackets.error} onRetry={() => void brackets.refetch()} />;
  const all = brackets.data.brackets;
  const open = all.filter((b) => b.status === 'open').length;
  return (
    <Stack gap="lg">
      <DocumentHeader doc={doc.data} title={t('negotiation.ledger.title')} />
      <Group gap="md" wrap="wrap">
        <Anchor component={Link} to={`/documents/${doc.data.id}`}>
          {t('negotiation.ledger.backToText')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('negotiation.ledger.counts', { count: all.length, open })}
        </Text>
      </Group>
      <Text size="sm">{t('negotiation.ledger.intro')}</Text>
      {all.length === 0 ? (
        <Text c="dimmed">{t('negotiation.ledger.empty')}</Text>
      ) : (
        <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('negotiation.ledger.title')}>
          {all.map((b) => (
            <LedgerEntry key={b.id} bracket={b} doc={doc.data} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export default BracketLedgerPage;
