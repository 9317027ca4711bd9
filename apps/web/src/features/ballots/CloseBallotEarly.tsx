import { Alert, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { BallotResponse } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmActions } from '../../ui/ConfirmActions';
import { isProblem } from '../../api/client';
import { fieldErrorMessage, fieldErrorText, problemMessage } from '../../i18n/server-messages';
import { notifySuccess } from '../../ui/notify';
import { useCloseBallot } from './useBallot';

/** A chair closes the ballot before its time: they confirm, and say why (the reason is recorded and shown on the ballot). */
export function CloseBallotEarly({ ballot }: { ballot: BallotResponse }) {
  const { t } = useTranslation();
  const close = useCloseBallot(ballot.id);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  if (ballot.status !== 'open' || ballot.can.close !== true) return null;
  const serverReasonError = isProblem(close.error) ? close.error.errors.find((e) => e.field === 'reason') : undefined;
  const submit = () => {
    if (!reason.trim()) return setReasonError(fieldErrorText(t, 'reason-for-closing-early'));
    close.mutate({ reason: reason.trim() }, { onSuccess: () => notifySuccess(t, t('ballots.close.done')) });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="close-title">
      <Title order={2} size="h4" id="close-title" mb="xs">
        {t('ballots.close.title')}
      </Title>
      {confirming ? (
        <Stack gap="sm">
          <Text>{t('ballots.close.confirm')}</Text>
          <Textarea
            label={t('ballots.close.reason')}
            description={t('ballots.close.reasonHint')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            error={reasonError ?? (serverReasonError ? fieldErrorMessage(t, serverReasonError) : undefined)}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setReasonError(undefined);
            }}
          />
          <ConfirmActions color="red" confirm={t('ballots.close.yes')} onConfirm={submit} onCancel={() => setConfirming(false)} loading={close.isPending} />
          {close.isError && !serverReasonError ? (
            <Alert color="red" role="alert">
              {problemMessage(t, close.error)}
            </Alert>
          ) : null}
        </Stack>
      ) : (
        <Button variant="outline" color="red" onClick={() => setConfirming(true)}>
          {t('ballots.close.button')}
        </Button>
      )}
    </Paper>
  );
}
