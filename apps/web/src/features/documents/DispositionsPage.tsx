import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { RecommendationsRecord } from '../negotiation/Streamlining';
import type { DispositionReportEntry } from '@parley/contracts';
import { withoutMentionMarkup } from '@parley/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { PageLoader } from '../../ui/PageLoader';
import { QueryError } from '../../ui/QueryError';
import { useFormatters } from '../../ui/useFormatters';
import { DocumentHeader, DocumentNav, VersionSelect } from './DocumentChrome';
import { useDispositionReport, useDocument } from './useDocuments';
import './documents.css';
import { ToneBadge, type Tone } from './ToneBadge';
import { DocumentNotFound } from './DocumentNotFound';
import { currentLanguage } from '../../i18n';
import { versionFileUrl } from '../exchange/ExportMenu';
import { CommentTemplateSection } from '../exchange/CommentTemplateSection';

/** Rows shown at first: a report of thousands of comments renders a page at a time. */
const PAGE = 200;

const TONE = { accepted: 'green', noted: 'blue', rejected: 'red', pending: 'gray' } as const satisfies Record<string, Tone>;

function EntryRow({ e, reportVersion }: { e: DispositionReportEntry; reportVersion: number }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const earlier = e.version !== reportVersion;
  return (
    <Table.Tr data-comment-id={e.commentId}>
      <Table.Td>{e.clauseLabel ?? (e.clausePosition !== null ? `#${e.clausePosition + 1}` : '')}</Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {e.parentId ? t('documents.dispositionReport.reply') : null} {t(`documents.commentKinds.${e.kind}`)} · {f.date(e.createdAt)} ·{' '}
            {t('documents.dispositionReport.madeOn', { version: e.version })}
          </Text>
          {earlier && e.onEarlierText ? (
            <Text size="xs" fs="italic">
              {t('documents.comments.onEarlierText', { version: e.version })}
            </Text>
          ) : null}
          {e.quote ? (
            <Text size="xs" fs="italic">
              “{e.quote}”
            </Text>
          ) : null}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {withoutMentionMarkup(e.body)}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <AffiliationBadge name={e.author.name ?? '?'} personId={e.author.id ?? undefined} affiliation={e.author.snapshot} size="xs" />
      </Table.Td>
      <Table.Td>
        {e.disposition ? (
          <Stack gap={2}>
            <ToneBadge tone={TONE[e.disposition.disposition]}>{t(`documents.dispositions.${e.disposition.disposition}`)}</ToneBadge>
            <Text size="sm">{e.disposition.reason}</Text>
            <AffiliationBadge
              name={e.disposition.by.name ?? '?'}
              personId={e.disposition.by.id ?? undefined}
              affiliation={e.disposition.by.snapshot}
              size="xs"
            />
          </Stack>
        ) : (
          <ToneBadge tone="gray">{t('documents.dispositions.pending')}</ToneBadge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function EntryTable({ entries, caption, version, testId }: { entries: DispositionReportEntry[]; caption: string; version: number; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs" captionSide="top" data-testid={testId}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('documents.dispositionReport.clause')}</Table.Th>
            <Table.Th scope="col">{t('documents.dispositionReport.comment')}</Table.Th>
            <Table.Th scope="col">{t('documents.dispositionReport.author')}</Table.Th>
            <Table.Th scope="col">{t('documents.dispositionReport.disposition')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <EntryRow key={e.commentId} e={e} reportVersion={version} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Comments made on earlier versions on the clauses this version still has: shown on request, as the clause panel shows them. */
function CarriedComments({ entries, version }: { entries: DispositionReportEntry[]; version: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(PAGE);
  return (
    <Stack component="section" aria-labelledby="carried-title" gap="sm">
      <Title order={2} size="h4" id="carried-title">
        {t('documents.dispositionReport.carried.title')}
      </Title>
      <Text size="sm">{t('documents.dispositionReport.carried.explain', { count: entries.length, number: version })}</Text>
      <Group>
        <Button variant="default" aria-expanded={open} aria-controls="carried-comments" onClick={() => setOpen((o) => !o)}>
          {open ? t('documents.dispositionReport.carried.hide') : t('documents.dispositionReport.carried.show', { count: entries.length })}
        </Button>
      </Group>
      <div id="carried-comments" hidden={!open}>
        {open ? (
          <EntryTable
            entries={entries.slice(0, shown)}
            caption={t('documents.dispositionReport.carried.caption', { number: version })}
            version={version}
            testId="carried-comments"
          />
        ) : null}
        {open && entries.length > shown ? (
          <Button variant="default" onClick={() => setShown((n) => n + PAGE)}>
            {t('documents.dispositionReport.more', { shown, count: entries.length })}
          </Button>
        ) : null}
      </div>
    </Stack>
  );
}

/** The disposition-of-comments report of a version: every comment, its author, its disposition and reason; and the questions still unanswered. */
export function DispositionsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { id, n } = useParams();
  const version = Number(n);
  const [shown, setShown] = useState(PAGE);
  const doc = useDocument(id, undefined);
  const report = useDispositionReport(id, Number.isInteger(version) ? version : 0);
  if (doc.isPending || report.isPending) return <PageLoader />;
  const error = doc.error ?? report.error;
  if (error) {
    if (isProblem(error) && (error.status === 404 || error.status === 400))
      return <DocumentNotFound title={t('documents.dispositionReport.title')} message={t('documents.notFound')} />;
    return <QueryError error={error} onRetry={() => void report.refetch()} />;
  }
  const d = doc.data!;
  const r = report.data!;
  return (
    <Stack gap="lg">
      <DocumentHeader doc={d} title={t('documents.dispositionReport.title')} />
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <VersionSelect doc={d} value={version} onChange={(v) => navigate(`/documents/${d.id}/versions/${v}/dispositions`)} />
        <DocumentNav doc={d} version={version} current="dispositions" />
      </Group>
      <Group gap="xs" wrap="wrap">
        {(['accepted', 'noted', 'rejected', 'pending'] as const).map((k) => (
          <ToneBadge key={k} tone={TONE[k]} size="md">
            {t(`documents.dispositionReport.total.${k}`, { count: r.totals[k] })}
          </ToneBadge>
        ))}
        <Anchor href={`/api/documents/${d.id}/versions/${version}/dispositions.csv?lang=${currentLanguage(i18n)}`} download size="sm" fw={600}>
          {t('documents.dispositionReport.csv')}
        </Anchor>
        <Anchor href={versionFileUrl(d.id, version, 'dispositions.pdf', currentLanguage(i18n))} download size="sm" fw={600} data-testid="dispositions-pdf">
          {t('exchange.download.dispositionsPdf')}
        </Anchor>
      </Group>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="unanswered-title">
        <Title order={2} size="h4" id="unanswered-title" mb="xs">
          {t('documents.dispositionReport.unanswered', { count: r.unansweredClarifications.length })}
        </Title>
        {r.unansweredClarifications.length === 0 ? (
          <Text size="sm">{t('documents.dispositionReport.allAnswered')}</Text>
        ) : (
          <Alert color="yellow" variant="light">
            <Stack component="ul" gap={6} m={0} ps="md">
              {r.unansweredClarifications.map((u) => (
                <li key={u.commentId}>
                  <Text size="sm">
                    <b>{u.clauseLabel ?? ''}</b> {withoutMentionMarkup(u.body)}
                  </Text>
                  <AffiliationBadge name={u.author.name ?? '?'} personId={u.author.id ?? undefined} affiliation={u.author.snapshot} size="xs" />
                </li>
              ))}
            </Stack>
          </Alert>
        )}
      </Paper>
      {r.entries.length === 0 ? (
        <Text data-testid="made-on-version-none">{t('documents.dispositionReport.none', { number: version })}</Text>
      ) : (
        <EntryTable
          entries={r.entries.slice(0, shown)}
          caption={t('documents.dispositionReport.caption', { number: version })}
          version={version}
          testId="made-on-version"
        />
      )}
      {r.entries.length > shown ? (
        <Button variant="default" onClick={() => setShown((n) => n + PAGE)}>
          {t('documents.dispositionReport.more', { shown, count: r.entries.length })}
        </Button>
      ) : null}
      {r.carried.length > 0 ? <CarriedComments entries={r.carried} version={version} /> : null}
      {r.recommendations.length > 0 ? <RecommendationsRecord entries={r.recommendations} /> : null}
      <CommentTemplateSection doc={d} version={version} />
    </Stack>
  );
}

export default DispositionsPage;
