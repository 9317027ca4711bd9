import { Alert, Button, Group, List, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ConsolidationPreviewResponse, DocumentResponse } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmActions } from '../../ui/ConfirmActions';
import { useSearchParams } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { fieldErrorMessage, fieldErrorText, problemMessage } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { notifySuccess } from '../../ui/notify';
import { PageLoader } from '../../ui/PageLoader';
import { QueryError } from '../../ui/QueryError';
import { ClauseChangeList } from './ClauseChangeList';
import { ReopensAgreedLanguage } from '../agreed-language/ReopensAgreedLanguage';
import { uniquePedigrees } from '../agreed-language/pedigree';
import { useConsolidate, useConsolidationPreview } from './useDocuments';
import { BracketChoicesPreview } from '../negotiation/BracketChoicesPreview';
import { MembersOnlyUntilField, membersOnlyInput, PUBLIC_AT_ONCE } from '../procedures/PublicationPanel';
import { currentLanguage, intlLocale } from '../../i18n';


/** The text the consolidation would create: each clause it changes, as a word diff against the current version, and the amendments it applies. */
function Preview({ preview }: { preview: ConsolidationPreviewResponse }) {
  const { t } = useTranslation();
  const c = preview.comparison;
  const rows = c.clauses.filter((r) => r.status !== 'unchanged');
  return (
    <Stack gap="sm" data-testid="consolidation-preview">
      {/* A consolidation for chosen bracket options alone applies no amendment: its choices are listed below (BracketChoicesPreview). */}
      {preview.applied.length > 0 || !preview.report.bracketChoices?.applied.length ? (
        <Title order={3} size="h5">
          {t('documents.consolidate.applies', { count: preview.applied.length })}
        </Title>
      ) : null}
      <List size="sm" spacing={4}>
        {preview.applied.map((a) => {
          const where = a.clauseLabel ? t('documents.amendments.clause', { label: a.clauseLabel }) : a.kind === 'insert' ? t('documents.amendments.atStart') : t('documents.amendments.unnumbered');
          return (
            <List.Item key={a.amendmentId}>
              <Text size="sm" span>
                {t(a.kind === 'replace' ? 'documents.amendments.replaces' : a.kind === 'delete' ? 'documents.amendments.deletes' : 'documents.amendments.insertsAfter', { where })}
              </Text>{' '}
              <AffiliationBadge name={a.author.name ?? '?'} personId={a.author.id ?? undefined} affiliation={a.author.snapshot} size="xs" />
            </List.Item>
          );
        })}
      </List>
      {preview.report.notApplied.length > 0 ? (
        <Alert color="yellow" variant="light">
          {t('documents.consolidate.notApplied', { count: preview.report.notApplied.length })}
        </Alert>
      ) : null}
      <Title order={3} size="h5">
        {t('documents.consolidate.changes', { from: c.from, to: c.to })}
      </Title>
      <ReopensAgreedLanguage pedigrees={uniquePedigrees(c.reopensAgreedLanguage.map((r) => r.pedigree))} />
      <ClauseChangeList rows={rows} reopens={c.reopensAgreedLanguage} />
    </Stack>
  );
}

/** Consolidating the next version: the chair or rapporteur sees the resulting text first, and writes the version's note. */
export function Consolidate({ doc }: { doc: DocumentResponse }) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [membersOnly, setMembersOnly] = useState(PUBLIC_AT_ONCE);
  const [membersOnlyError, setMembersOnlyError] = useState<string | undefined>();
  const preview = useConsolidationPreview(doc.id, asking);
  const consolidate = useConsolidate(doc.id);
  const next = doc.currentVersion + 1;
  const serverNoteError = isProblem(consolidate.error) ? consolidate.error.errors.find((e) => e.field === 'note') : undefined;
  const serverUntilError = isProblem(consolidate.error) ? consolidate.error.errors.find((e) => e.field === 'membersOnlyUntil') : undefined;
  const close = () => {
    setAsking(false);
    consolidate.reset();
  };
  const submit = () => {
    if (!note.trim()) return setNoteError(fieldErrorText(t, 'required'));
    const publication = membersOnlyInput(membersOnly);
    if (!publication) return setMembersOnlyError(t('publication.required'));
    // The promise, not mutate's callbacks: once consolidated nothing waits, and this dialog unmounts before they would run.
    consolidate
      .mutateAsync({ note: note.trim(), ...publication })
      .then((created) => {
        notifySuccess(t, t('documents.consolidate.done', { number: created.currentVersion }));
        setAsking(false);
        setNote('');
        setParams({});
      })
      .catch(() => undefined);
  };
  return (
    <Stack gap={4}>
      <Button variant="light" onClick={() => setAsking(true)}>
        {t('documents.consolidate.button', { number: next })}
      </Button>
      {/* Mounted for chosen bracket options alone too (BracketSummary): then no amendment waits, and that is not worth saying. */}
      {doc.version.acceptedWaiting > 0 ? (
        <Text size="xs" c="dimmed">
          {t('documents.consolidate.waiting', { count: doc.version.acceptedWaiting })}
        </Text>
      ) : null}
      <Modal opened={asking} onClose={close} title={t('documents.consolidate.title', { number: next })} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="sm">
          <Text size="sm">{t('documents.consolidate.explain', { number: next, current: doc.currentVersion })}</Text>
          {preview.isError ? <QueryError error={preview.error} onRetry={() => void preview.refetch()} /> : null}
          {preview.data ? <Preview preview={preview.data} /> : preview.isPending ? <PageLoader /> : null}
          {preview.data ? <BracketChoicesPreview documentId={doc.id} report={preview.data.report} /> : null}
          <Textarea
            label={t('documents.consolidate.note')}
            description={t('documents.consolidate.noteHint')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            error={noteError ?? (serverNoteError ? fieldErrorMessage(t, serverNoteError) : undefined)}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setNoteError(undefined);
            }}
          />
          <MembersOnlyUntilField
            value={membersOnly}
            onChange={(c) => {
              setMembersOnly(c);
              setMembersOnlyError(undefined);
            }}
            error={membersOnlyError ?? (serverUntilError ? fieldErrorMessage(t, serverUntilError) : undefined)}
          />
          {consolidate.isError && !serverNoteError && !serverUntilError ? (
            <Alert color="red" variant="light" role="alert">
              {problemMessage(t, consolidate.error)}
            </Alert>
          ) : null}
          <ConfirmActions
            confirm={t('documents.consolidate.create', { number: next })}
            onConfirm={submit}
            onCancel={close}
            loading={consolidate.isPending}
            disabled={!preview.data}
          />
        </Stack>
      </Modal>
    </Stack>
  );
}

/** The note its maker wrote when consolidating a version, with who and when. */
export function VersionNote({ doc }: { doc: DocumentResponse }) {
  const { t, i18n } = useTranslation();
  const v = doc.version;
  if (!v.note) return null;
  const date = new Intl.DateTimeFormat(intlLocale(currentLanguage(i18n)), { dateStyle: 'long' }).format(new Date(v.createdAt));
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="version-note-title" data-testid="version-note">
      <Group gap={6} wrap="wrap" mb={4}>
        <Text size="sm" fw={600} id="version-note-title">
          {t('documents.version.noteBy', { number: v.number, date })}
        </Text>
        <AffiliationBadge name={v.createdBy.name ?? '?'} personId={v.createdBy.id ?? undefined} affiliation={v.createdBy.snapshot} size="xs" />
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {v.note}
      </Text>
    </Paper>
  );
}
