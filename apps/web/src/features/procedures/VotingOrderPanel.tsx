import { ActionIcon, Alert, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ClauseResponse, DocumentResponse, VotingOrderView } from '@parley/contracts';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { notifySuccess } from '../../ui/notify';
import { useFormatters } from '../../ui/useFormatters';
import { useSetVotingOrder, useVotingOrder, useVotingPlace } from './useDivision';

type Item = VotingOrderView['competitors'][number];

const what = (t: TFunction, a: Item) => (a.kind === 'delete' ? t('division.votingOrder.delete') : t('division.votingOrder.replace', { text: (a.text ?? '').slice(0, 80) }));
const clauseName = (t: TFunction, label: string | null) => (label ? t('division.paragraph', { label }) : t('division.unlabelled'));

/** The chair reorders the competing amendments with buttons (keyboard and touch alike), then saves the order with a reason. */
function SetOrderForm({ doc, view }: { doc: DocumentResponse; view: VotingOrderView }) {
  const { t } = useTranslation();
  const set = useSetVotingOrder(doc.id, view.clauseId);
  const [items, setItems] = useState<Item[]>(view.competitors);
  const [reason, setReason] = useState('');
  const move = (i: number, by: -1 | 1) =>
    setItems((xs) => {
      const out = [...xs];
      [out[i], out[i + by]] = [out[i + by], out[i]];
      return out;
    });
  return (
    <Stack
      gap="xs"
      component="form"
      aria-label={t('division.votingOrder.set')}
      onSubmit={(e) => {
        e.preventDefault();
        set.mutate({ amendmentIds: items.map((a) => a.amendmentId), reason }, { onSuccess: () => { setReason(''); notifySuccess(t, t('division.votingOrder.saved')); } });
      }}
    >
      <Text size="sm" fw={600} id={`order-list-${view.clauseId}`}>
        {t('division.votingOrder.listLabel')}
      </Text>
      <List component="ol" listStyleType="none" spacing={4} aria-labelledby={`order-list-${view.clauseId}`} data-testid="voting-order-editor">
        {items.map((a, i) => (
          <List.Item key={a.amendmentId}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <ActionIcon variant="light" size="md" aria-label={t('division.votingOrder.moveUp', { what: what(t, a) })} disabled={i === 0} onClick={() => move(i, -1)}>
                ↑
              </ActionIcon>
              <ActionIcon variant="light" size="md" aria-label={t('division.votingOrder.moveDown', { what: what(t, a) })} disabled={i === items.length - 1} onClick={() => move(i, 1)}>
                ↓
              </ActionIcon>
              <Text size="sm">{t('division.votingOrder.item', { position: i + 1, what: what(t, a) })}</Text>
            </Group>
          </List.Item>
        ))}
      </List>
      <Textarea label={t('division.votingOrder.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxLength={4000} required />
      {set.isError ? (
        <Alert color="red" variant="light" role="alert">
          {problemMessage(t, set.error)}
        </Alert>
      ) : null}
      <Group>
        <Button type="submit" size="xs" loading={set.isPending} disabled={reason.trim() === ''}>
          {t('division.votingOrder.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Before the clause's amendments: the order in which competing amendments are voted (shown to all), and the chair's editor. */
export function VotingOrderPanel({ doc, clause }: { doc: DocumentResponse; clause: ClauseResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const query = useVotingOrder(doc.id, clause.id);
  const v = query.data;
  if (!doc.version.isCurrent || !v || (v.order === null && v.competitors.length < 2)) return null;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby={`voting-order-${clause.id}`} data-testid="voting-order">
      <Stack gap="xs">
        <Title order={3} size="h5" id={`voting-order-${clause.id}`}>
          {t('division.votingOrder.title', { clause: clauseName(t, v.clauseLabel) })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('division.votingOrder.explain')}
        </Text>
        {v.order ? (
          <>
            <List component="ol" size="sm" spacing={2} data-testid="voting-order-list">
              {v.order.items.map((a) => (
                <List.Item key={a.amendmentId}>{what(t, a)}</List.Item>
              ))}
            </List>
            <Text size="sm">
              {t('division.votingOrder.reasonLabel')} {v.order.reason}
            </Text>
            <Group gap={6}>
              <Text size="xs" c="dimmed" span>
                {t('division.votingOrder.setBy')} · {f.date(v.order.setAt)}
              </Text>
              <AffiliationBadge name={v.order.setBy.name ?? '?'} personId={v.order.setBy.id ?? undefined} affiliation={v.order.setBy.snapshot} size="xs" />
            </Group>
          </>
        ) : (
          <Text size="sm">{t('division.votingOrder.notSet')}</Text>
        )}
        {v.can.set ? <SetOrderForm key={v.order?.id ?? 'none'} doc={doc} view={v} /> : null}
      </Stack>
    </Paper>
  );
}

/** On an amendment's ballot page: "Voted 2nd of 3 on paragraph 4." (nothing when no order names it). */
export function VotingPlace({ amendmentId }: { amendmentId: string }) {
  const { t } = useTranslation();
  const query = useVotingPlace(amendmentId);
  const p = query.data;
  if (!p || p.position === null) return null;
  return (
    <Text size="sm" fw={600} mt="xs" data-testid="voting-place">
      {t('division.votingOrder.place', { count: p.position, ordinal: true, of: p.of, clause: clauseName(t, p.clauseLabel) })}
    </Text>
  );
}
