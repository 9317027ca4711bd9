import { Alert, Anchor, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { CommentTemplatePreview, DocumentResponse } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { FormAlert, mapServerErrors } from '../../ui/FormErrors';
import { versionFileUrl } from './ExportMenu';
import { useImportComments, useTemplatePreview } from './useExchange';
import { WordFileInput } from './WordFileInput';
import { toggled } from './toggled';

/** The rows that read as comments, each to confirm, and the cells refused with their row and column. */
function TemplatePreview({
  doc,
  version,
  preview,
  onPosted,
}: {
  doc: DocumentResponse;
  version: number;
  preview: CommentTemplatePreview;
  onPosted: (count: number) => void;
}) {
  const { t } = useTranslation();
  const post = useImportComments(doc.id, version);
  const [chosen, setChosen] = useState(() => new Set(preview.rows.map((r) => r.row)));
  const [general, setGeneral] = useState<string[]>([]);
  const rows = preview.rows.filter((r) => chosen.has(r.row));
  const submit = () => {
    setGeneral([]);
    post.mutate(
      { rows: rows.map(({ row, clauseId, kind, comment, proposedChange }) => ({ row, clauseId, kind, comment, proposedChange })) },
      { onSuccess: (made) => onPosted(made.commentIds.length), onError: (e) => setGeneral(mapServerErrors(e, [] as string[], t).general) },
    );
  };
  return (
    <Stack gap="sm" data-testid="template-preview">
      <Text size="sm" fw={600}>
        {t('exchange.template.as', { organisation: preview.organisation.name })}
      </Text>
      {preview.rows.length === 0 ? (
        <Text size="sm">{t('exchange.template.noRows')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" captionSide="top" data-testid="template-rows">
            <Table.Caption style={{ textAlign: 'start' }}>{t('exchange.template.rowsCaption', { count: preview.rows.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('exchange.template.post')}</Table.Th>
                <Table.Th scope="col">{t('exchange.template.row')}</Table.Th>
                <Table.Th scope="col">{t('exchange.template.columns.clause')}</Table.Th>
                <Table.Th scope="col">{t('exchange.template.columns.type')}</Table.Th>
                <Table.Th scope="col">{t('exchange.template.columns.comment')}</Table.Th>
                <Table.Th scope="col">{t('exchange.template.columns.proposedChange')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((r) => (
                <Table.Tr key={r.row}>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('exchange.template.postRow', { row: r.row })}
                      checked={chosen.has(r.row)}
                      onChange={(e) => setChosen(toggled(chosen, r.row, e.currentTarget.checked))}
                    />
                  </Table.Td>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>{r.clauseRef}</Table.Td>
                  <Table.Td>{t(`documents.commentKinds.${r.kind}`)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.comment}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.proposedChange ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {preview.refused.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" captionSide="top" data-testid="template-refused">
            <Table.Caption style={{ textAlign: 'start' }}>{t('exchange.template.refusedCaption', { count: preview.refused.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('exchange.template.row')}</Table.Th>
                <Table.Th scope="col">{t('exchange.template.column')}</Table.Th>
                <Table.Th scope="col">{t('exchange.template.problem')}</Table.Th>
                <Table.Th scope="col">{t('exchange.template.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.refused.map((r, i) => (
                <Table.Tr key={i} data-row={r.row} data-column={r.column}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>{t(`exchange.template.columns.${r.column}`)}</Table.Td>
                  <Table.Td>{t(`exchange.template.problems.${r.problem}`)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <FormAlert messages={general} />
      {preview.rows.length > 0 ? (
        <Group>
          <Button onClick={submit} loading={post.isPending} disabled={rows.length === 0}>
            {t('exchange.template.submit', { count: rows.length })}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/**
 * The version's commenting template (ISO columns) to download; and, for a member signed in on the
 * current version, a completed template to upload. Only a focal point of an organisation posts its
 * rows (the API refuses anyone else with the reason, shown here).
 */
export function CommentTemplateSection({ doc, version }: { doc: DocumentResponse; version: number }) {
  const { t, i18n } = useTranslation();
  const preview = useTemplatePreview(doc.id, version);
  const [posted, setPosted] = useState<number | null>(null);
  const canUpload = doc.can.comment && version === doc.currentVersion;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="template-title" data-testid="comment-template">
      <Stack gap="sm">
        <Title order={2} size="h4" id="template-title">
          {t('exchange.template.title')}
        </Title>
        <Text size="sm">{t('exchange.template.lead')}</Text>
        <Group>
          <Anchor href={versionFileUrl(doc.id, version, 'comment-template.docx', currentLanguage(i18n))} download fw={600} data-testid="template-download">
            {t('exchange.template.download')}
          </Anchor>
        </Group>
        {canUpload ? (
          <WordFileInput
            label={t('exchange.template.upload')}
            hint={t('exchange.template.uploadHint')}
            reading={preview.isPending}
            error={preview.error}
            testId="template-file"
            onFile={(file) => {
              setPosted(null);
              preview.mutate(file);
            }}
          />
        ) : null}
        {posted !== null ? (
          <Alert color="green" variant="light" role="status" data-testid="template-posted">
            {t('exchange.template.posted', { count: posted })}
          </Alert>
        ) : preview.data ? (
          <TemplatePreview key={preview.submittedAt} doc={doc} version={version} preview={preview.data} onPosted={setPosted} />
        ) : null}
      </Stack>
    </Paper>
  );
}
