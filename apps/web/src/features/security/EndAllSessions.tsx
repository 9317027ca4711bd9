import { Alert, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/client';
import { fieldErrorMessage, problemMessage } from '../../i18n/server-messages';
import { ConfirmActions } from '../../ui/ConfirmActions';
import { notifySuccess } from '../../ui/notify';
import { useMe } from '../auth/useSession';
import { SessionList } from './SessionList';
import { useEndAllSessions, usePersonSessions } from './useSessions';

/** On a person's page, for stewards only: their live sessions, and ending them all with a reason the public audit log keeps. */
export function EndAllSessions({ personId, name }: { personId: string; name: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const steward = me.data?.isSteward === true;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const sessions = usePersonSessions(personId, steward && open);
  const endAll = useEndAllSessions(personId);
  if (!steward) return null;
  const serverReasonError = isProblem(endAll.error) ? endAll.error.errors.find((e) => e.field === 'reason') : undefined;
  const submit = () => {
    if (!reason.trim()) return setMissing(true);
    endAll.mutate(reason.trim(), {
      onSuccess: (r) => {
        notifySuccess(t, t('security.stewardEnd.done', { count: r.ended, name }));
        setOpen(false);
        setReason('');
      },
    });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="steward-sessions">
      <Title order={2} size="h4" id="steward-sessions" mb="xs">
        {t('security.stewardEnd.title')}
      </Title>
      {open ? (
        <Stack gap="sm">
          {sessions.data && sessions.data.length > 0 ? <SessionList sessions={sessions.data} /> : null}
          {sessions.data?.length === 0 ? <Text>{t('security.stewardEnd.none')}</Text> : null}
          <Text>{t('security.stewardEnd.confirm', { name })}</Text>
          <Textarea
            label={t('security.stewardEnd.reason')}
            description={t('security.stewardEnd.reasonHint')}
            required
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            error={missing ? t('security.stewardEnd.reasonRequired') : serverReasonError ? fieldErrorMessage(t, serverReasonError) : undefined}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissing(false);
            }}
          />
          <ConfirmActions color="red" confirm={t('security.stewardEnd.button')} onConfirm={submit} onCancel={() => setOpen(false)} loading={endAll.isPending} />
          {endAll.isError && !serverReasonError ? (
            <Alert color="red" role="alert">
              {problemMessage(t, endAll.error)}
            </Alert>
          ) : null}
        </Stack>
      ) : (
        <Button variant="outline" color="red" onClick={() => setOpen(true)}>
          {t('security.stewardEnd.button')}
        </Button>
      )}
    </Paper>
  );
}
