import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { UN_LANGUAGES, type PersonTranslation, type UnLanguage } from '@parley/contracts';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { FormAlert, mapServerErrors } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { useAddTranslation, useReaderLanguage, type TranslatedSubject } from './useWrittenLanguage';
import { WrittenInMark, WrittenText } from './WrittenText';
import { WrittenLanguageSelect } from './WrittenLanguageSelect';

/** The latest translation a participant added into the reader's language (none when the original is in it). */
function translationFor(reader: UnLanguage, original: UnLanguage | null, translations: readonly PersonTranslation[]): PersonTranslation | null {
  if (original === reader) return null;
  return translations.filter((x) => x.language === reader).at(-1) ?? null;
}

/** A participant's translation, always said to be theirs and not official. */
function TranslationShown({ translation }: { translation: PersonTranslation }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={6} radius="sm" data-testid="person-translation" data-language={translation.language}>
      <Group gap={6} wrap="wrap" mb={4}>
        <Text size="xs" c="dimmed">
          {t('writtenLanguage.translation.by', { language: t(`writtenLanguage.languages.${translation.language}`) })}
        </Text>
        <AffiliationBadge name={translation.translator.name ?? '?'} personId={translation.translator.id ?? undefined} affiliation={translation.translator.snapshot} size="xs" />
        <Text size="xs" c="dimmed" fs="italic">
          {t('writtenLanguage.translation.notOfficial')}
        </Text>
      </Group>
      <WrittenText language={translation.language} fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {translation.text}
      </WrittenText>
    </Paper>
  );
}

function AddTranslationForm({ documentId, subject, original, onDone }: { documentId: string; subject: TranslatedSubject; original: UnLanguage | null; onDone: (added: boolean) => void }) {
  const { t } = useTranslation();
  const reader = useReaderLanguage();
  const add = useAddTranslation(documentId);
  const [language, setLanguage] = useState<UnLanguage>(reader !== original ? reader : UN_LANGUAGES.find((l) => l !== original)!);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ language?: string; text?: string }>({});
  const [general, setGeneral] = useState<string[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() === '') return setErrors({ text: fieldErrorText(t, 'required') });
    add.mutate(
      { subject, language, text: text.trim() },
      {
        onSuccess: () => {
          notifySuccess(t, t('writtenLanguage.translation.added'));
          onDone(true);
        },
        onError: (error) => {
          const mapped = mapServerErrors(error, ['language', 'text'] as const, t);
          setErrors(mapped.fieldErrors);
          setGeneral(mapped.general);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('writtenLanguage.translation.formTitle')}>
      <Stack gap={6}>
        <WrittenLanguageSelect label={t('writtenLanguage.translation.language')} value={language} onChange={setLanguage} exclude={original} size="xs" />
        {errors.language ? (
          <Text size="xs" c="red">
            {errors.language}
          </Text>
        ) : null}
        <Textarea
          label={t('writtenLanguage.translation.text')}
          description={t('writtenLanguage.translation.notOfficialHint')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
          lang={language}
          dir="auto"
          required
          autosize
          minRows={2}
          size="xs"
        />
        <FormAlert messages={general} />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={add.isPending}>
            {t('writtenLanguage.translation.submit')}
          </Button>
          <Button size="xs" variant="default" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * What someone wrote (a comment, an amendment's rationale), in the language it was written in, with
 * the translations participants added (decision 0047). When a participant translated it into the
 * reader's language, "Show a participant's translation" puts it beside the original, labelled as
 * theirs and not official. Members may add their own translation.
 */
export function TranslatableText({
  documentId,
  subject,
  language,
  translations,
  canTranslate,
  showMark = true,
  children,
}: {
  documentId: string;
  subject: TranslatedSubject;
  language: UnLanguage | null;
  translations: readonly PersonTranslation[];
  canTranslate: boolean;
  /** Whether to say "Written in …" here (not when the whole it belongs to says it already). */
  showMark?: boolean;
  /** The original, as written. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const reader = useReaderLanguage();
  const [showTranslation, setShowTranslation] = useState(false);
  const [adding, setAdding] = useState(false);
  const translationId = useId();
  const translation = translationFor(reader, language, translations);
  const original = (
    <Stack gap={2}>
      {showMark ? <WrittenInMark language={language} /> : null}
      <WrittenText language={language} fz="sm" style={{ whiteSpace: 'pre-wrap' }} data-original="true">
        {children}
      </WrittenText>
    </Stack>
  );
  // The original always shows: a participant's translation is beside it on request, never in its
  // place (anyone in the group may add one; it must not speak over the author).
  return (
    <Stack gap={4}>
      <SimpleGrid cols={translation && showTranslation ? { base: 1, sm: 2 } : 1} spacing="xs">
        {original}
        {translation && showTranslation ? (
          <div id={translationId}>
            <TranslationShown translation={translation} />
          </div>
        ) : null}
      </SimpleGrid>
      {translation ? (
        <Group gap="xs">
          <Button size="compact-xs" variant="subtle" aria-expanded={showTranslation} aria-controls={translationId} onClick={() => setShowTranslation((s) => !s)}>
            {showTranslation ? t('writtenLanguage.translation.hideTranslation') : t('writtenLanguage.translation.showTranslation')}
          </Button>
        </Group>
      ) : null}
      {canTranslate && !adding ? (
        <Group gap="xs">
          <Button size="compact-xs" variant="subtle" onClick={() => setAdding(true)}>
            {t('writtenLanguage.translation.add')}
          </Button>
        </Group>
      ) : null}
      {adding ? <AddTranslationForm documentId={documentId} subject={subject} original={language} onDone={(added) => { setAdding(false); if (added) setShowTranslation(true); }} /> : null}
    </Stack>
  );
}
