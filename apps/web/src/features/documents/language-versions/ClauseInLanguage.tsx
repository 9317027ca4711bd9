import { Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { directionOf, type ClauseLanguageView, type UnLanguage } from '@parley/contracts';
import { wordDiff } from '@parley/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../i18n/server-messages';
import { useFormatters } from '../../../ui/useFormatters';
import { notifySuccess } from '../../../ui/notify';
import { DiffText } from '../DiffText';
import { languageName } from './language-names';
import { useSaveTranslation } from './useLanguageVersions';

interface Props {
  documentId: string;
  version: number;
  clauseId: string;
  label: string | null;
  /** The clause's text in the original language now. */
  original: string;
  /** The language the original is written in: the original as translated, and the diff, read in it. */
  originalLanguage: UnLanguage;
  view: ClauseLanguageView;
  canTranslate: boolean;
}

/** What a clause's text in one language is: the original, or a translation by whom and when, outdated, or missing. */
function Mark({ view }: { view: ClauseLanguageView }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (view.state === 'original') return <Badge size="sm" variant="outline" color="blue.9">{t('languageVersions.mark.original')}</Badge>;
  if (view.state === 'missing') return <Badge size="sm" variant="outline" color="gray.8">{t('languageVersions.mark.missing')}</Badge>;
  const by = t('languageVersions.mark.translationBy', {
    name: view.translator?.name ?? '?',
    organisation: view.translator?.snapshot?.organisationName ?? '',
    date: view.translatedAt ? f.date(view.translatedAt) : '',
  });
  return (
    <Group gap={6} wrap="wrap">
      <Text size="xs" c="dimmed" data-testid="translation-by">
        {by}
      </Text>
      {view.state === 'outdated' ? (
        <Badge size="sm" color="#9c3d0a" variant="filled" data-testid="translation-outdated">
          {t('languageVersions.mark.outdated')}
        </Badge>
      ) : null}
    </Group>
  );
}

/**
 * One clause in one language, in its own `lang` and `dir` (Arabic reads right to left on any page),
 * with its mark; a member edits the translation in place, and for an outdated one sees what changed
 * in the original since (as it was translated, as it is now, and the word diff between them).
 */
export function ClauseInLanguage({ documentId, version, clauseId, label, original, originalLanguage, view, canTranslate }: Props) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  const language = view.language as UnLanguage;
  const [editing, setEditing] = useState(false);
  const [showChange, setShowChange] = useState(false);
  const [draft, setDraft] = useState(view.text ?? '');
  const save = useSaveTranslation(documentId, version);
  const dir = directionOf(language);
  const name = languageName(language, lng);
  const submit = () =>
    save
      .mutateAsync({ clauseId, language, text: draft })
      .then(() => {
        notifySuccess(t, t('languageVersions.editor.saved', { language: name }));
        setEditing(false);
      })
      .catch(() => undefined);
  return (
    <Stack gap={6} className="lv-cell" data-language={language} data-state={view.state}>
      {view.text !== null ? (
        <Text component="p" lang={language} dir={dir} className="clause-text lv-text">
          {view.text}
        </Text>
      ) : (
        <Text component="p" size="sm" c="dimmed" fs="italic">
          {t('languageVersions.mark.missingText', { language: name })}
        </Text>
      )}
      <Mark view={view} />
      {view.state === 'outdated' && view.sourceText !== null ? (
        <>
          <Button variant="subtle" size="compact-xs" onClick={() => setShowChange((v) => !v)} aria-expanded={showChange} w="fit-content">
            {t('languageVersions.change.toggle')}
          </Button>
          {showChange ? (
            <Stack gap={4} className="lv-change" data-testid="original-change">
              <Text size="xs" fw={600}>
                {t('languageVersions.change.asTranslated')}
              </Text>
              <Text size="sm" className="clause-text" lang={originalLanguage} dir={directionOf(originalLanguage)} data-testid="original-as-translated">
                {view.sourceText}
              </Text>
              <Text size="xs" fw={600}>
                {t('languageVersions.change.now')}
              </Text>
              <Text size="sm" lang={originalLanguage} dir={directionOf(originalLanguage)} data-testid="original-diff">
                <DiffText parts={wordDiff(view.sourceText, original)} />
              </Text>
            </Stack>
          ) : null}
        </>
      ) : null}
      {canTranslate && view.state !== 'original' ? (
        editing ? (
          <Stack gap={6}>
            <Textarea
              label={t('languageVersions.editor.label', { language: name, label: label ?? '' })}
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              autosize
              minRows={2}
              lang={language}
              dir={dir}
              error={save.isError ? problemMessage(t, save.error) : undefined}
            />
            <Group gap="xs">
              <Button size="xs" onClick={() => void submit()} loading={save.isPending} disabled={draft.trim() === ''}>
                {t('languageVersions.editor.save')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                {t('languageVersions.editor.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Button
            size="compact-xs"
            variant="light"
            w="fit-content"
            onClick={() => {
              setDraft(view.text ?? '');
              save.reset();
              setEditing(true);
            }}
            aria-label={t(view.state === 'missing' ? 'languageVersions.editor.translateLabel' : 'languageVersions.editor.updateLabel', { language: name, label: label ?? '' })}
          >
            {t(view.state === 'missing' ? 'languageVersions.editor.translate' : 'languageVersions.editor.update')}
          </Button>
        )
      ) : null}
    </Stack>
  );
}
