import { Alert, Anchor, Button, Checkbox, Grid, Group, List, Modal, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { roomName, UNANSWERED_CLARIFICATIONS_PROBLEM, type DispositionReportEntry, type DocumentResponse } from '@parley/contracts';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { apiCall } from '../../api/typed-client';
import { problemMessage, refusalMessage } from '../../i18n/server-messages';
import { PresenceBar } from '../../realtime/PresenceBar';
import { useLiveRoom } from '../../realtime/useLiveRoom';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { notifySuccess } from '../../ui/notify';
import { PageLoader } from '../../ui/PageLoader';
import { QueryError } from '../../ui/QueryError';
import { AmendmentForm, ClauseAmendments } from './Amendments';
import { DocumentHeader, DocumentNav, VersionSelect } from './DocumentChrome';
import { ClauseList, type Quote } from './ClauseList';
import { CommentForm, CommentThreads } from './CommentThreads';
import { documentKey, useConsolidate, useDocument, useOpenAdoptionBallot } from './useDocuments';
import './documents.css';
import { DocumentNotFound } from './DocumentNotFound';

/** The chair opens the adoption ballot; unanswered clarification questions are listed and must be confirmed past. */
function AdoptionBallot({ doc }: { doc: DocumentResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const open = useOpenAdoptionBallot(doc.id, doc.version.number);
  const [asking, setAsking] = useState(false);
  const [unanswered, setUnanswered] = useState<DispositionReportEntry[] | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const submit = () =>
    open.mutate(
      { confirmUnanswered: unanswered !== null && confirmed, closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() },
      {
        onSuccess: (res) => {
          notifySuccess(t, t('documents.adoption.opened'));
          void navigate(`/ballots/${res.ballotId}`);
        },
        onError: async (error) => {
          // The problem names the questions; the disposition report lists them with their authors.
          if (!isProblem(error) || error.type !== UNANSWERED_CLARIFICATIONS_PROBLEM) return;
          const report = await qc.fetchQuery({
            queryKey: [...documentKey(doc.id), 'dispositions', doc.version.number],
            queryFn: () => apiCall('GET /api/documents/:id/versions/:n/dispositions', { params: { id: doc.id, n: doc.version.number } }),
            staleTime: 0,
          });
          setUnanswered(report.unansweredClarifications);
        },
      },
    );
  return (
    <>
      <Button variant="light" onClick={() => setAsking(true)}>
        {t('documents.adoption.open')}
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('documents.adoption.title', { number: doc.version.number })} size="lg">
        <Stack gap="sm">
          <Text>{t('documents.adoption.explain')}</Text>
          {unanswered ? (
            <Alert color="yellow" variant="light" title={t('documents.adoption.unansweredTitle', { count: unanswered.length })} data-testid="unanswered-warning">
              <List size="sm" spacing={4}>
                {unanswered.map((u) => (
                  <List.Item key={u.commentId}>
                    <Text size="sm" fw={600} span>
                      {t('documents.clause.lead', { name: u.clauseLabel ? t('documents.clause.name', { label: u.clauseLabel }) : t('documents.amendments.unnumbered') })}
                    </Text>
                    <Text size="sm" span>
                      {u.body}
                    </Text>{' '}
                    <AffiliationBadge name={u.author.name ?? '?'} personId={u.author.id ?? undefined} affiliation={u.author.snapshot} size="xs" />
                  </List.Item>
                ))}
              </List>
              <Checkbox mt="sm" label={t('documents.adoption.confirm')} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
            </Alert>
          ) : null}
          {open.isError && !(isProblem(open.error) && open.error.type === UNANSWERED_CLARIFICATIONS_PROBLEM) ? (
            <Alert color="red" variant="light" role="alert">
              {problemMessage(t, open.error)}
            </Alert>
          ) : null}
          <Group>
            <Button onClick={submit} loading={open.isPending} disabled={unanswered !== null && !confirmed}>
              {unanswered ? t('documents.adoption.submitAnyway') : t('documents.adoption.submit')}
            </Button>
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function Consolidate({ doc }: { doc: DocumentResponse }) {
  const { t } = useTranslation();
  const consolidate = useConsolidate(doc.id);
  const [, setParams] = useSearchParams();
  const waiting = doc.version.acceptedWaiting;
  return (
    <Stack gap={4}>
      <Button
        variant="light"
        loading={consolidate.isPending}
        onClick={() =>
          consolidate.mutate(undefined, {
            onSuccess: (next) => {
              notifySuccess(t, t('documents.consolidate.done', { number: next.currentVersion }));
              setParams({});
            },
          })
        }
      >
        {t('documents.consolidate.button', { number: doc.currentVersion + 1 })}
      </Button>
      <Text size="xs" c="dimmed">
        {t('documents.consolidate.waiting', { count: waiting })}
      </Text>
      {consolidate.isError ? (
        <Alert color="red" variant="light" role="alert">
          {problemMessage(t, consolidate.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** The side panel of the open clause: its threads and its amendments, and the forms to add to them. */
function ClausePanel({ doc, clauseId, quote, onClearQuote, onClose }: { doc: DocumentResponse; clauseId: string; quote: Quote | null; onClearQuote: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const clause = doc.version.clauses.find((c) => c.id === clauseId);
  const [tab, setTab] = useState<string | null>('comments');
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
