import { Alert, Button, Group, List, NumberInput, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import type { AdoptionWarningsView, COMMENT_KINDS, DISPOSITIONS, DocumentResponse } from '@parley/contracts';
import { withoutMentionMarkup, type AdoptionWarningKind } from '@parley/domain';
import { Checkbox } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { notifySuccess } from '../../ui/notify';
import { formatDateTime, formatDuration } from '../ballots/TimeLeft';
import { useLastCall, useOpenLastCall } from './useDivision';
import { currentLanguage, intlLocale } from '../../i18n';

type CommentKind = (typeof COMMENT_KINDS)[number];
type Disposition = (typeof DISPOSITIONS)[number];

function OpenForm({ doc, minimum }: { doc: DocumentResponse; minimum: number }) {
  const { t } = useTranslation();
  const open = useOpenLastCall(doc.id, doc.version.number);
  const [days, setDays] = useState<number>(minimum);
  const [note, setNote] = useState('');
  return (
    <Stack gap="xs" component="form" aria-label={t('division.lastCall.start')} onSubmit={(e) => { e.preventDefault(); open.mutate({ days, ...(note.trim() ? { note } : {}) }, { onSuccess: () => notifySuccess(t, t('division.lastCall.opened')) }); }}>
      <Group align="flex-end" wrap="wrap">
        <NumberInput label={t('division.lastCall.days')} description={t('division.lastCall.daysHint', { count: minimum })} min={minimum} max={60} value={days} onChange={(v) => setDays(typeof v === 'number' ? v : minimum)} w={180} />
        <Textarea label={t('division.lastCall.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} maxLength={2000} style={{ flex: 1, minWidth: 200 }} />
      </Group>
      {open.isError ? (
        <Alert color="red" variant="light" role="alert">
          {problemMessage(t, open.error)}
        </Alert>
      ) : null}
      <Group>
        <Button type="submit" size="xs" loading={open.isPending}>
          {t('division.lastCall.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The version's last call: a banner with its window and time left while open; once over, its record (counts by kind and disposition, each comment). */
export function LastCallBanner({ doc }: { doc: DocumentResponse }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const query = useLastCall(doc.id, doc.version.number);
  const v = query.data;
  if (!v || (!v.lastCall && !v.can.open && v.lastCallDays === 0)) return null;
  const lc = v.lastCall;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="last-call-title" data-testid="last-call">
      <Stack gap="xs">
        <Title order={2} size="h4" id="last-call-title">
          {t('division.lastCall.title')}
        </Title>
        {v.lastCallDays > 0 ? <Text size="sm">{t('division.lastCall.required', { count: v.lastCallDays })}</Text> : null}
        {lc ? (
          <>
            <Alert color={lc.open ? 'blue' : 'green'} variant="light" data-testid="last-call-window">
              {lc.open
                ? t('division.lastCall.open', { version: v.version, date: formatDateTime(lc.closesAt, lng), left: t('division.lastCall.left', { time: formatDuration(Math.max(0, Date.parse(lc.closesAt) - Date.now()), lng) }) })
                : t('division.lastCall.closed', { version: v.version, from: formatDateTime(lc.opensAt, lng), to: formatDateTime(lc.closesAt, lng) })}
            </Alert>
            <Group gap={6}>
              <Text size="xs" c="dimmed" span>
                {t('division.lastCall.openedBy')}
              </Text>
              <AffiliationBadge name={lc.openedBy.name ?? '?'} personId={lc.openedBy.id ?? undefined} affiliation={lc.openedBy.snapshot} size="xs" />
            </Group>
            {lc.note ? <Text size="sm">{lc.note}</Text> : null}
            <Text size="sm" fw={600}>
              {t('division.lastCall.produced', { count: lc.comments.length })}
            </Text>
            {lc.comments.length > 0 ? (
              <>
                <Table.ScrollContainer minWidth={280}>
                  <Table withTableBorder data-testid="last-call-counts">
                    <Table.Tbody>
                      <Table.Tr>
                        <Table.Th scope="row">{t('division.lastCall.byKind')}</Table.Th>
                        <Table.Td>{Object.entries(lc.byKind).map(([k, n]) => `${t(`documents.commentKinds.${k as CommentKind}`)}: ${n}`).join(' · ')}</Table.Td>
                      </Table.Tr>
                      <Table.Tr>
                        <Table.Th scope="row">{t('division.lastCall.byDisposition')}</Table.Th>
                        <Table.Td>{Object.entries(lc.byDisposition).map(([k, n]) => `${t(`documents.dispositions.${(k === 'none' ? 'pending' : k) as Disposition | 'pending'}`)}: ${n}`).join(' · ')}</Table.Td>
                      </Table.Tr>
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Text size="sm" fw={600}>
                  {t('division.lastCall.comments')}
                </Text>
                <List size="sm" spacing={4}>
                  {lc.comments.map((c) => (
                    <List.Item key={c.commentId}>
                      <Text size="sm" span fw={600}>
                        {c.clauseLabel ? `${c.clauseLabel} ` : ''}
                        {t(`documents.commentKinds.${c.kind}`)} · {t(`documents.dispositions.${c.disposition ?? 'pending'}`)}
                      </Text>{' '}
                      <Text size="sm" span>
                        {withoutMentionMarkup(c.body)}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              </>
            ) : null}
          </>
        ) : (
          <Text size="sm">{t('division.lastCall.none', { version: v.version })}</Text>
        )}
        {v.can.open ? <OpenForm doc={doc} minimum={v.can.minimumDays} /> : null}
      </Stack>
    </Paper>
  );
}

/** The adoption dialog's last-call warnings (decision 0038), each acknowledged like the others. */
export function LastCallAdoptionWarnings({ p, acks, setAck }: { p: AdoptionWarningsView; acks: Set<AdoptionWarningKind>; setAck: (k: AdoptionWarningKind, v: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const lc = p.lastCall;
  if (!lc) return null;
  return (
    <>
      {lc.kinds.map((kind) => (
        <Alert key={kind} color="yellow" variant="light" data-testid={`adoption-warning-${kind}`}
          title={kind === 'last-call-not-held' ? t('division.lastCall.warning.last-call-not-held.title', { count: lc.requiredDays }) : kind === 'last-call-open' ? t('division.lastCall.warning.last-call-open.title', { date: lc.held ? formatDateTime(lc.held.closesAt, lng) : '' }) : t('division.lastCall.warning.last-call-undisposed.title', { count: lc.undisposed.length })}>
          {kind === 'last-call-undisposed' ? (
            <List size="sm" spacing={4}>
              {lc.undisposed.map((u) => (
                <List.Item key={u.commentId}>
                  {u.clauseLabel ? <strong>{u.clauseLabel} </strong> : null}
                  {withoutMentionMarkup(u.body)}
                </List.Item>
              ))}
            </List>
          ) : null}
          <Checkbox mt="sm" label={t(`division.lastCall.warning.${kind}.confirm`)} checked={acks.has(kind)} onChange={(e) => setAck(kind, e.currentTarget.checked)} />
        </Alert>
      ))}
    </>
  );
}
