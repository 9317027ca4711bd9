import { Alert, Anchor, Button, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { roomName, type DocumentResponse } from '@parley/contracts';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { refusalMessage } from '../../i18n/server-messages';
import { PresenceBar } from '../../realtime/PresenceBar';
import { useLiveRoom } from '../../realtime/useLiveRoom';
import { PageLoader } from '../../ui/PageLoader';
import { QueryError } from '../../ui/QueryError';
import { AmendmentForm, ClauseAmendments } from './Amendments';
import { DocumentHeader, DocumentNav, VersionSelect } from './DocumentChrome';
import { ClauseList, type Quote } from './ClauseList';
import { CommentForm, CommentThreads } from './CommentThreads';
import { useDocument } from './useDocuments';
import { AdoptionBallot } from './AdoptionDialog';
import { Consolidate, VersionNote } from './ConsolidateDialog';
import './documents.css';
import { DocumentNotFound } from './DocumentNotFound';

/** The side panel of the open clause: its threads and its amendments, and the forms to add to them. */
function ClausePanel({ doc, clauseId, quote, onClearQuote, onClose }: { doc: DocumentResponse; clauseId: string; quote: Quote | null; onClearQuote: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const clause = doc.version.clauses.find((c) => c.id === clauseId);
  // `?panel=amendments` (a ballot's link to its amendment) opens the clause on its amendments.
  const [params] = useSearchParams();
  const [tab, setTab] = useState<string | null>(params.get('panel') === 'amendments' ? 'amendments' : 'comments');
  if (!clause) return null;
  const name = clause.label ? t('documents.clause.name', { label: clause.label }) : t(`documents.kinds.${clause.kind}`);
  const commentCount = clause.counts.comments + clause.counts.earlierComments;
  return (
    <Paper withBorder p="sm" radius="md" className="side-panel" id="clause-panel" component="section" aria-labelledby="clause-panel-title" data-testid="clause-panel">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id="clause-panel-title">
            {name}
          </Title>
          <Button size="compact-xs" variant="subtle" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
        <Text size="sm" lineClamp={3} c="dimmed">
          {clause.text}
        </Text>
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="comments">{t('documents.panel.comments', { count: commentCount })}</Tabs.Tab>
            <Tabs.Tab value="amendments">{t('documents.panel.amendments', { count: clause.amendments.open + clause.amendments.accepted })}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="comments" pt="sm">
            <Stack gap="sm">
              {doc.can.comment ? <CommentForm key={clause.id} documentId={doc.id} clauseId={clause.id} version={doc.version.number} quote={quote} onClearQuote={onClearQuote} /> : doc.can.reason ? <Text size="sm" c="dimmed">{(doc.can.reasonCode ? refusalMessage(t, doc.can.reasonCode) : null) ?? doc.can.reason}</Text> : null}
              <CommentThreads documentId={doc.id} clauseId={clause.id} version={doc.version.number} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="amendments" pt="sm">
            <Stack gap="sm">
              {doc.can.amend ? <AmendmentForm key={clause.id} documentId={doc.id} clause={clause} version={doc.version.number} quote={quote} /> : null}
              <ClauseAmendments documentId={doc.id} clauseId={clause.id} />
            </Stack>
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}

/**
 * A document: its numbered clauses with comment counts and amendment markers, and the open clause's
 * threads and amendments beside them. Only the open clause's comments are ever loaded, a page at a
 * time, so a 300-clause text with thousands of comments stays quick.
 */
export function DocumentPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const requested = params.get('v') ? Number(params.get('v')) : undefined;
  const query = useDocument(id, requested && Number.isInteger(requested) && requested > 0 ? requested : undefined);
  const live = useLiveRoom(id ? roomName.document(id) : null);
  const selected = params.get('clause');
  const [quote, setQuote] = useState<Quote | null>(null);

  // One stable callback for all 300 rows (they are memoised): it reads the latest selection and setter through refs.
  const latest = useRef({ selected, setParams });
  latest.current = { selected, setParams };
  const open = useCallback((clauseId: string, q?: Quote) => {
    const { selected: current, setParams: set } = latest.current;
    set(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('clause', clauseId);
        return next;
      },
      { replace: true },
    );
    setQuote((old) => (q ? q : old && clauseId === current ? old : null));
  }, []);

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isProblem(query.error) && (query.error.status === 404 || query.error.status === 400))
      return <DocumentNotFound title={t('documents.title')} message={t('documents.notFound')} />;
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const doc = query.data;
  const version = doc.version.number;
  return (
    <Stack gap="lg">
      <DocumentHeader doc={doc} />
      <PresenceBar presence={live.presence} />
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <VersionSelect
          doc={doc}
          value={version}
          onChange={(n) => {
            setQuote(null);
            setParams(n === doc.currentVersion ? {} : { v: String(n) });
          }}
        />
        <DocumentNav doc={doc} version={version} current="text" />
      </Group>
      {!doc.version.isCurrent ? (
        <Alert color="blue" variant="light">
          {t('documents.version.notCurrent', { number: version, current: doc.currentVersion })}{' '}
          <Anchor component={Link} to={`/documents/${doc.id}`}>
            {t('documents.version.readCurrent')}
          </Anchor>
        </Alert>
      ) : null}
      {doc.version.frozen ? (
        <Alert color="green" variant="light" data-testid="adopted">
          {t('documents.version.adoptedOn', { number: version })}{' '}
          {doc.version.adoptionBallotId ? (
            <Anchor component={Link} to={`/ballots/${doc.version.adoptionBallotId}`}>
              {t('documents.adoption.seeBallot')}
            </Anchor>
          ) : null}
        </Alert>
      ) : null}
      <VersionNote doc={doc} />
      {doc.version.openAdoptionBallotId ? (
        <Alert color="grape" variant="light">
          {t('documents.adoption.underBallot', { number: version })}{' '}
          <Anchor component={Link} to={`/ballots/${doc.version.openAdoptionBallotId}`}>
            {t('documents.adoption.vote')}
          </Anchor>
        </Alert>
      ) : null}
      {doc.version.isCurrent && ((doc.can.consolidate && doc.version.acceptedWaiting > 0) || doc.can.openAdoptionBallot) ? (
        <Paper withBorder p="sm" radius="md" component="section" aria-label={t('documents.chairActions')}>
          <Group gap="md" align="flex-start" wrap="wrap">
            {doc.can.consolidate && doc.version.acceptedWaiting > 0 ? <Consolidate doc={doc} /> : null}
            {doc.can.openAdoptionBallot ? <AdoptionBallot doc={doc} /> : null}
          </Group>
        </Paper>
      ) : null}

      <Text size="sm" c="dimmed">
        {doc.can.comment ? t('documents.howTo') : t('documents.howToRead')}
      </Text>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: selected ? 7 : 12 }}>
          <Paper component="section" aria-label={t('documents.textLabel', { number: version })} p={0}>
            <ClauseList clauses={doc.version.clauses} selectedId={selected} onOpen={open} />
          </Paper>
        </Grid.Col>
        {selected ? (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <ClausePanel
              doc={doc}
              clauseId={selected}
              quote={quote}
              onClearQuote={() => setQuote(null)}
              onClose={() => {
                setQuote(null);
                setParams((p) => {
                  const next = new URLSearchParams(p);
                  next.delete('clause');
                  return next;
                });
              }}
            />
          </Grid.Col>
        ) : null}
      </Grid>
    </Stack>
  );
}

export default DocumentPage;
