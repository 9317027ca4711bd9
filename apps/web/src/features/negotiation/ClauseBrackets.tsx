import { Anchor, Blockquote, Button, Checkbox, Group, Paper, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { BracketView, ClauseResponse, DocumentResponse } from '@parley/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fieldErrorText } from '../../i18n/server-messages';
import { ConfirmActions } from '../../ui/ConfirmActions';
import { FormAlert, mapServerErrors } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { useForm } from '../../ui/useForm';
import type { Quote } from '../documents/ClauseList';
import { Attribution } from './BracketedText';
import { BracketOptionList, liveOptions, optionNumber, StreamlineOptions } from './BracketOptions';
import { useBrackets, useOpenBracket, useProposeOption, useRemoveBracket } from './useBrackets';

interface OptionDraft {
  text: string;
  rationale: string;
}

/** A delegation brackets the passage it selected (or quoted), with a reason and, if it likes, options. */
function OpenBracketForm({
  doc,
  clause,
  quote: selected,
  onClearQuote,
}: {
  doc: DocumentResponse;
  clause: ClauseResponse;
  quote: Quote | null;
  onClearQuote: () => void;
}) {
  const { t } = useTranslation();
  const open = useOpenBracket(doc.id);
  // The whole clause in brackets, with its alternatives as options: "Alt 1 / Alt 2".
  const [whole, setWhole] = useState(false);
  const quote: Quote | null = whole ? { text: clause.text, start: 0, end: clause.text.length } : selected;
  const [reason, setReason] = useState('');
  const [options, setOptions] = useState<OptionDraft[]>([]);
  const [errors, setErrors] = useState<{ reason?: string; passage?: string }>({});
  const [general, setGeneral] = useState<string[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setGeneral([]);
    if (!quote) return setErrors({ passage: t('negotiation.brackets.selectFirst') });
    if (reason.trim() === '') return setErrors({ reason: fieldErrorText(t, 'required') });
    const given = options
      .filter((o) => o.text.trim() !== '')
      .map((o) => ({ text: o.text.trim(), ...(o.rationale.trim() ? { rationale: o.rationale.trim() } : {}) }));
    open.mutate(
      {
        version: doc.version.number,
        clauseId: clause.id,
        start: quote.start,
        end: quote.end,
        passage: quote.text,
        reason: reason.trim(),
        ...(given.length ? { options: given } : {}),
      },
      {
        onSuccess: () => {
          setReason('');
          setOptions([]);
          setErrors({});
          setWhole(false);
          onClearQuote();
          notifySuccess(t, t('negotiation.brackets.opened'));
        },
        onError: (error) => {
          const mapped = mapServerErrors(error, ['reason', 'passage'] as const, t, { start: 'passage', end: 'passage', clauseId: 'passage' });
          setErrors(mapped.fieldErrors);
          setGeneral(mapped.general);
        },
      },
    );
  };
  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={submit} noValidate aria-label={t('negotiation.brackets.openTitle')}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('negotiation.brackets.openTitle')}
        </Title>
        {quote ? (
          <Blockquote p={6} pl="sm" m={0} fz="sm" color="orange" iconSize={0} data-testid="bracket-passage">
            <Text span size="xs" c="dimmed" display="block">
              {t('negotiation.brackets.passage')}
            </Text>
            [{quote.text}]
          </Blockquote>
        ) : (
          <Text size="xs" c={errors.passage ? 'red' : 'dimmed'} role={errors.passage ? 'alert' : undefined}>
            {errors.passage ?? t('negotiation.brackets.selectHint')}
          </Text>
        )}
        {quote && errors.passage ? (
          <Text size="xs" c="red" role="alert">
            {errors.passage}
          </Text>
        ) : null}
        <Checkbox label={t('negotiation.brackets.wholeClause')} checked={whole} onChange={(e) => setWhole(e.currentTarget.checked)} size="sm" />
        <Textarea
          label={t('negotiation.brackets.reason')}
          description={t('negotiation.brackets.reasonHelp')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          required
          autosize
          minRows={2}
          size="sm"
        />
        {options.map((o, i) => (
          <Paper key={i} withBorder p="xs" radius="sm">
            <Stack gap={4}>
              <TextInput
                label={t('negotiation.brackets.optionText', { n: i + 1 })}
                value={o.text}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setOptions((all) => all.map((x, j) => (j === i ? { ...x, text: v } : x)));
                }}
                size="sm"
              />
              <TextInput
                label={t('negotiation.brackets.rationale')}
                value={o.rationale}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setOptions((all) => all.map((x, j) => (j === i ? { ...x, rationale: v } : x)));
                }}
                size="sm"
              />
              <Button variant="subtle" size="compact-xs" style={{ alignSelf: 'flex-start' }} onClick={() => setOptions((all) => all.filter((_, j) => j !== i))}>
                {t('negotiation.brackets.dropOption', { n: i + 1 })}
              </Button>
            </Stack>
          </Paper>
        ))}
        <FormAlert messages={general} />
        <Group gap="xs" wrap="wrap">
          <Button variant="default" size="sm" onClick={() => setOptions((all) => [...all, { text: '', rationale: '' }])} disabled={options.length >= 10}>
            {t('negotiation.brackets.addOption')}
          </Button>
          <Button type="submit" size="sm" loading={open.isPending}>
            {t('negotiation.brackets.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Another delegation proposes a competing wording. */
function ProposeOptionForm({ documentId, bracket }: { documentId: string; bracket: BracketView }) {
  const { t } = useTranslation();
  const propose = useProposeOption(documentId);
  const [shown, setShown] = useState(false);
  const form = useForm({ text: '', rationale: '' });
  if (!shown)
    return (
      <Button variant="light" size="compact-sm" style={{ alignSelf: 'flex-start' }} onClick={() => setShown(true)}>
        {t('negotiation.brackets.proposeOption')}
      </Button>
    );
  const submit = () => {
    const text = form.values.text.trim();
    const rationale = form.values.rationale.trim();
    if (text === '') return form.setErrors({ text: fieldErrorText(t, 'required') });
    propose.mutate(
      { bracketId: bracket.id, text, ...(rationale ? { rationale } : {}) },
      {
        onSuccess: () => {
          form.reset();
          setShown(false);
          notifySuccess(t, t('negotiation.brackets.optionProposed'));
        },
        onError: form.fail,
      },
    );
  };
  return (
    <Stack gap={4} component="section" aria-label={t('negotiation.brackets.proposeOption')}>
      <TextInput label={t('negotiation.brackets.newOption')} {...form.textProps('text')} required size="sm" />
      <TextInput label={t('negotiation.brackets.rationale')} {...form.textProps('rationale')} size="sm" />
      <FormAlert messages={form.general} />
      <ConfirmActions confirm={t('negotiation.brackets.submitOption')} onConfirm={submit} onCancel={() => setShown(false)} loading={propose.isPending} />
    </Stack>
  );
}

/** A chair or rapporteur removes the brackets: one option chosen, or the text agreed as it reads; with a reason. */
function RemoveBracketForm({ documentId, bracket }: { documentId: string; bracket: BracketView }) {
  const { t } = useTranslation();
  const remove = useRemoveBracket(documentId);
  const [shown, setShown] = useState(false);
  const form = useForm({ choice: '', reason: '' }, { aliases: { optionId: 'choice', resolution: 'choice' } });
  const { choice } = form.values;
  const reason = form.values.reason.trim();
  if (!shown)
    return (
      <Button variant="light" size="compact-sm" style={{ alignSelf: 'flex-start' }} onClick={() => setShown(true)}>
        {t('negotiation.brackets.remove')}
      </Button>
    );
  const confirm = () => {
    const next = {
      choice: choice === '' ? t('negotiation.brackets.chooseFirst') : undefined,
      reason: reason === '' ? fieldErrorText(t, 'required') : undefined,
    };
    if (next.choice || next.reason) return form.setErrors(next);
    remove.mutate(
      choice === 'text-agreed'
        ? { bracketId: bracket.id, resolution: 'text-agreed', reason }
        : { bracketId: bracket.id, resolution: 'option-chosen', optionId: choice, reason },
      { onSuccess: () => notifySuccess(t, t('negotiation.brackets.removed')), onError: form.fail },
    );
  };
  return (
    <Paper withBorder p="xs" radius="sm" component="section" aria-label={t('negotiation.brackets.remove')}>
      <Stack gap="xs">
        <Radio.Group label={t('negotiation.brackets.how')} value={choice} onChange={(v) => form.setValue('choice', v)} error={form.errors.choice} required>
          <Stack gap={4} mt={4}>
            {liveOptions(bracket).map((o) => (
              <Radio
                key={o.id}
                value={o.id}
                label={t('negotiation.brackets.chooseOption', { n: optionNumber(bracket, o.id), text: o.text })}
                styles={{ label: { overflowWrap: 'anywhere' } }}
              />
            ))}
            <Radio value="text-agreed" label={t('negotiation.brackets.agreeText', { text: bracket.passage })} />
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('negotiation.brackets.removalReason')}
          {...form.textProps('reason')}
          required
          autosize
          minRows={2}
          size="sm"
        />
        <FormAlert messages={form.general} />
        <ConfirmActions confirm={t('negotiation.brackets.confirmRemove')} onConfirm={confirm} onCancel={() => setShown(false)} loading={remove.isPending} />
      </Stack>
    </Paper>
  );
}

/** One open bracket of the clause: its alternatives, each attributed, and what the reader may do with it. */
function OpenBracket({ documentId, bracket, can }: { documentId: string; bracket: BracketView; can: { proposeOption: boolean; remove: boolean } }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" className="bracket-ledger-entry" data-status="open" data-testid="clause-bracket">
      <Stack gap="xs">
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          [{bracket.passage}]
          {liveOptions(bracket)
            .map((o) => `[${o.text}]`)
            .join('')}
        </Text>
        <Attribution lead={t('negotiation.brackets.askedBy')} who={bracket.requestedBy} at={bracket.requestedAt} why={bracket.reason} />
        <BracketOptionList bracket={bracket} />
        {bracket.start === null ? (
          <Text size="xs" c="orange">
            {t('negotiation.brackets.notInText')}
          </Text>
        ) : null}
        {can.proposeOption ? <ProposeOptionForm documentId={documentId} bracket={bracket} /> : null}
        {/* Streamlining and removal are both the pen holders' (chair or rapporteur: the drafting policy's canEdit). */}
        {can.remove ? <StreamlineOptions documentId={documentId} bracket={bracket} /> : null}
        {can.remove ? <RemoveBracketForm documentId={documentId} bracket={bracket} /> : null}
      </Stack>
    </Paper>
  );
}

/** The open clause's brackets, in the clause panel: each with its options; the forms to bracket, propose and remove. */
export function ClauseBrackets({
  doc,
  clause,
  quote,
  onClearQuote,
}: {
  doc: DocumentResponse;
  clause: ClauseResponse;
  quote: Quote | null;
  onClearQuote: () => void;
}) {
  const { t } = useTranslation();
  const query = useBrackets(doc.id, doc.version.number);
  const list = query.data;
  const here = (list?.brackets ?? []).filter((b) => b.clauseId === clause.id && b.status === 'open');
  const can = { proposeOption: !!list?.can.proposeOption, remove: !!list?.can.remove };
  return (
    <Stack gap="sm">
      {list?.can.open ? <OpenBracketForm key={clause.id} doc={doc} clause={clause} quote={quote} onClearQuote={onClearQuote} /> : null}
      {here.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('negotiation.brackets.none')}
        </Text>
      ) : (
        here.map((b) => <OpenBracket key={b.id} documentId={doc.id} bracket={b} can={can} />)
      )}
      <Anchor component={Link} to={`/documents/${doc.id}/brackets`} size="sm">
        {t('negotiation.brackets.ledgerLink')}
      </Anchor>
    </Stack>
  );
}
