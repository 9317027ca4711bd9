import { Alert, Badge, Button, Checkbox, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { directionOf, isUnLanguage, UN_LANGUAGES, type DocumentResponse, type LanguageVersionsResponse, type UnLanguage } from '@parley/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { problemMessage } from '../../../i18n/server-messages';
import { notifySuccess } from '../../../ui/notify';
import { QueryError } from '../../../ui/QueryError';
import { ClauseInLanguage } from './ClauseInLanguage';
import { languageName, languageOption } from './language-names';
import { useLanguageVersions, useSetAuthenticLanguages, useSetOriginalLanguage } from './useLanguageVersions';
import './language-versions.css';

const param = (v: string | null): UnLanguage | null => (isUnLanguage(v) ? v : null);

/**
 * The text's languages on the document page (decision 0045): the reader chooses the language of the
 * text (`?text=fr`) and, to read two side by side, a second one (`?beside=ar`), both remembered in
 * the address. In the original alone the usual clause list (`children`) shows; otherwise the clauses
 * are read aligned, each marked original, translation by whom and when, outdated or missing.
 */
export function LanguageReader({ doc, children }: { doc: DocumentResponse; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  const [params, setParams] = useSearchParams();
  const text = param(params.get('text'));
  const beside = param(params.get('beside'));
  const version = doc.version.number;
  const asked = [...new Set([text, beside].filter((l): l is UnLanguage => l !== null))];
  const query = useLanguageVersions(doc.id, version, asked);
  const data = query.data;
  const original = data?.originalLanguage ?? 'en';
  const reading = text ?? original;
  const aligned = data !== undefined && (reading !== original || beside !== null);
  const set = (key: 'text' | 'beside', value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value === null || (key === 'text' && value === original)) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  const options = UN_LANGUAGES.map((l) => ({ value: l, label: languageOption(l, lng) }));
  // How far each translation read lags behind the original.
  const counts = data?.languages.filter((l) => !l.original && (l.language === reading || l.language === beside)) ?? [];

  return (
    <Stack gap="sm">
      <Paper withBorder p="sm" radius="md" component="section" aria-label={t('languageVersions.title')} data-testid="language-bar">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t('languageVersions.readIn')}
            data={options}
            value={reading}
            onChange={(v) => set('text', v)}
            allowDeselect={false}
            w={240}
            data-testid="text-language"
          />
          <Select
            label={t('languageVersions.beside')}
            data={[{ value: '', label: t('languageVersions.besideNone') }, ...options.filter((o) => o.value !== reading)]}
            value={beside ?? ''}
            onChange={(v) => set('beside', v ? v : null)}
            allowDeselect={false}
            w={240}
            data-testid="beside-language"
          />
          {data ? (
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('languageVersions.originalIs', { language: languageName(original, lng) })}
              </Text>
              {counts.map((c) => (
                <Text key={c.language} size="xs" data-testid="language-counts">
                  {t('languageVersions.counts', { language: languageName(c.language, lng), current: c.current, outdated: c.outdated, missing: c.missing })}
                </Text>
              ))}
              {data.authenticLanguages.length > 0 ? (
                <Group gap={4}>
                  <Text size="xs" c="dimmed">
                    {t('languageVersions.authenticAre')}
                  </Text>
                  {data.languages
                    .filter((l) => l.authentic)
                    .map((l) => (
                      <Badge key={l.language} size="sm" variant="filled" color={l.original || (l.outdated === 0 && l.missing === 0) ? 'teal.9' : '#9c3d0a'}>
                        <span lang={l.language}>{languageOption(l.language, lng)}</span>
                      </Badge>
                    ))}
                </Group>
              ) : null}
            </Stack>
          ) : null}
        </Group>
        {data && (data.can.setAuthenticLanguages || data.can.setOriginalLanguage) ? <LanguageSettings doc={doc} data={data} /> : null}
      </Paper>
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {aligned ? <AlignedText doc={doc} data={data} languages={beside ? [reading, beside] : [reading]} /> : children}
    </Stack>
  );
}

