import { ActionIcon, Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { AgendaItemInput, AgendaItemView, MeetingView } from '@parley/contracts';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { fieldErrorMessage, problemMessage } from '../../i18n/server-messages';
import { FormAlert } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { useGroupDocuments } from '../documents/useDocuments';
import { AgendaItemLinksEditor, type ItemErrors } from './AgendaItemLinksEditor';
import { useSetAgenda, useTakeUpItem } from './useMeetings';

function ItemLinks({ item }: { item: AgendaItemView }) {
  const { t } = useTranslation();
  const links: { to: string; label: string }[] = [];
  if (item.document) {
    const v = item.document.version ? `?version=${item.document.version}` : '';
    links.push({
      to: `/documents/${item.document.id}${v}`,
      label: item.document.version ? t('meetings.agenda.documentVersion', { title: item.document.title, number: item.document.version }) : item.document.title,
    });
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

/**
 * The server's field errors on the agenda (`items.1.ballotId`, `items.0.clauseIds.2`), by item and
 * field, in the reader's language; the rest (not about one item's field) for the form's alert.
 */
export function agendaFieldErrors(t: TFunction, error: unknown): { byItem: Record<number, ItemErrors>; general: string[] } {
  const byItem: Record<number, ItemErrors> = {};
  if (!isProblem(error) || error.errors.length === 0) return { byItem, general: error ? [problemMessage(t, error)] : [] };
  const general: string[] = [];
  for (const e of error.errors) {
    const m = /^(?:items|agenda)\.(\d+)\.(title|documentId|version|clauseIds|amendmentId|ballotId|silenceId)\b/.exec(e.field ?? '');
    const text = fieldErrorMessage(t, e);
    if (!m) {
      general.push(e.field && e.field !== '(body)' ? t('errors.fieldError', { field: e.field, message: text }) : text);
      continue;
    }
    const at = (byItem[Number(m[1])] ??= {});
    const field = m[2] as keyof ItemErrors;
    at[field] ??= text;
  }
  return { byItem, general: general.length ? general : [t('errors.invalid')] };
}

/** One item in the editor: its title, moves, removal, and what it links to (shown on demand, and when the server finds fault with it). */
function EditorItem({
  it,
  i,
  count,
  groupId,
  errors,
  move,
  remove,
  change,
}: {
  it: AgendaItemInput;
  i: number;
  count: number;
  groupId: string;
  errors: ItemErrors | undefined;
  move: (from: number, to: number) => void;
  remove: () => void;
  change: (patch: Partial<AgendaItemInput>) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const shown = open || Boolean(errors);
  const panelId = `agenda-links-${i}`;
  return (
    <li data-testid="agenda-editor-item">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" style={{ flex: 1, minWidth: 120 }}>
            {it.title}
          </Text>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={shown}
            aria-controls={panelId}
            aria-label={t('meetings.links.toggle', { title: it.title })}
            data-testid="agenda-links-toggle"
          >
            {t('meetings.links.button')}
          </Button>
          <ActionIcon variant="default" onClick={() => move(i, i - 1)} disabled={i === 0} aria-label={t('meetings.agenda.up', { title: it.title })}>
            ↑
          </ActionIcon>
          <ActionIcon variant="default" onClick={() => move(i, i + 1)} disabled={i === count - 1} aria-label={t('meetings.agenda.down', { title: it.title })}>
            ↓
          </ActionIcon>
          <ActionIcon variant="default" color="red" onClick={remove} aria-label={t('meetings.agenda.remove', { title: it.title })}>
            ×
          </ActionIcon>
        </Group>
        {errors?.title ? (
          <Text size="sm" c="red.8">
            {errors.title}
          </Text>
        ) : null}
        {shown ? (
          <div id={panelId} role="group" aria-label={t('meetings.links.group', { title: it.title })}>
            <AgendaItemLinksEditor groupId={groupId} item={it} onChange={change} errors={errors ?? {}} idBase={panelId} />
          </div>
        ) : null}
      </Stack>
    </li>
  );
}

/** The chair's agenda editor: add, reorder and remove items, and link each to a document, its parts, a ballot. */
function AgendaEditor({ m, onDone }: { m: MeetingView; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSetAgenda(m.id);
  const docs = useGroupDocuments(m.workingGroupId);
  const [items, setItems] = useState<AgendaItemInput[]>(() => m.agenda.map(asInput));
  const [title, setTitle] = useState('');
  const [doc, setDoc] = useState<string | null>(null);
  const errors = useMemo(() => agendaFieldErrors(t, save.isError ? save.error : null), [t, save.isError, save.error]);
  const move = (from: number, to: number) => {
    save.reset();
    setItems((old) => {
      if (to < 0 || to >= old.length) return old;
      const next = [...old];
      const [x] = next.splice(from, 1);
      next.splice(to, 0, x);
      return next;
    });
  };
  const change = (at: number, patch: Partial<AgendaItemInput>) => setItems((old) => old.map((x, j) => (j === at ? { ...x, ...patch } : x)));
  const add = () => {
    if (!title.trim()) return;
    setItems((old) => [...old, { title: title.trim(), documentId: doc }]);
    setTitle('');
    setDoc(null);
  };
  const docOptions = (docs.data?.items ?? []).map((d) => ({ value: d.id, label: d.title }));
  return (
    <Stack gap="sm" data-testid="agenda-editor">
      <Stack component="ol" gap={6} ps="md" m={0}>
        {items.map((it, i) => (
          <EditorItem
            key={it.id ?? `new-${i}`}
            it={it}
            i={i}
            count={items.length}
            groupId={m.workingGroupId}
            errors={errors.byItem[i]}
            move={move}
            remove={() => {
              save.reset();
              setItems((old) => old.filter((_, j) => j !== i));
            }}
            change={(patch) => change(i, patch)}
          />
        ))}
      </Stack>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label={t('meetings.agenda.newTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={300}
          miw={200}
          data-testid="agenda-new-title"
        />
        <Select label={t('meetings.agenda.document')} data={docOptions} value={doc} onChange={setDoc} clearable searchable miw={200} />
        <Button variant="light" onClick={add} disabled={!title.trim()} data-testid="agenda-add">
          {t('meetings.agenda.add')}
        </Button>
      </Group>
      <FormAlert messages={errors.general} />
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
          <Stack component="ol" gap="xs" ps="md" m={0}>
            {m.agenda.map((item) => {
              const current = m.status === 'open' && item.id === m.currentItemId;
              return (
                <li key={item.id} aria-current={current ? 'step' : undefined} data-testid="agenda-item" data-current={current}>
                  <Stack gap={2}>
                    <Group gap="xs" wrap="wrap">
                      <Text fw={current ? 700 : 500}>{item.title}</Text>
                      {current ? (
                        <Badge color="green" variant="light" c="gray.9" size="sm" style={{ textTransform: 'none' }}>
                          {t('meetings.agenda.current')}
                        </Badge>
                      ) : null}
                      {runs && m.status === 'open' && !current ? (
                        <Button
                          size="compact-xs"
                          variant="outline"
                          onClick={() => takeUp.mutate(item.id)}
                          loading={takeUp.isPending}
                          aria-label={t('meetings.agenda.takeUpItem', { title: item.title })}
                          data-testid="agenda-take-up"
                        >
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
