import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ClauseResponse, CreateAmendmentRequest, DocumentResponse, VersionImportPreview, VersionProposalView } from '@parley/contracts';
import { clauseReferences, wordDiff } from '@parley/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { fieldErrorText } from '../../i18n/server-messages';
import { FormAlert, mapServerErrors } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { PageLoader } from '../../ui/PageLoader';
import { QueryError } from '../../ui/QueryError';
import { DiffText } from '../documents/DiffText';
import { DocumentHeader } from '../documents/DocumentChrome';
import { DocumentNotFound } from '../documents/DocumentNotFound';
import { useDocument } from '../documents/useDocuments';
import { ImportWarnings } from './ImportWarnings';
import { RationaleField } from './RationaleField';
import { toggled } from './toggled';
import { importedRationale } from './import-rationale';
import { proposalSentence, type ProposalShape } from './proposal-sentence';
import { useImportAmendments, useVersionImportPreview } from './useExchange';
import { WordFileInput } from './WordFileInput';

/** A proposal by the names of its clauses in the current version. */
const shape = (p: VersionProposalView, refs: Map<string, string>): ProposalShape =>
  p.kind === 'insert'
    ? { kind: 'insert', after: p.afterClauseId === null ? null : (refs.get(p.afterClauseId) ?? '?'), clauseKind: p.clauseKind }
    : { kind: p.kind, clause: refs.get(p.targetClauseId) ?? '?' };

/** The proposal as the amendment request it becomes, written against the version the file was matched to. */
function asAmendment(p: VersionProposalView, baseVersion: number, rationale: string): CreateAmendmentRequest {
  switch (p.kind) {
    case 'replace':
      return { kind: 'replace', baseVersion, targetClauseId: p.targetClauseId, text: p.text, rationale };
    case 'delete':
      return { kind: 'delete', baseVersion, targetClauseId: p.targetClauseId, rationale };
    case 'insert':
      return { kind: 'insert', baseVersion, afterClauseId: p.afterClauseId, clauseKind: p.clauseKind, text: p.text, rationale };
  }
}

function ProposalChoices({ doc, fileName, preview }: { doc: DocumentResponse; fileName: string; preview: VersionImportPreview }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const propose = useImportAmendments(doc.id);
  const [chosen, setChosen] = useState(() => new Set(preview.proposals.map((_, i) => i)));
  const [rationale, setRationale] = useState(t('exchange.import.rationaleDefault', { file: fileName }));
  const [error, setError] = useState<string | undefined>();
  const [general, setGeneral] = useState<string[]>([]);
  const byId = useMemo(() => new Map<string, ClauseResponse>(doc.version.clauses.map((c) => [c.id, c])), [doc]);
  const refs = useMemo(() => clauseReferences(doc.version.clauses), [doc]);
  const count = chosen.size;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setGeneral([]);
    if (!rationale.trim()) return setError(fieldErrorText(t, 'required'));
    const amendments = preview.proposals
      .filter((_, i) => chosen.has(i))
      .map((p) => asAmendment(p, preview.basedOn, importedRationale(t, rationale, p.wordAuthor)));
    propose.mutate(
      { amendments },
      {
        onSuccess: (made) => {
          notifySuccess(t, t('exchange.amendments.done', { count: made.amendmentIds.length }));
          void navigate(`/documents/${doc.id}`);
        },
        onError: (err) => setGeneral(mapServerErrors(err, [] as string[], t).general),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="version-import-preview">
      <Stack gap="md">
        <ImportWarnings warnings={preview.warnings} />
        <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="word-proposals-title">
          <Title order={2} size="h4" id="word-proposals-title" mb={4}>
            {t('exchange.amendments.found', { count: preview.proposals.length, number: preview.basedOn })}
          </Title>
          {preview.proposals.length === 0 ? <Text size="sm">{t('exchange.amendments.nothing')}</Text> : null}
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
            {preview.proposals.map((p, i) => {
              const label = proposalSentence(t, shape(p, refs));
              const before = p.kind === 'insert' ? '' : (byId.get(p.targetClauseId)?.text ?? '');
              const after = p.kind === 'delete' ? '' : p.text;
              return (
                <Paper component="li" key={i} withBorder p="sm" radius="md" data-tracked={p.tracked}>
                  <Checkbox
                    checked={chosen.has(i)}
                    onChange={(e) => setChosen(toggled(chosen, i, e.currentTarget.checked))}
                    label={
                      <Group gap="xs" wrap="wrap" component="span">
                        <Text component="span" size="sm" fw={600}>
                          {label}
                        </Text>
                        {p.tracked ? null : (
                          <Badge component="span" color="orange.9" variant="light" data-testid="untracked">
                            {t('exchange.amendments.untracked')}
                          </Badge>
                        )}
                      </Group>
                    }
                  />
                  <Stack gap={4} mt={6} ps={32}>
                    <Text size="sm" component="div">
                      <DiffText parts={wordDiff(before, after)} />
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.tracked
                        ? p.wordAuthor
                          ? t('exchange.proposal.wordAuthor', { author: p.wordAuthor })
                          : t('exchange.amendments.trackedNoAuthor')
                        : t('exchange.amendments.untrackedHint')}
                    </Text>
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
        </Paper>
        {preview.proposals.length > 0 ? (
          <RationaleField
            value={rationale}
            onChange={(v) => {
              setRationale(v);
              setError(undefined);
            }}
            error={error}
          />
        ) : null}
        <FormAlert messages={general} />
        <Group>
          <Button type="submit" loading={propose.isPending} disabled={count === 0}>
            {t('exchange.amendments.submit', { count })}
          </Button>
          <Button component={Link} to={`/documents/${doc.id}`} variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A delegation reads its tracked changes from a Word file of the current version and proposes them together. */
export function ProposeFromWordPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const doc = useDocument(id, undefined);
  const preview = useVersionImportPreview(id);
  const [fileName, setFileName] = useState('');
  if (doc.isPending) return <PageLoader />;
  if (doc.isError) {
    if (isProblem(doc.error) && (doc.error.status === 404 || doc.error.status === 400))
      return <DocumentNotFound title={t('exchange.amendments.title')} message={t('documents.notFound')} />;
    return <QueryError error={doc.error} onRetry={() => void doc.refetch()} />;
  }
  const d = doc.data;
  return (
    <Stack gap="lg">
      <DocumentHeader doc={d} title={t('exchange.amendments.title')} />
      <Text>{t('exchange.amendments.lead', { number: d.currentVersion })}</Text>
      <WordFileInput
        label={t('exchange.file.label')}
        hint={t('exchange.file.hint')}
        reading={preview.isPending}
        error={preview.error}
        testId="amendments-file"
        onFile={(file) => {
          setFileName(file.name);
          preview.mutate(file);
        }}
      />
      {preview.data ? <ProposalChoices key={`${fileName}-${preview.submittedAt}`} doc={d} fileName={fileName} preview={preview.data} /> : null}
    </Stack>
  );
}

export default ProposeFromWordPage;
