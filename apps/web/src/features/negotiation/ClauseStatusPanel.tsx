import { Alert, Button, Group, List, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import type { AdRefView, ClauseResponse, DocumentResponse } from '@parley/contracts';
import { CLAUSE_STATUSES, type ClauseStatus } from '@parley/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { LocaleDateInput } from '../../ui/LocaleDateInput';
import { notifySuccess } from '../../ui/notify';
import { PageLoader } from '../../ui/PageLoader';
import { QueryError } from '../../ui/QueryError';
import { useFormatters } from '../../ui/useFormatters';
import { ToneBadge } from '../documents/ToneBadge';
import { STATUS_TONES } from './ClauseStatusBadges';
import { useAgreeAdRef, useClauseStatus, useEndAdRef, useSetClauseStatus } from './useClauseStatus';

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

/** A chair or rapporteur moves the clause's status, with a note. */
function SetStatusForm({ doc, clause }: { doc: DocumentResponse; clause: ClauseResponse }) {
  const { t } = useTranslation();
  const set = useSetClauseStatus(doc.id, clause.id);
  const [status, setStatus] = useState<ClauseStatus>(clause.negotiation?.recordedStatus ?? 'not-read');
  const [note, setNote] = useState('');
  return (
    <Stack gap="xs" component="form" aria-label={t('clauseStatus.setStatus')} onSubmit={(e) => {
      e.preventDefault();
      set.mutate({ status, ...(note.trim() ? { note } : {}) }, { onSuccess: () => { setNote(''); notifySuccess(t, t('clauseStatus.saved')); } });
    }}>
      <Select
        label={t('clauseStatus.status')}
        data={CLAUSE_STATUSES.map((s) => ({ value: s, label: t(`clauseStatus.statuses.${s}`) }))}
        value={status}
        onChange={(v) => v && setStatus(v as ClauseStatus)}
        allowDeselect={false}
        data-testid="clause-status-select"
      />
      <Textarea label={t('clauseStatus.note')} description={t('clauseStatus.noteHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
      {set.isError ? (
        <Alert color="red" variant="light" role="alert">
          {problemMessage(t, set.error)}
        </Alert>
      ) : null}
      <Group>
        <Button type="submit" size="xs" loading={set.isPending}>
          {t('clauseStatus.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A delegate agrees the clause ad referendum for their delegation, until a day. */
function AgreeAdRefForm({ doc, clause, organisation }: { doc: DocumentResponse; clause: ClauseResponse; organisation: string }) {
  const { t } = useTranslation();
  const agree = useAgreeAdRef(doc.id, clause.id);
  const [expiresOn, setExpiresOn] = useState(inAWeek());
  const [note, setNote] = useState('');
  return (
    <Stack gap="xs" component="form" aria-label={t('clauseStatus.agreeAdRef', { organisation })} onSubmit={(e) => {
      e.preventDefault();
      agree.mutate({ expiresOn, ...(note.trim() ? { note } : {}) }, { onSuccess: () => { setNote(''); notifySuccess(t, t('clauseStatus.agreed')); } });
    }}>
      <Text size="sm" fw={600}>
        {t('clauseStatus.agreeAdRef', { organisation })}
      </Text>
      <LocaleDateInput label={t('clauseStatus.expiresOn')} value={expiresOn} onChange={setExpiresOn} required />
      <Textarea label={t('clauseStatus.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} maxLength={2000} />
      {agree.isError ? (
        <Alert color="red" variant="light" role="alert">
          {problemMessage(t, agree.error)}
        </Alert>
      ) : null}
      <Group>
        <Button type="submit" size="xs" variant="light" loading={agree.isPending}>
          {t('clauseStatus.agree')}
        </Button>
      </Group>
    </Stack>
  );
}

function AdRefItem({ doc, clause, a, mine }: { doc: DocumentResponse; clause: ClauseResponse; a: AdRefView; mine: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const end = useEndAdRef(doc.id, clause.id);
  const state = a.ended === 'lifted' ? t('clauseStatus.endedLifted', { date: f.date(a.endedAt!) }) : a.ended === 'withdrawn' ? t('clauseStatus.endedWithdrawn', { date: f.date(a.endedAt!) }) : a.ended === 'lapsed' ? t('clauseStatus.endedLapsed') : a.expired ? t('clauseStatus.expired') : null;
  return (
    <List.Item data-testid="ad-ref-item">
      <Stack gap={4}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600} span>
            {t('clauseStatus.adRefBy', { organisation: a.organisationName, date: f.date(a.expiresOn) })}
          </Text>
          {state ? <ToneBadge tone="gray">{state}</ToneBadge> : a.expiringSoon ? <ToneBadge tone="yellow">{t('clauseStatus.expiringSoon')}</ToneBadge> : null}
          <AffiliationBadge name={a.agreedBy.name ?? '?'} personId={a.agreedBy.id ?? undefined} affiliation={a.agreedBy.snapshot} size="xs" />
        </Group>
        {a.note ? <Text size="sm">{a.note}</Text> : null}
        {mine && a.open && doc.version.isCurrent ? (
          <Group gap="xs">
            <Button size="compact-xs" variant="light" loading={end.isPending && end.variables?.act === 'lift'} onClick={() => end.mutate({ adRefId: a.id, act: 'lift' }, { onSuccess: () => notifySuccess(t, t('clauseStatus.lifted')) })}>
              {t('clauseStatus.lift')}
            </Button>
            <Button size="compact-xs" variant="subtle" color="red" loading={end.isPending && end.variables?.act === 'withdraw'} onClick={() => end.mutate({ adRefId: a.id, act: 'withdraw' }, { onSuccess: () => notifySuccess(t, t('clauseStatus.withdrawn')) })}>
              {t('clauseStatus.withdraw')}
            </Button>
          </Group>
        ) : null}
        {end.isError ? (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(t, end.error)}
          </Alert>
        ) : null}
      </Stack>
    </List.Item>
  );
}

/**
 * The clause's negotiating status: its history (who moved it, when, with what note), its ad refs by
 * delegation, and the controls the reader has (a chair or rapporteur moves the status; a delegate
 * agrees ad ref for their delegation, and lifts or withdraws it).
 */
export function ClauseStatusPanel({ doc, clause }: { doc: DocumentResponse; clause: ClauseResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const query = useClauseStatus(doc.id, clause.id);
  const can = doc.can.negotiation;
  const delegation = can?.delegation ?? null;
  if (clause.kind === 'heading') return null;
  const hasOpenOwn = !!query.data?.adRefs.some((a) => a.open && a.organisationId === delegation?.organisationId);
  return (
    <Stack gap="sm" data-testid="clause-status-panel">
      {can?.setStatus ? <SetStatusForm key={clause.id} doc={doc} clause={clause} /> : null}
      <Title order={3} size="h5">
        {t('clauseStatus.history')}
      </Title>
      {query.isPending ? <PageLoader /> : null}
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <>
          {query.data.history.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('clauseStatus.historyEmpty')}
            </Text>
          ) : (
            <List size="sm" spacing={6} listStyleType="none" data-testid="clause-status-history">
              {query.data.history.map((h) => (
                <List.Item key={h.id}>
                  <Group gap={6} wrap="wrap">
                    <ToneBadge tone={STATUS_TONES[h.status]}>{t(`clauseStatus.statuses.${h.status}`)}</ToneBadge>
                    <Text size="sm" span c="dimmed">
                      {f.date(h.at)} · {t('clauseStatus.onVersion', { number: h.version })}
                    </Text>
                    <AffiliationBadge name={h.by.name ?? '?'} personId={h.by.id ?? undefined} affiliation={h.by.snapshot} size="xs" />
                  </Group>
                  {h.note ? <Text size="sm">{h.note}</Text> : null}
                </List.Item>
              ))}
            </List>
          )}
          <Title order={3} size="h5">
            {t('clauseStatus.adRefs')}
          </Title>
          {query.data.adRefs.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('clauseStatus.noAdRefs')}
            </Text>
          ) : (
            <List size="sm" spacing={6} listStyleType="none">
              {query.data.adRefs.map((a) => (
                <AdRefItem key={a.id} doc={doc} clause={clause} a={a} mine={a.organisationId === delegation?.organisationId} />
              ))}
            </List>
          )}
          {can?.agreeAdRef && delegation && !hasOpenOwn ? <AgreeAdRefForm key={clause.id} doc={doc} clause={clause} organisation={delegation.organisationName} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
