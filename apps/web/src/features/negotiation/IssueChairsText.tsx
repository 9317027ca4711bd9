import { ActionIcon, Alert, Badge, Button, Group, Modal, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { DocumentResponse, IssueChairsTextRequest, MatchedClauseView } from '@parley/contracts';
import { CHAIRS_TEXT_STANDINGS, CLAUSE_KINDS, compareVersions, OFFICES, type ChairsTextStanding, type ClauseKind, type Office } from '@parley/domain';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { isProblem, type FieldError } from '../../api/client';
import { fieldErrorMessage, fieldErrorText, problemMessage } from '../../i18n/server-messages';
import { ConfirmActions } from '../../ui/ConfirmActions';
import { notifySuccess } from '../../ui/notify';
import { ClauseChangeList } from '../documents/ClauseChangeList';
import { ChairsTextFromWord } from './ChairsTextFromWord';
import { useChairsTextSuggestion, useIssueChairsText } from './useChairsTexts';
import { MembersOnlyUntilField, membersOnlyInput, PUBLIC_AT_ONCE } from '../procedures/PublicationPanel';
import { citationErrorIndexes, citationInputs, strayCitations, type DraftCitation } from '../agreed-language/citations';
import { CitationChips } from '../agreed-language/CitationChips';
import { InsertAgreedLanguage } from '../agreed-language/InsertAgreedLanguage';
import { useCitingField } from '../agreed-language/useCitingField';

/** One paragraph as the chair writes it: an existing clause's id (kept) or none (new), with a key React and the review use. */
interface Draft {
  key: string;
  id: string | null;
  kind: ClauseKind;
  text: string;
  /** Agreed language the paragraph quotes (decision 0054). */
  citations: DraftCitation[];
}

const fromDoc = (doc: DocumentResponse): Draft[] => doc.version.clauses.map((c) => ({ key: c.id, id: c.id, kind: c.kind, text: c.text, citations: [] }));

/** The chair's editor of a paragraph: its kind and text, and buttons to move it, remove it or add one after it. */
function ParagraphEditor({
  d,
  index,
  count,
  error,
  citationErrors,
  onNestedDialog,
  onChange,
  onMove,
  onRemove,
  onAddAfter,
}: {
  d: Draft;
  index: number;
  count: number;
  error: string | undefined;
  citationErrors: Map<number, string>;
  onNestedDialog: (open: boolean) => void;
  onChange: (patch: Partial<Draft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onAddAfter: () => void;
}) {
  const { t } = useTranslation();
  const position = index + 1;
  const citing = useCitingField(d.text, d.citations, (text, citations) => onChange({ text, citations }));
  return (
    <Paper component="li" withBorder p="xs" radius="md" data-testid="chairs-text-paragraph" data-clause-id={d.id ?? ''} data-draft-key={d.key}>
      <Group justify="space-between" gap="xs" wrap="wrap" mb={4}>
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {t('chairsTexts.editor.clause', { position })}
          </Text>
          {d.id ? null : (
            <Badge size="xs" variant="light" color="green">
              {t('chairsTexts.editor.newClause')}
            </Badge>
          )}
        </Group>
        <Group gap={4} wrap="nowrap">
          <ActionIcon variant="subtle" size="lg" aria-label={t('chairsTexts.editor.moveUp', { position })} title={t('chairsTexts.editor.moveUp', { position })} disabled={index === 0} onClick={() => onMove(-1)}>
            <span aria-hidden="true">↑</span>
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={t('chairsTexts.editor.moveDown', { position })}
            title={t('chairsTexts.editor.moveDown', { position })}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            <span aria-hidden="true">↓</span>
          </ActionIcon>
          <ActionIcon variant="subtle" size="lg" aria-label={t('chairsTexts.editor.addAfter', { position })} title={t('chairsTexts.editor.addAfter', { position })} onClick={onAddAfter}>
            <span aria-hidden="true">+</span>
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={t('chairsTexts.editor.remove', { position })}
            title={t('chairsTexts.editor.remove', { position })}
            disabled={count === 1}
            onClick={onRemove}
          >
            <span aria-hidden="true">×</span>
          </ActionIcon>
        </Group>
      </Group>
      <Stack gap={6}>
        <NativeSelect
          size="xs"
          label={t('chairsTexts.editor.kind', { position })}
          value={d.kind}
          data={CLAUSE_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
          onChange={(e) => onChange({ kind: e.currentTarget.value as ClauseKind })}
        />
        <Textarea
          {...citing.fieldProps}
          label={t('chairsTexts.editor.text', { position })}
          autosize
          minRows={2}
          value={d.text}
          error={error}
          onChange={(e) => onChange({ text: e.currentTarget.value })}
        />
        <Group gap="xs">
          <InsertAgreedLanguage onInsert={citing.insert} onInserted={citing.refocus} context={t('chairsTexts.editor.text', { position })} onOpenChange={onNestedDialog} />
        </Group>
        <CitationChips citations={d.citations} stray={citing.stray} errors={citationErrors} onRemove={citing.remove} />
      </Stack>
    </Paper>
  );
}

/**
 * "Issue a chair's text": the chair or rapporteur writes the next version themselves, starting from
 * the current one (edit, add, remove, reorder paragraphs), with its label (suggested), symbol,
 * standing, office and note; then reviews what changes and issues it.
 */
export function IssueChairsText({ doc }: { doc: DocumentResponse }) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const phone = useMediaQuery('(max-width: 47.99em)');
  const [open, setOpen] = useState(false);
  // While the "Insert agreed language" dialog is open over the editor, Escape closes that dialog only.
  const [nested, setNested] = useState(false);
  const [step, setStep] = useState<'edit' | 'review'>('edit');
  const [drafts, setDrafts] = useState<Draft[]>(() => fromDoc(doc));
  const [label, setLabel] = useState<string | null>(null);
  const [symbol, setSymbol] = useState('');
  const [standing, setStanding] = useState<ChairsTextStanding>('draft');
  const [office, setOffice] = useState<Office>('chair');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [membersOnly, setMembersOnly] = useState(PUBLIC_AT_ONCE);
  const fresh = useRef(0);
  const suggestion = useChairsTextSuggestion(doc.id, open);
  const issue = useIssueChairsText(doc.id);
  const next = doc.currentVersion + 1;
  const shownLabel = label ?? suggestion.data?.label ?? '';

  const start = () => {
    setDrafts(fromDoc(doc));
    setLabel(null);
    setSymbol('');
    setStanding('draft');
    setOffice('chair');
    setNote('');
    setErrors({});
    setStep('edit');
    issue.reset();
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    issue.reset();
  };
  const patch = (i: number, p: Partial<Draft>) => {
    setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...p } : d)));
    setErrors((e) => ({ ...e, [`clauses.${i}.text`]: '' }));
  };
  const move = (i: number, by: -1 | 1) =>
    setDrafts((ds) => {
      const out = [...ds];
      [out[i], out[i + by]] = [out[i + by], out[i]];
      return out;
    });
  /** The text read from a Word file replaces the paragraphs: matched ones keep their clause's id. A file with no paragraph leaves them as they are. */
  const fromWord = (draft: MatchedClauseView[]) => {
    if (draft.length === 0) return;
    setDrafts(draft.map((c) => ({ key: c.clauseId ?? `word-${++fresh.current}`, id: c.clauseId, kind: c.kind, text: c.text, citations: [] })));
    setErrors({});
  };
  const remove = (i: number) => setDrafts((ds) => ds.filter((_, j) => j !== i));
  const addAfter = (i: number) => {
    const key = `new-${++fresh.current}`;
    setDrafts((ds) => [...ds.slice(0, i + 1), { key, id: null, kind: 'operative', text: '', citations: [] }, ...ds.slice(i + 1)]);
    requestAnimationFrame(() => document.querySelector<HTMLTextAreaElement>(`[data-draft-key="${key}"] textarea`)?.focus());
  };

  const before = useMemo(() => doc.version.clauses.map((c) => ({ id: c.id, kind: c.kind, text: c.text })), [doc.version.clauses]);
  const after = drafts.map((d) => ({ id: d.id ?? d.key, kind: d.kind, text: d.text }));
  const rows = step === 'review' ? compareVersions(before, after).clauses.filter((r) => r.status !== 'unchanged') : [];

  const review = () => {
    const found: Record<string, string> = {};
    if (!shownLabel.trim()) found.label = fieldErrorText(t, 'required');
    drafts.forEach((d, i) => {
      if (!d.text.trim()) found[`clauses.${i}.text`] = t('chairsTexts.editor.emptyText');
      // Cited words edited since they were inserted are no longer agreed language: the chair decides first.
      else if (strayCitations(d.text, d.citations).length > 0) found[`clauses.${i}.text`] = t('agreedLanguage.citations.strayInClause');
    });
    if (!membersOnlyInput(membersOnly)) found.membersOnlyUntil = t('publication.required');
    setErrors(found);
    if (Object.keys(found).length === 0) setStep('review');
  };
  const serverErrors: FieldError[] = isProblem(issue.error) ? issue.error.errors : [];
  const errorOf = (field: string): string | undefined => {
    const server = serverErrors.find((e) => e.field === field || e.field.startsWith(`${field}.`));
    return errors[field] || (server ? fieldErrorMessage(t, server) : undefined);
  };
  const submit = () => {
    const publication = membersOnlyInput(membersOnly);
    if (!publication) return setErrors((e) => ({ ...e, membersOnlyUntil: t('publication.required') }));
    const body: IssueChairsTextRequest = {
      ...publication,
      label: shownLabel.trim(),
      symbol: symbol.trim() || null,
      standing,
      office,
      note: note.trim() || null,
      clauses: drafts.map((d) => ({ id: d.id, kind: d.kind, text: d.text, ...citationInputs(d.citations) })),
    };
    issue
      .mutateAsync(body)
      .then((created) => {
        notifySuccess(t, t('chairsTexts.editor.done', { label: body.label, number: created.currentVersion }));
        setOpen(false);
        setParams({});
      })
      .catch(() => {
        // A field refused by the API is shown where it was typed.
        setStep('edit');
      });
  };

  const waiting = suggestion.data?.acceptedWaiting ?? doc.version.acceptedWaiting;
  const chosenWaiting = suggestion.data?.chosenWaiting ?? 0;
  return (
    <Stack gap={4}>
      <Button variant="light" onClick={start}>
        {t('chairsTexts.editor.button')}
      </Button>
      <Modal
        opened={open}
        onClose={close}
        closeOnEscape={!nested}
        title={t('chairsTexts.editor.title', { number: next })}
        size="xl"
        fullScreen={phone}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="sm" data-testid="chairs-text-editor">
          {step === 'edit' ? (
            <>
              <Text size="sm">{t('chairsTexts.editor.explain', { current: doc.currentVersion })}</Text>
              {waiting > 0 ? (
                <Alert color="yellow" variant="light">
                  {t('chairsTexts.editor.waiting', { count: waiting })}
                </Alert>
              ) : null}
              {chosenWaiting > 0 ? (
                <Alert color="yellow" variant="light">
                  {t('chairsTexts.editor.chosenWaiting', { count: chosenWaiting })}
                </Alert>
              ) : null}
              <Group grow align="flex-start" wrap="wrap">
                <TextInput
                  label={t('chairsTexts.editor.label')}
                  description={suggestion.data ? t('chairsTexts.editor.labelHint', { suggestion: suggestion.data.label }) : undefined}
                  required
                  maxLength={80}
                  value={shownLabel}
                  error={errorOf('label')}
                  onChange={(e) => {
                    setLabel(e.currentTarget.value);
                    setErrors((x) => ({ ...x, label: '' }));
                  }}
                  miw={220}
                />
                <TextInput
                  label={t('chairsTexts.editor.symbol')}
                  description={t('chairsTexts.editor.symbolHint')}
                  maxLength={120}
                  value={symbol}
                  error={errorOf('symbol')}
                  onChange={(e) => setSymbol(e.currentTarget.value)}
                  miw={220}
                />
              </Group>
              <Group grow align="flex-start" wrap="wrap">
                <NativeSelect
                  label={t('chairsTexts.editor.standing')}
                  value={standing}
                  data={CHAIRS_TEXT_STANDINGS.map((s) => ({ value: s, label: t(`chairsTexts.standingName.${s}`) }))}
                  error={errorOf('standing')}
                  onChange={(e) => setStanding(e.currentTarget.value as ChairsTextStanding)}
                  miw={200}
                />
                <NativeSelect
                  label={t('chairsTexts.editor.office')}
                  value={office}
                  data={OFFICES.map((o) => ({ value: o, label: t(`chairsTexts.officeName.${o}`) }))}
                  error={errorOf('office')}
                  onChange={(e) => setOffice(e.currentTarget.value as Office)}
                  miw={200}
                />
              </Group>
              <Textarea
                label={t('chairsTexts.editor.note')}
                description={t('chairsTexts.editor.noteHint')}
                autosize
                minRows={2}
                maxLength={2000}
                value={note}
                error={errorOf('note')}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
              <MembersOnlyUntilField
                value={membersOnly}
                onChange={(c) => {
                  setMembersOnly(c);
                  setErrors(({ membersOnlyUntil: _gone, ...rest }) => rest);
                }}
                error={errorOf('membersOnlyUntil')}
              />
              <Title order={3} size="h5">
                {t('chairsTexts.editor.clauses')}
              </Title>
              <ChairsTextFromWord documentId={doc.id} onDraft={fromWord} />
              {errorOf('clauses') && !drafts.some((_, i) => errorOf(`clauses.${i}`)) ? (
                <Alert color="red" variant="light" role="alert">
                  {errorOf('clauses')}
                </Alert>
              ) : null}
              <Button variant="subtle" size="compact-sm" onClick={() => addAfter(-1)} style={{ alignSelf: 'flex-start' }}>
                {t('chairsTexts.editor.addAtStart')}
              </Button>
              <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('chairsTexts.editor.clauses')}>
                {drafts.map((d, i) => (
                    <ParagraphEditor
                      key={d.key}
                      d={d}
                      index={i}
                      count={drafts.length}
                      error={errors[`clauses.${i}.text`] || (serverErrors.find((e) => e.field.startsWith(`clauses.${i}.`)) ? fieldErrorMessage(t, serverErrors.find((e) => e.field.startsWith(`clauses.${i}.`))!) : undefined)}
                      citationErrors={
                        new Map(
                          [...citationErrorIndexes(serverErrors.map((e) => e.field), `clauses.${i}.`)].map(([j, field]) => [j, fieldErrorMessage(t, serverErrors.find((e) => e.field === field)!)]),
                        )
                      }
                      onNestedDialog={setNested}
                      onChange={(p) => patch(i, p)}
                      onMove={(by) => move(i, by)}
                      onRemove={() => remove(i)}
                      onAddAfter={() => addAfter(i)}
                    />
                ))}
              </Stack>
              {issue.isError && serverErrors.length === 0 ? (
                <Alert color="red" variant="light" role="alert">
                  {problemMessage(t, issue.error)}
                </Alert>
              ) : null}
              <Group>
                <Button onClick={review}>{t('chairsTexts.editor.review')}</Button>
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Title order={3} size="h5">
                {t('chairsTexts.editor.changes', { label: shownLabel.trim(), current: doc.currentVersion })}
              </Title>
              <Text size="sm" data-testid="chairs-text-review-title">
                {t('chairsTexts.title', { label: shownLabel.trim(), office: t(`chairsTexts.office.${office}`), standing: t(`chairsTexts.standing.${standing}`) })}
              </Text>
              {rows.length > 0 ? <ClauseChangeList rows={rows} /> : <Text size="sm">{t('chairsTexts.editor.noChanges', { current: doc.currentVersion })}</Text>}
              <Text size="sm" c="dimmed">
                {t('chairsTexts.editor.penHolder')}
              </Text>
              {issue.isError ? (
                <Alert color="red" variant="light" role="alert">
                  {problemMessage(t, issue.error)}
                </Alert>
              ) : null}
              <Button variant="subtle" onClick={() => setStep('edit')} style={{ alignSelf: 'flex-start' }}>
                {t('chairsTexts.editor.back')}
              </Button>
              <ConfirmActions confirm={t('chairsTexts.editor.confirm', { label: shownLabel.trim(), number: next })} onConfirm={submit} onCancel={close} loading={issue.isPending} />
            </>
          )}
        </Stack>
      </Modal>
    </Stack>
  );
}
