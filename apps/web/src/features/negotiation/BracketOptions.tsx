import { Button, Checkbox, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { BracketOptionView, BracketView } from '@parley/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../../i18n/server-messages';
import { ConfirmActions } from '../../ui/ConfirmActions';
import { FormAlert, mapServerErrors } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { Attribution } from './BracketedText';
import { useStreamlineOptions } from './useStreamlining';
import { currentLanguage, intlLocale } from '../../i18n';

/** An option's number as every view shows it: its place among all the bracket's options, merged ones included (stable once proposed). */
export const optionNumber = (bracket: BracketView, optionId: string) => bracket.options.findIndex((o) => o.id === optionId) + 1;

/** The options still live alternatives: not merged into another by streamlining. */
export const liveOptions = (bracket: BracketView): BracketOptionView[] => bracket.options.filter((o) => o.mergedInto === null);

/** "1 and 2" / "1 et 2", in the reader's language. */
function useNumberList() {
  const { i18n } = useTranslation();
  const format = new Intl.ListFormat(intlLocale(currentLanguage(i18n)), { type: 'conjunction' });
  return (ns: number[]) => format.format(ns.map(String));
}

/**
 * Every option of a bracket, numbered, each attributed: one merged by streamlining says which option
 * it went into (and is no longer offered as an alternative); a streamlined option names its sources.
 */
export function BracketOptionList({ bracket }: { bracket: BracketView }) {
  const { t } = useTranslation();
  const list = useNumberList();
  return (
    <>
      {bracket.options.map((o, i) => {
        const sources = bracket.options.filter((s) => s.mergedInto === o.id).map((s) => optionNumber(bracket, s.id));
        return (
          <Stack key={o.id} gap={2} pl="sm" data-testid="bracket-option" data-merged={o.mergedInto ? 'true' : undefined}>
            <Text size="sm" c={o.mergedInto ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
              {t('negotiation.brackets.optionN', { n: i + 1, text: o.text })}
            </Text>
            {o.mergedInto ? (
              <Text size="xs" fw={600} data-testid="option-merged-into">
                {t('negotiation.brackets.mergedInto', { n: optionNumber(bracket, o.mergedInto) })}
              </Text>
            ) : null}
            {sources.length > 0 ? (
              <Text size="xs" fw={600} data-testid="option-sources">
                {t('negotiation.brackets.streamlines', { count: sources.length, list: list(sources) })}
              </Text>
            ) : null}
            <Attribution
              lead={t(sources.length > 0 ? 'negotiation.brackets.streamlinedBy' : 'negotiation.brackets.proposedBy')}
              who={o.proposedBy}
              at={o.proposedAt}
              why={o.rationale}
            />
          </Stack>
        );
      })}
    </>
  );
}

/** A chair or rapporteur merges two or more live options of an open bracket into one, with the merged wording and a rationale. */
export function StreamlineOptions({ documentId, bracket }: { documentId: string; bracket: BracketView }) {
  const { t } = useTranslation();
  const titleId = useId();
  const streamline = useStreamlineOptions(documentId);
  const [shown, setShown] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [rationale, setRationale] = useState('');
  const [errors, setErrors] = useState<{ sourceOptionIds?: string; text?: string; rationale?: string }>({});
  const [general, setGeneral] = useState<string[]>([]);
  const live = liveOptions(bracket);
  if (live.length < 2) return null;
  if (!shown)
    return (
      <Button variant="light" size="compact-sm" style={{ alignSelf: 'flex-start' }} onClick={() => setShown(true)}>
        {t('negotiation.brackets.streamline.start')}
      </Button>
    );
  const cancel = () => {
    setShown(false);
    setErrors({});
    setGeneral([]);
  };
  const confirm = () => {
    setGeneral([]);
    const missing = {
      ...(picked.length < 2 ? { sourceOptionIds: t('negotiation.brackets.streamline.pickTwo') } : {}),
      ...(text.trim() === '' ? { text: fieldErrorText(t, 'required') } : {}),
      ...(rationale.trim() === '' ? { rationale: fieldErrorText(t, 'required') } : {}),
    };
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    // In the order the options were proposed, whatever the order they were ticked in.
    const sources = live.map((o) => o.id).filter((id) => picked.includes(id));
    streamline.mutate(
      { bracketId: bracket.id, sourceOptionIds: sources, text: text.trim(), rationale: rationale.trim() },
      {
        onSuccess: () => {
          setShown(false);
          setPicked([]);
          setText('');
          setRationale('');
          notifySuccess(t, t('negotiation.brackets.streamline.done'));
        },
        onError: (error) => {
          const mapped = mapServerErrors(error, ['sourceOptionIds', 'text', 'rationale'] as const, t);
          setErrors(mapped.fieldErrors);
          setGeneral(mapped.general);
        },
      },
    );
  };
  return (
    <Paper withBorder p="xs" radius="sm" component="section" aria-labelledby={titleId} data-testid="streamline-options">
      <Stack gap="xs">
        <Title order={4} size="h6" id={titleId}>
          {t('negotiation.brackets.streamline.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('negotiation.brackets.streamline.hint')}
        </Text>
        <Checkbox.Group
          label={t('negotiation.brackets.streamline.sources')}
          value={picked}
          onChange={(v) => {
            setPicked(v);
            setErrors((e) => ({ ...e, sourceOptionIds: undefined }));
          }}
          error={errors.sourceOptionIds}
          required
        >
          <Stack gap={4} mt={4}>
            {live.map((o) => (
              <Checkbox
                key={o.id}
                value={o.id}
                data-testid="streamline-option-source"
                styles={{ label: { overflowWrap: 'anywhere' } }}
                label={`${t('negotiation.brackets.optionN', { n: optionNumber(bracket, o.id), text: o.text })} · ${o.proposedBy.snapshot?.organisationName ?? o.proposedBy.name ?? '?'}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea
          label={t('negotiation.brackets.streamline.text')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setErrors((x) => ({ ...x, text: undefined }));
          }}
          error={errors.text}
          required
          autosize
          minRows={2}
          size="sm"
        />
        <Textarea
          label={t('negotiation.brackets.streamline.rationale')}
          description={t('negotiation.brackets.streamline.rationaleHelp')}
          value={rationale}
          onChange={(e) => {
            setRationale(e.currentTarget.value);
            setErrors((x) => ({ ...x, rationale: undefined }));
          }}
          error={errors.rationale}
          required
          autosize
          minRows={2}
          size="sm"
        />
        <FormAlert messages={general} />
        <ConfirmActions confirm={t('negotiation.brackets.streamline.confirm')} onConfirm={confirm} onCancel={cancel} loading={streamline.isPending} />
      </Stack>
    </Paper>
  );
}
