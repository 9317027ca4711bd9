import { Alert, Anchor, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { RecommendationsBallotLauncher } from '../negotiation/Streamlining';
import { useMediaQuery } from '@mantine/hooks';
import { roomName } from '@parley/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { PresenceBar } from '../../realtime/PresenceBar';
import { useLiveRoom } from '../../realtime/useLiveRoom';
import { PageLoader } from '../../ui/PageLoader';
import { QueryError } from '../../ui/QueryError';
import { DocumentHeader, DocumentNav, VersionSelect } from './DocumentChrome';
import { ClauseList, type Quote } from './ClauseList';
import { ClausePanel } from './ClausePanel';
import { useDocument } from './useDocuments';
import { AdoptionBallot } from './AdoptionDialog';
import { AdoptedBySilence, SilencePanel } from '../procedures/SilencePanel';
import { Consolidate, VersionNote } from './ConsolidateDialog';
import { ChairsTextHeading } from '../negotiation/ChairsTextHeading';
import { IssueChairsText } from '../negotiation/IssueChairsText';
import './documents.css';
import { DocumentNotFound } from './DocumentNotFound';
import { BracketsProvider } from '../negotiation/BracketsContext';
import { BracketSummary } from '../negotiation/BracketSummary';
import { NegotiationCounts } from '../negotiation/NegotiationCounts';
import { ExplanationsSection } from '../procedures/ExplanationsSection';
import { DivisionPanel } from '../procedures/DivisionPanel';
import { LastCallBanner } from '../procedures/LastCallBanner';
import { PublicationGate } from '../procedures/PublicationPanel';
import { FeedLink } from '../notifications/FeedLink';
import { FollowButton } from '../notifications/FollowButton';
import { useCommentClause } from '../notifications/useCommentClause';
import { ExchangeActions } from '../exchange/ExchangeActions';
import { LanguageReader } from './language-versions/LanguageReader';

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
  // A notification's link to a comment: open the clause it is on (found when the link does not say).
  const linkedComment = params.get('comment');
  const commentClause = useCommentClause(id, query.data?.version.number, query.data?.version.clauses, linkedComment, !selected);
  useEffect(() => {
    if (commentClause && !selected) setParams((p) => new URLSearchParams([...p, ['clause', commentClause]]), { replace: true });
  }, [commentClause, selected, setParams]);
  const [quote, setQuote] = useState<Quote | null>(null);
  // Below the `md` breakpoint the panel opens under its clause, where the reader is, not below the whole text.
  const narrow = useMediaQuery('(max-width: 61.99em)', typeof window !== 'undefined' && window.matchMedia('(max-width: 61.99em)').matches, {
    getInitialValueInEffect: false,
  });

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
  const close = () => {
    const clauseId = selected;
    setQuote(null);
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.delete('clause');
      return next;
    });
    // Back to where the reader was: the clause's own "Comments and amendments" button.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`li[data-clause-id="${CSS.escape(clauseId ?? '')}"] .clause-open`)?.focus());
  };
  const panel = selected ? (
    <ClausePanel doc={doc} clauseId={selected} quote={quote} onQuote={setQuote} onClearQuote={() => setQuote(null)} onClose={close} inline={narrow} />
  ) : null;
  return (
    <Stack gap="lg">
      <DocumentHeader doc={doc} />
      <Group gap="md" wrap="wrap">
        <FeedLink href={`/api/documents/${doc.id}/feed.atom`} title={doc.title} />
        <FollowButton type="document" id={doc.id} name={doc.title} />
        <ExchangeActions doc={doc} version={version} />
      </Group>
      <PresenceBar presence={live.presence} />
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <VersionSelect
          doc={doc}
          value={version}
          onChange={(n) => {
            setQuote(null);
            setParams(() => {
              const next = new URLSearchParams();
              if (n !== doc.currentVersion) next.set('v', String(n));
              for (const k of ['text', 'beside']) if (params.get(k)) next.set(k, params.get(k)!);
              return next;
            });
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
          {doc.version.adoptionSilence ? <AdoptedBySilence doc={doc} /> : t('documents.version.adoptedOn', { number: version })}{' '}
          {doc.version.adoptionBallotId ? (
            <Anchor component={Link} to={`/ballots/${doc.version.adoptionBallotId}`} c="blue.9">
              {t('documents.adoption.seeBallot')}
            </Anchor>
          ) : null}
        </Alert>
      ) : null}
      <ChairsTextHeading version={doc.version} />
      <VersionNote doc={doc} />
      <NegotiationCounts doc={doc} />
      <SilencePanel doc={doc} />
      <LastCallBanner doc={doc} />
      <DivisionPanel doc={doc} />
      {doc.version.openAdoptionBallotId ? (
        <Alert color="grape" variant="light">
          {t('documents.adoption.underBallot', { number: version })}{' '}
          <Anchor component={Link} to={`/ballots/${doc.version.openAdoptionBallotId}`} c="blue.9">
            {t('documents.adoption.vote')}
          </Anchor>
        </Alert>
      ) : null}
      {doc.version.isCurrent && (doc.can.consolidate || doc.can.openAdoptionBallot || doc.can.openAmendmentBallot) ? (
        <Paper withBorder p="sm" radius="md" component="section" aria-label={t('documents.chairActions')}>
          <Group gap="md" align="flex-start" wrap="wrap">
            {doc.can.consolidate && doc.version.acceptedWaiting > 0 ? <Consolidate doc={doc} /> : null}
            {doc.can.openAdoptionBallot ? <AdoptionBallot doc={doc} /> : null}
            {doc.can.openAmendmentBallot ? <RecommendationsBallotLauncher documentId={doc.id} /> : null}
            {doc.can.consolidate ? <IssueChairsText doc={doc} /> : null}
          </Group>
        </Paper>
      ) : null}

      <PublicationGate version={doc.version}>
        <Text size="sm" c="dimmed">
          {doc.can.comment ? t('documents.howTo') : t('documents.howToRead')}
        </Text>
        <BracketSummary doc={doc} />
        <LanguageReader doc={doc}>
          <Grid gutter="lg">
            <Grid.Col span={{ base: 12, md: selected && !narrow ? 7 : 12 }}>
              <Paper component="section" aria-label={t('documents.textLabel', { number: version })} p={0}>
                <BracketsProvider documentId={doc.id} version={version}>
                  <ClauseList clauses={doc.version.clauses} selectedId={selected} onOpen={open} panel={narrow ? panel : null} />
                </BracketsProvider>
              </Paper>
            </Grid.Col>
            {panel && !narrow ? <Grid.Col span={{ base: 12, md: 5 }}>{panel}</Grid.Col> : null}
          </Grid>
        </LanguageReader>
      </PublicationGate>
      <ExplanationsSection documentId={doc.id} version={version} clauses={doc.version.clauses} />
    </Stack>
  );
}

export default DocumentPage;
