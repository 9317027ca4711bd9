import { Anchor, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { clausesFromPastedText, CLAUSE_KINDS, numberClauses, type ClauseKind } from '@parley/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../../i18n/server-messages';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { FormAlert, mapServerErrors } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { PageTitle } from '../../ui/PageTitle';
import { useCreateDocument } from './useDocuments';
import { MembersOnlyUntilField, membersOnlyInput, PUBLIC_AT_ONCE } from '../procedures/PublicationPanel';
import { directionOf, isUnLanguage, UN_LANGUAGES, type UnLanguage } from '@parley/contracts';
import { languageOption } from './language-versions/language-names';

/**
 * A chair or rapporteur starts a document by pasting its text: one clause per paragraph, numbered
 * paragraphs read as operative clauses. The reading is shown before anything is created, and each
 * clause's kind can be corrected.
 */
export function CreateDocumentPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [original, setOriginal] = useState<UnLanguage>('en');
  const navigate = useNavigate();
  const create = useCreateDocument(id);
  const [title, setTitle] = useState('');
  const [pasted, setPasted] = useState('');
  const [kinds, setKinds] = useState<Record<number, ClauseKind>>({});
  const [errors, setErrors] = useState<{ title?: string; clauses?: string; membersOnlyUntil?: string }>({});
  const [membersOnly, setMembersOnly] = useState(PUBLIC_AT_ONCE);
  const [general, setGeneral] = useState<string[]>([]);
  const parsed = useMemo(() => clausesFromPastedText(pasted), [pasted]);
  const clauses = parsed.map((c, i) => ({ ...c, kind: kinds[i] ?? c.kind }));
  const numbered = numberClauses(clauses.map((c, i) => ({ id: String(i), ...c })));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setGeneral([]);
    const missing = {
      ...(title.trim().length < 3 ? { title: fieldErrorText(t, 'too-short', { minimum: 3 }) } : {}),
      ...(clauses.length === 0 ? { clauses: t('documents.create.noClauses') } : {}),
      ...(membersOnlyInput(membersOnly) ? {} : { membersOnlyUntil: t('publication.required') }),
    };
    if (Object.keys(missing).length) return setErrors(missing);
    create.mutate(
      { title: title.trim(), clauses, originalLanguage: original, ...membersOnlyInput(membersOnly) },
      {
        onSuccess: (doc) => {
          notifySuccess(t, t('documents.create.done'));
          void navigate(`/documents/${doc.id}`);
        },
        onError: (error) => {
          const mapped = mapServerErrors(error, ['title', 'clauses', 'membersOnlyUntil'] as const, t);
          setErrors(mapped.fieldErrors);
          setGeneral(mapped.general);
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Text size="sm" c="dimmed" fw={600} tt="uppercase">
          <Anchor component={Link} to={`/working-groups/${id}`} c="dimmed">
            {t('documents.kicker')}
          </Anchor>
        </Text>
        <PageTitle>{t('documents.create.title')}</PageTitle>
        <Text>{t('documents.create.lead')}</Text>
      </Stack>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('documents.create.docTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
            required
            maxLength={300}
          />
          <Select
            label={t('languageVersions.create.original')}
            description={t('languageVersions.create.originalHelp')}
            data={UN_LANGUAGES.map((l) => ({ value: l, label: languageOption(l, i18n.resolvedLanguage ?? 'en') }))}
            value={original}
            onChange={(v) => isUnLanguage(v) && setOriginal(v)}
            allowDeselect={false}
            w={300}
          />
          <Textarea
            lang={original}
            dir={directionOf(original)}
            label={t('documents.create.paste')}
            description={t('documents.create.pasteHint')}
            value={pasted}
            onChange={(e) => {
              setPasted(e.currentTarget.value);
              setKinds({});
            }}
            error={errors.clauses}
            required
            autosize
            minRows={8}
            maxRows={20}
          />
          {clauses.length > 0 ? (
            <Paper withBorder p="sm" radius="md" component="section" aria-label={t('documents.create.preview')}>
              <Text fw={600} mb="xs">
                {t('documents.create.previewCount', { count: clauses.length })}
              </Text>
              <Stack component="ol" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
                {numbered.slice(0, 300).map((c, i) => (
                  <Group component="li" key={i} gap="sm" wrap="nowrap" align="flex-start">
                    <Select
                      aria-label={t('documents.create.kindOf', { number: i + 1 })}
                      data={CLAUSE_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
                      value={c.kind}
                      onChange={(v) => v && setKinds((k) => ({ ...k, [i]: v as ClauseKind }))}
                      allowDeselect={false}
                      size="xs"
                      w={150}
                    />
                    <Text fw={700} w="2rem" ta="end">
                      {c.label ?? ''}
                    </Text>
                    <Text size="sm" className="clause-text" dir="auto" data-kind={c.kind} style={{ flex: 1 }}>
                      {c.text}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Paper>
          ) : null}
          <MembersOnlyUntilField
            value={membersOnly}
            onChange={(c) => {
              setMembersOnly(c);
              setErrors(({ membersOnlyUntil: _gone, ...rest }) => rest);
            }}
            error={errors.membersOnlyUntil}
          />
          <FormAlert messages={general} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('documents.create.submit')}
            </Button>
            <Button component={Link} to={`/working-groups/${id}`} variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

export default CreateDocumentPage;
