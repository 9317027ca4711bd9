import { Button, Paper, Stack, Title } from '@mantine/core';
import type { MeetingView } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../ui/notify';
import { useForm } from '../../ui/useForm';
import { DETAILS_ALIASES, detailsBody, detailsValues, MeetingDetailsFields, MeetingFormActions } from './MeetingDetailsFields';
import { useChangeMeeting } from './useMeetings';

function DetailsForm({ m, onDone }: { m: MeetingView; onDone: () => void }) {
  const { t } = useTranslation();
  const change = useChangeMeeting(m.id);
  const form = useForm(detailsValues(m), { aliases: DETAILS_ALIASES });
  const submit = form.onSubmit(async (v) => {
    await change.mutateAsync(detailsBody(v));
    notifySuccess(t, t('meetings.details.saved'));
    onDone();
  });
  return (
    <form ref={form.ref} onSubmit={(e) => void submit(e)} noValidate data-testid="meeting-details-form">
      <Stack gap="sm">
        <MeetingDetailsFields form={form} testIdPrefix="details" />
        <MeetingFormActions general={form.general} submitting={form.submitting} submit={t('meetings.details.save')} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** A chair's or rapporteur's "Edit details": title, times, place, online link and turn limit, until the session closes. */
export function EditMeetingDetails({ m }: { m: MeetingView }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  if (!m.viewer.runs || m.status === 'closed') return null;
  if (!editing)
    return (
      <div>
        <Button variant="default" size="xs" onClick={() => setEditing(true)} data-testid="meeting-edit-details">
          {t('meetings.details.button')}
        </Button>
      </div>
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="meeting-details-heading">
      <Title order={2} size="h4" mb="sm" id="meeting-details-heading">
        {t('meetings.details.heading')}
      </Title>
      <DetailsForm m={m} onDone={() => setEditing(false)} />
    </Paper>
  );
}
