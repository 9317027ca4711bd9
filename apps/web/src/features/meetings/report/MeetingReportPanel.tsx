import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { directionOf, type MeetingView } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LANGUAGES, type Language } from '../../../i18n';
import { readerLanguage } from '../../../i18n/reader-language';
import { useDocument } from '../../documents/useDocuments';
import { adoptedMarkdownUrl } from '../../endorsements/useEndorsements';
import { problemMessage } from '../../../i18n/server-messages';
import { useDraftReport } from '../useMeetings';

/** The report once drafted: where it stands (draft or adopted), a link to it, and its Markdown once adopted. */
function ReportStatus({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const doc = useDocument(documentId, undefined);
  const d = doc.data;
  return (
    <Stack gap="xs">
      {d ? (
        <Text data-testid="report-status" data-status={d.status}>
          <Text span fw={600}>
            {t('meetingReport.status.label')}
          </Text>{' '}
          {t(d.status === 'adopted' ? 'meetingReport.status.adopted' : 'meetingReport.status.drafting')}
        </Text>
      ) : null}
      <Group gap="md" wrap="wrap">
        <Anchor component={Link} to={`/documents/${documentId}`} data-testid="report-link" fw={600}>
          {d?.status === 'adopted' ? t('meetingReport.open') : t('meetingReport.edit')}
        </Anchor>
        {d?.status === 'adopted' && d.adoptedVersion !== null ? (
          <Anchor href={adoptedMarkdownUrl(documentId, d.adoptedVersion)} data-testid="report-markdown">
            {t('meetingReport.markdown')}
          </Anchor>
        ) : null}
      </Group>
      {d?.status !== 'adopted' ? (
        <Text size="sm" c="dimmed">
          {t('meetingReport.explain')}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The report of a meeting on its page (issue #21): drafting it once the meeting closed, then a link to it and where it stands. */
export function MeetingReportPanel({ meeting }: { meeting: MeetingView }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<Language>(readerLanguage(i18n));
  const draft = useDraftReport(meeting.id);
  const documentId = meeting.reportDocumentId ?? draft.data?.documentId ?? null;
  const mayDraft = meeting.status === 'closed' && !documentId && meeting.viewer.runs;
  if (!documentId && !mayDraft) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="meeting-report-title" data-testid="meeting-report">
      <Title order={2} size="h4" id="meeting-report-title" mb="xs">
        {t('meetingReport.title')}
      </Title>
      {documentId ? (
        <Stack gap="xs">
          {draft.isSuccess ? <Text>{t('meetingReport.drafted')}</Text> : null}
          <ReportStatus documentId={documentId} />
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text>{t('meetingReport.draftIntro')}</Text>
          <Stack gap={4}>
            <Text component="span" id="meeting-report-language" size="sm" fw={600}>
              {t('meetingReport.language')}
            </Text>
            <SegmentedControl
              aria-labelledby="meeting-report-language"
              value={language}
              onChange={(v) => setLanguage(v as Language)}
              data={LANGUAGES.map((l) => ({
                value: l,
                label: (
                  <span lang={l} dir={directionOf(l)}>
                    {t(`language.${l}`)}
                  </span>
                ),
              }))}
              style={{ alignSelf: 'flex-start' }}
            />
          </Stack>
          {draft.isError ? (
            <Alert color="red" role="alert">
              {problemMessage(t, draft.error) || t('meetingReport.failed')}
            </Alert>
          ) : null}
          <Button onClick={() => draft.mutate({ language })} loading={draft.isPending} style={{ alignSelf: 'flex-start' }} data-testid="draft-report">
            {t('meetingReport.draft')}
          </Button>
        </Stack>
      )}
    </Paper>
  );
}
