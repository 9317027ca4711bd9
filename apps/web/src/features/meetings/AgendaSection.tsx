import { ActionIcon, Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { AgendaItemInput, AgendaItemView, MeetingView } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { problemMessage } from '../../i18n/server-messages';
import { notifySuccess } from '../../ui/notify';
import { useGroupDocuments } from '../documents/useDocuments';
import { useSetAgenda, useTakeUpItem } from './useMeetings';

function ItemLinks({ item }: { item: AgendaItemView }) {
  const { t } = useTranslation();
  const links: { to: string; label: string }[] = [];
  if (item.document) {
    const v = item.document.version ? `?version=${item.document.version}` : '';
    links.push({ to: `/documents/${item.document.id}${v}`, label: item.document.version ? t('meetings.agenda.documentVersion', { title: item.document.title, number: item.document.version }) : item.document.title });
    for (const c of item.clauseIds) links.push({ to: `/documents/${item.document.id}#clause-${c}`, label: t('meetings.agenda.clause') });
    if (item.amendmentId) links.push({ to: `/documents/${item.document.id}?amendment=${item.amendmentId}`, label: t('meetings.agenda.amendment') });
    if (item.silenceId) links.push({ to: `/documents/${item.document.id}#silence`, label: t('meetings.agenda.silence') });
  }
  if (item.ballot) links.push({ to: `/ballots/${item.ballot.id}`, label: t('meetings.agenda.ballot', { title: item.ballot.title }) });
  if (links.length === 0) return null;
  return (
    <Group gap="sm" wrap="wrap">
      {links.map((l, i) => (
        <Anchor key={`${l.to}-${i}`} component={Link} to={l.to} size="sm">
          {l.label}
        </Anchor>
      ))}
    </Group>
  );
}

/** An existing item as the agenda request writes it back: its links kept. */
const asInput = (i: AgendaItemView): AgendaItemInput => ({
  id: i.id,
  title: i.title,
  notes: i.notes,
  documentId: i.document?.id ?? null,
  version: i.document?.version ?? null,
  clauseIds: i.clauseIds,
  amendmentId: i.amendmentId,
  ballotId: i.ballot?.id ?? null,
  silenceId: i.silenceId,
});

/** The chair's agenda editor: add, reorder and remove items; a new item is a title and, if wished, a document of the group. */
function AgendaEditor({ m, onDone }: { m: MeetingView; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSetAgenda(m.id);
  const docs = useGroupDocuments(m.workingGroupId);
  const [items, setItems] = useState<AgendaItemInput[]>(() => m.agenda.map(asInput));
  const [title, setTitle] = useState('');
  const [doc, setDoc] = useState<string | null>(null);
  const move = (from: number, to: number) =>
    setItems((old) => {
      if (to < 0 || to >= old.length) return old;
      const next = [...old];
      const [x] = next.splice(from, 1);
      next.splice(to, 0, x);
      return next;
    });
  const add = () => {
    if (!title.trim()) return;
    setItems((old) => [...old, { title: title.trim(), documentId: doc }]);
    setTitle('');
    setDoc(null);
  };
  const docOptions = (docs.data?.items ?? []).map((d) => ({ value: d.id, label: d.title }));
  return (
    <Stack gap="sm" data-testid="agenda-editor">
      <Stack component="ol" gap={6} pl="md" m={0}>
        {items.map((it, i) => (
          <li key={it.id ?? `new-${i}`}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" style={{ flex: 1, minWidth: 120 }}>
                {it.title}
              </Text>
              <ActionIcon variant="default" onClick={() => move(i, i - 1)} disabled={i === 0} aria-label={t('meetings.agenda.up', { title: it.title })}>
                ↑
              </ActionIcon>
              <ActionIcon variant="default" onClick={() => move(i, i + 1)} disabled={i === items.length - 1} aria-label={t('meetings.agenda.down', { title: it.title })}>
                ↓
              </ActionIcon>
              <ActionIcon variant="default" color="red" onClick={() => setItems((old) => old.filter((_, j) => j !== i))} aria-label={t('meetings.agenda.remove', { title: it.title })}>
                ×
              </ActionIcon>
            </Group>
          </li>
        ))}
      </Stack>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput label={t('meetings.agenda.newTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={300} miw={200} data-testid="agenda-new-title" />
        <Select label={t('meetings.agenda.document')} data={docOptions} value={doc} onChange={setDoc} clearable searchable miw={200} />
        <Button variant="light" onClick={add} disabled={!title.trim()} data-testid="agenda-add">
          {t('meetings.agenda.add')}
        </Button>
      </Group>
      {save.isError ? (
        <Alert color="red" variant="light" role="alert">
          {problemMessage(t, save.error)}
        </Alert>
      ) : null}
      <Group>
        <Button
          onClick={() =>
            save.mutate(
              { items },
              {
                onSuccess: () => {
                  notifySuccess(t, t('meetings.agenda.saved'));
                  onDone();
                },
              },
            )
          }
          loading={save.isPending}
          data-testid="agenda-save"
        >
          {t('meetings.agenda.save')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The agenda, the item under discussion marked; chairs take items up and edit the agenda until the session closes. */
export function AgendaSection({ m }: { m: MeetingView }) {
  const { t } = useTranslation();
  const takeUp = useTakeUpItem(m.id);
  const [editing, setEditing] = useState(false);
  const runs = m.viewer.runs;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="meeting-agenda" data-testid="meeting-agenda">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="meeting-agenda">
            {t('meetings.agenda.title')}
          </Title>
          {runs && m.status !== 'closed' && !editing ? (
            <Button variant="light" size="xs" onClick={() => setEditing(true)} data-testid="agenda-edit">
              {t('meetings.agenda.edit')}
            </Button>
          ) : null}
        </Group>
        {editing ? (
          <AgendaEditor m={m} onDone={() => setEditing(false)} />
        ) : m.agenda.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('meetings.agenda.empty')}
          </Text>
        ) : (
          <Stack component="ol" gap="xs" pl="md" m={0}>
            {m.agenda.map((item) => {
              const current = item.id === m.currentItemId;
              return (
                <li key={item.id} aria-current={current ? 'step' : undefined} data-testid="agenda-item" data-current={current}>
                  <Stack gap={2}>
                    <Group gap="xs" wrap="wrap">
                      <Text fw={current ? 700 : 500}>{item.title}</Text>
                      {current ? (
                        <Badge color="green" variant="filled" size="sm">
                          {t('meetings.agenda.current')}
                        </Badge>
                      ) : null}
                      {runs && m.status === 'open' && !current ? (
                        <Button size="compact-xs" variant="outline" onClick={() => takeUp.mutate(item.id)} loading={takeUp.isPending} aria-label={t('meetings.agenda.takeUpItem', { title: item.title })} data-testid="agenda-take-up">
                          {t('meetings.agenda.takeUp')}
                        </Button>
                      ) : null}
                    </Group>
                    {item.notes ? (
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {item.notes}
                      </Text>
                    ) : null}
                    <ItemLinks item={item} />
                  </Stack>
                </li>
              );
            })}
          </Stack>
        )}
        {takeUp.isError ? (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(t, takeUp.error)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
