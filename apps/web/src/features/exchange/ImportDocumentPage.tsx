import { Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { DocxImportPreview, ImportDocumentRequest } from '@parley/contracts';
import { clauseReferences } from '@parley/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { fieldErrorText } from '../../i18n/server-messages';
import { FormAlert, mapServerErrors } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { PageTitle } from '../../ui/PageTitle';
import { MembersOnlyUntilField, membersOnlyInput, PUBLIC_AT_ONCE } from '../procedures/PublicationPanel';
import { ImportedClauses, type EditedClause } from './ImportedClauses';
import { ImportedProposals } from './ImportedProposals';
import { ImportWarnings } from './ImportWarnings';
import { RationaleField } from './RationaleField';
import { fileTitle, importedRationale } from './import-rationale';
import { useDocumentImportPreview, useImportDocument } from './useExchange';
import { WordFileInput } from './WordFileInput';

type Errors = Record<string, string | undefined>;

/** The preview the importer confirms: what they corrected and which tracked changes they keep. */
function ImportForm({ groupId, fileName, preview }: { groupId: string; fileName: string; preview: DocxImportPreview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useImportDocument(groupId);
  const [title, setTitle] = useState(preview.title ?? fileTitle(fileName));
  const [clauses, setClauses] = useState<EditedClause[]>(preview.clauses);
  const [kept, setKept] = useState(() => preview.proposals.map((proposal, key) => ({ key, proposal })));
  const [rationale, setRationale] = useState(t('exchange.import.rationaleDefault', { file: fileName }));
  const [membersOnly, setMembersOnly] = useState(PUBLIC_AT_ONCE);
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const references = useMemo(() => [...clauseReferences(clauses.map((c, i) => ({ id: String(i), kind: c.kind }))).values()], [clauses]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setGeneral([]);
    const missing: Errors = {};
    if (title.trim().length < 3) missing.title = fieldErrorText(t, 'too-short', { minimum: 3 });
    clauses.forEach((c, i) => {
      if (!c.text.trim()) missing[`clauses.${i}.text`] = fieldErrorText(t, 'required');
    });
    if (kept.length > 0 && !rationale.trim()) missing.rationale = fieldErrorText(t, 'required');
    if (!membersOnlyInput(membersOnly)) missing.membersOnlyUntil = t('publication.required');
    if (Object.keys(missing).length) return setErrors(missing);
    const body: ImportDocumentRequest = {
      title: title.trim(),
      clauses: clauses.map((c) => ({ kind: c.kind, text: c.text.trim() })),
      amendments: kept.map(({ proposal: { wordAuthor, ...p } }) => ({ ...p, rationale: importedRationale(t, rationale, wordAuthor) })),
      ...membersOnlyInput(membersOnly),
    };
    create.mutate(body, {
      onSuccess: (made) => {
        notifySuccess(t, t('exchange.import.done', { count: made.amendmentIds.length }));
        void navigate(`/documents/${made.documentId}`);
      },
      onError: (error) => {
        const fields = ['title', 'membersOnlyUntil', ...clauses.flatMap((_, i) => [`clauses.${i}.text`, `clauses.${i}.kind`])];
        const mapped = mapServerErrors(error, fields, t);
        setErrors(mapped.fieldErrors);
        setGeneral(mapped.general);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="import-preview">
      <Stack gap="md">
        <ImportWarnings warnings={preview.warnings} />
        <TextInput
          label={t('documents.create.docTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          required
          maxLength={300}
        />
        <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="imported-clauses-title">
          <Title order={2} size="h4" id="imported-clauses-title" mb={4}>
            {t('documents.create.previewCount', { count: clauses.length })}
          </Title>
          <Text size="sm" mb="sm">
            {t('exchange.import.clausesHint')}
          </Text>
          <ImportedClauses
            clauses={clauses}
            references={references}
            errors={errors}
            onChange={(i, change) => setClauses((cs) => cs.map((c, j) => (j === i ? { ...c, ...change } : c)))}
          />
        </Paper>
        <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="imported-proposals-title">
          <Title order={2} size="h4" id="imported-proposals-title" mb={4}>
            {t('exchange.import.proposalsTitle', { count: kept.length })}
          </Title>
          <Text size="sm" mb="sm">
            {t('exchange.import.proposalsHint')}
          </Text>
          <ImportedProposals proposals={kept} clauses={clauses} references={references} onRemove={(key) => setKept((ks) => ks.filter((k) => k.key !== key))} />
          {kept.length > 0 ? <RationaleField value={rationale} onChange={setRationale} error={errors.rationale} /> : null}
        </Paper>
        <MembersOnlyUntilField value={membersOnly} onChange={setMembersOnly} error={errors.membersOnlyUntil} />
        <FormAlert messages={general} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('documents.create.submit')}
          </Button>
          <Button component={Link} to={`/working-groups/${groupId}`} variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * A chair or rapporteur starts a document from a Word file: the file is read (nothing is created),
 * its paragraphs shown as clauses to confirm and correct, its tracked changes as the amendments they
 * will propose on version 1.
 */
export function ImportDocumentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const preview = useDocumentImportPreview(id);
  const [fileName, setFileName] = useState('');
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Text size="sm" c="dimmed" fw={600} tt="uppercase">
          <Anchor component={Link} to={`/working-groups/${id}`} c="dimmed">
            {t('documents.kicker')}
          </Anchor>
        </Text>
        <PageTitle>{t('exchange.import.title')}</PageTitle>
        <Text>{t('exchange.import.lead')}</Text>
      </Stack>
      <WordFileInput
        label={t('exchange.file.label')}
        hint={t('exchange.file.hint')}
        reading={preview.isPending}
        error={preview.error}
        testId="import-file"
        onFile={(file) => {
          setFileName(file.name);
          preview.mutate(file);
        }}
      />
      {/* A new file starts a new preview: the form's corrections belong to the file they were made on. */}
      {preview.data ? <ImportForm key={`${fileName}-${preview.submittedAt}`} groupId={id} fileName={fileName} preview={preview.data} /> : null}
    </Stack>
  );
}

export default ImportDocumentPage;