/** The clauses in one or two languages, aligned clause by clause: two columns on a wide screen, one above the other on a phone. */
function AlignedText({ doc, data, languages }: { doc: DocumentResponse; data: LanguageVersionsResponse; languages: UnLanguage[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  return (
    <section aria-label={t('languageVersions.alignedLabel', { languages: languages.map((l) => languageName(l, lng)).join(', ') })}>
      <div className="lv-grid" data-columns={languages.length} data-testid="aligned-text">
        <div className="lv-head" aria-hidden="true">
          {languages.map((l) => (
            <Title key={l} order={3} size="h5" lang={l} dir={directionOf(l)}>
              {languageOption(l, lng)}
            </Title>
          ))}
        </div>
        <ol className="lv-rows">
          {data.clauses.map((c) => (
            <li key={c.clauseId} className="lv-row" data-clause-id={c.clauseId}>
              {c.label ? (
                <Text size="sm" fw={700} className="lv-label">
                  {c.label}
                </Text>
              ) : null}
              <div className="lv-cells">
                {languages.map((l) => {
                  // The original is in every answer as `original`; it is asked for by name only when it is not the reader's default.
                  const view =
                    c.languages.find((x) => x.language === l) ??
                    (l === data.originalLanguage ? { language: l, state: 'original' as const, text: c.original, sourceText: null, translator: null, translatedAt: null, madeOnVersion: null } : undefined);
                  return view ? (
                    <div key={l} className="lv-column" data-testid={`column-${l}`} role="group" aria-label={languageName(l, lng)}>
                      <Text size="xs" c="dimmed" className="lv-column-name" aria-hidden="true">
                        {languageOption(l, lng)}
                      </Text>
                      <ClauseInLanguage documentId={doc.id} version={data.version} clauseId={c.clauseId} label={c.label} original={c.original} originalLanguage={data.originalLanguage} view={view} canTranslate={data.can.translate} />
                    </div>
                  ) : null;
                })}
              </div>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

/** The chair's settings: the document's original language (while it has one version) and the group's authentic languages. */
function LanguageSettings({ doc, data }: { doc: DocumentResponse; data: LanguageVersionsResponse }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  const [open, setOpen] = useState(false);
  const [authentic, setAuthentic] = useState<string[]>(data.authenticLanguages);
  const setOriginal = useSetOriginalLanguage(doc.id);
  const setLanguages = useSetAuthenticLanguages(doc.id, doc.workingGroup.id);
  return (
    <Stack gap="xs" mt="sm">
      <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => setOpen((v) => !v)} aria-expanded={open}>
        {t('languageVersions.settings.toggle')}
      </Button>
      {open ? (
        <Stack gap="sm">
          {data.can.setOriginalLanguage ? (
            <Select
              label={t('languageVersions.settings.original')}
              description={t('languageVersions.settings.originalHelp')}
              data={UN_LANGUAGES.map((l) => ({ value: l, label: languageOption(l, lng) }))}
              value={data.originalLanguage}
              allowDeselect={false}
              w={300}
              onChange={(v) =>
                isUnLanguage(v) &&
                void setOriginal
                  .mutateAsync(v)
                  .then(() => notifySuccess(t, t('languageVersions.settings.originalSaved')))
                  .catch(() => undefined)
              }
            />
          ) : null}
          {setOriginal.isError ? (
            <Alert color="red" variant="light" role="alert">
              {problemMessage(t, setOriginal.error)}
            </Alert>
          ) : null}
          {data.can.setAuthenticLanguages ? (
            <Checkbox.Group label={t('languageVersions.settings.authentic')} description={t('languageVersions.settings.authenticHelp')} value={authentic} onChange={setAuthentic}>
              <Group gap="md" mt={6}>
                {UN_LANGUAGES.map((l) => (
                  <Checkbox key={l} value={l} label={languageOption(l, lng)} />
                ))}
              </Group>
            </Checkbox.Group>
          ) : null}
          {data.can.setAuthenticLanguages ? (
            <Button
              size="xs"
              w="fit-content"
              loading={setLanguages.isPending}
              onClick={() =>
                void setLanguages
                  .mutateAsync({ languages: authentic.filter(isUnLanguage) })
                  .then(() => notifySuccess(t, t('languageVersions.settings.authenticSaved')))
                  .catch(() => undefined)
              }
            >
              {t('languageVersions.settings.save')}
            </Button>
          ) : null}
          {setLanguages.isError ? (
            <Alert color="red" variant="light" role="alert">
              {problemMessage(t, setLanguages.error)}
            </Alert>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
