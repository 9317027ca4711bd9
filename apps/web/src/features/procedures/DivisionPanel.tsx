import { Alert, Anchor, Button, Group, List, MultiSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { DivisionView, DocumentResponse } from '@parley/contracts';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { problemMessage } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { notifySuccess } from '../../ui/notify';
import { QueryError } from '../../ui/QueryError';
import { useFormatters } from '../../ui/useFormatters';
import { ToneBadge } from '../documents/ToneBadge';
import { useDeclineDivision, useDivisions, usePutDivision, useRequestDivision } from './useDivision';

const TONES = { pending: 'yellow', balloting: 'grape', declined: 'gray', retained: 'green', deleted: 'red' } as const;

/** "paragraph 5., paragraph 6." in the reader's language. */
export function clausesSaid(t: TFunction, clauses: { label: string | null }[]): string {
  return clauses.map((c) => (c.label ? t('division.paragraph', { label: c.label }) : t('division.unlabelled'))).join(', ');
}

/** A closed separate vote's result: "paragraph 5. retained 12–3 by separate vote". */
export function divisionResult(t: TFunction, d: DivisionView): string | null {
  if (!d.result) return null;
  const p = { clauses: clausesSaid(t, d.clauses), yes: d.result.yes, no: d.result.no };
  if (d.status === 'retained') return t('division.retained', p);
  return d.consolidatedInVersion ? t('division.deletedIn', { ...p, version: d.consolidatedInVersion }) : t('division.deleted', p);
}

function RequestForm({ doc }: { doc: DocumentResponse }) {
  const { t } = useTranslation();
  const request = useRequestDivision(doc.id);
  const [clauseIds, setClauseIds] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const options = doc.version.clauses.filter((c) => c.kind !== 'heading').map((c) => ({ value: c.id, label: c.label ? t('division.paragraph', { label: c.label }) : `${t('division.unlabelled')}: ${c.text.slice(0, 40)}…` }));
  return (
    <Stack
      gap="xs"
      component="form"
      aria-label={t('division.request')}
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate({ clauseIds, reason }, { onSuccess: () => { setClauseIds([]); setReason(''); notifySuccess(t, t('division.requested')); } });
      }}
    >
      <Title order={3} size="h5">
        {t('division.request')}
      </Title>
      <MultiSelect label={t('division.clauses')} description={t('division.clausesHint')} data={options} value={clauseIds} onChange={setClauseIds} searchable required data-testid="division-clauses" />
      <Textarea label={t('division.reason')} description={t('division.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxLength={4000} required />
      {request.isError ? (
        <Alert color="red" variant="light" role="alert">
          {problemMessage(t, request.error)}
        </Alert>
      ) : null}
      <Group>
        <Button type="submit" size="xs" loading={request.isPending} disabled={clauseIds.length === 0 || reason.trim() === ''}>
          {t('division.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

function ChairActions({ doc, d }: { doc: DocumentResponse; d: DivisionView }) {
  const { t } = useTranslation();
  const put = usePutDivision(doc.id);
  const decline = useDeclineDivision(doc.id);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const error = put.error ?? decline.error;
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <Button size="compact-sm" loading={put.isPending} onClick={() => put.mutate({ divisionId: d.id }, { onSuccess: () => notifySuccess(t, t('division.put')) })}>
          {t('division.putToBallot')}
        </Button>
        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeclining((v) => !v)} aria-expanded={declining}>
          {t('division.decline')}
        </Button>
      </Group>
      {declining ? (
        <Stack gap={6} component="form" aria-label={t('division.decline')} onSubmit={(e) => { e.preventDefault(); decline.mutate({ divisionId: d.id, reason }, { onSuccess: () => notifySuccess(t, t('division.declined')) }); }}>
          <Textarea label={t('division.declineReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxLength={4000} required />
          <Group>
            <Button type="submit" size="compact-sm" color="red" loading={decline.isPending} disabled={reason.trim() === ''}>
              {t('division.confirmDecline')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {problemMessage(t, error)}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** One request: paragraphs, who asked and why (with their affiliation then), where it stands, and the result once voted. */
export function DivisionItem({ doc, d, decide }: { doc: DocumentResponse | null; d: DivisionView; decide: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const result = divisionResult(t, d);
  return (
    <List.Item data-testid="division-item">
      <Stack gap={4}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600} span>
            {t('division.on', { clauses: clausesSaid(t, d.clauses) })}
          </Text>
          <ToneBadge tone={TONES[d.status]}>{t(`division.status.${d.status}`)}</ToneBadge>
        </Group>
        <Group gap={6} wrap="wrap">
          <Text size="sm" c="dimmed" span>
            {t('division.requestedBy')} · {f.date(d.requestedAt)}
          </Text>
          <AffiliationBadge name={d.requestedBy.name ?? '?'} personId={d.requestedBy.id ?? undefined} affiliation={d.requestedBy.snapshot} size="xs" />
        </Group>
        <Text size="sm">{d.reason}</Text>
        {result ? (
          <Text size="sm" fw={600} data-testid="division-result">
            {result}
          </Text>
        ) : null}
        {d.declineReason ? <Text size="sm">{t('division.declinedBecause', { reason: d.declineReason })}</Text> : null}
        {d.ballotId ? (
          <Anchor component={Link} to={`/ballots/${d.ballotId}`} size="sm" fw={600}>
            {t('division.seeBallot')}
          </Anchor>
        ) : null}
        {decide && doc && d.status === 'pending' ? <ChairActions doc={doc} d={d} /> : null}
      </Stack>
    </List.Item>
  );
}

/** The document page's separate votes: the request form (voting members), every request with its status and result, and the chair's decision. */
export function DivisionPanel({ doc }: { doc: DocumentResponse }) {
  const { t } = useTranslation();
  const query = useDivisions(doc.id);
  const data = query.data;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!data) return null;
  const current = doc.version.isCurrent;
  if (data.divisions.length === 0 && !(current && data.can.request)) return null;
  const pending = data.divisions.some((d) => d.status === 'pending' || d.status === 'balloting' || (d.status === 'deleted' && d.consolidatedInVersion === null));
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="division-title" data-testid="division-panel">
      <Stack gap="sm">
        <Title order={2} size="h4" id="division-title">
          {t('division.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('division.intro')}
        </Text>
        {pending ? (
          <Alert color="yellow" variant="light">
            {t('division.pendingNote')}
          </Alert>
        ) : null}
        {data.divisions.length === 0 ? (
          <Text size="sm">{t('division.none')}</Text>
        ) : (
          <List listStyleType="none" spacing="sm">
            {data.divisions.map((d) => (
              <DivisionItem key={d.id} doc={doc} d={d} decide={current && data.can.decide} />
            ))}
          </List>
        )}
        {current && data.can.request ? <RequestForm doc={doc} /> : null}
      </Stack>
    </Paper>
  );
}

/** On the adoption ballot's page: the results of the separate votes on the document ("OP5 retained 12–3 by separate vote"). */
export function DivisionResults({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const query = useDivisions(documentId);
  const done = (query.data?.divisions ?? []).filter((d) => d.result);
  if (done.length === 0) return null;
  return (
    <Stack gap={4} mt="sm" data-testid="division-results">
      <Text size="sm" fw={600}>
        {t('division.title')}
      </Text>
      <List size="sm">
        {done.map((d) => (
          <List.Item key={d.id}>{divisionResult(t, d)}</List.Item>
        ))}
      </List>
    </Stack>
  );
}
