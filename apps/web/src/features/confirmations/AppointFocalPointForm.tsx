import { Alert, Button, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import type { OrganisationRosterResponse } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../i18n/server-messages';
import { notifySuccess } from '../../ui/notify';
import { useAffiliationRequests, useAppointFocalPoint } from './useConfirmations';

/**
 * Appoint a focal point: a steward the organisation's first (with a reason), a focal point the
 * next ones. Candidates are people who declared an affiliation to it (awaiting confirmation) or
 * whom it confirmed; the appointment confirms their affiliation.
 */
export function AppointFocalPointForm({ organisationId, roster, asSteward }: { organisationId: string; roster: OrganisationRosterResponse; asSteward: boolean }) {
  const { t } = useTranslation();
  const pending = useAffiliationRequests(true, organisationId);
  const appoint = useAppointFocalPoint(organisationId);
  const [personId, setPersonId] = useState('');
  const [reason, setReason] = useState('');
  const focal = new Set(roster.focalPoints.map((f) => f.person.id));
  const candidates = [
    ...(pending.data ?? []).map((r) => ({ id: r.person.id, label: t('confirmation.org.candidatePending', { name: r.person.name, title: r.title }) })),
    ...roster.confirmedDelegates.filter((d) => !focal.has(d.person.id)).map((d) => ({ id: d.person.id, label: t('confirmation.org.candidateConfirmed', { name: d.person.name, title: d.title }) })),
  ].filter((c, i, all) => all.findIndex((x) => x.id === c.id) === i);
  const selected = personId || candidates[0]?.id || '';
  return (
    <Stack component="section" aria-labelledby="appoint-focal-point" gap="xs">
      <Title order={2} size="h4" id="appoint-focal-point">
        {t('confirmation.org.appointTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {asSteward ? t('confirmation.org.appointHelpSteward') : t('confirmation.org.appointHelp')}
      </Text>
      {candidates.length === 0 ? (
        <Text size="sm">{t('confirmation.org.noCandidates')}</Text>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            appoint.mutateAsync({ personId: selected, reason: reason.trim() || null }).then(() => {
              setReason('');
              notifySuccess(t, t('confirmation.org.appointed'));
            }, () => undefined);
          }}
        >
          <Stack gap="xs" maw={520}>
            <NativeSelect label={t('confirmation.org.appointPerson')} data={candidates.map((c) => ({ value: c.id, label: c.label }))} value={selected} onChange={(e) => setPersonId(e.currentTarget.value)} />
            <Textarea
              label={t('confirmation.reason')}
              description={asSteward ? t('confirmation.stewardHint') : t('common.optional')}
              required={asSteward}
              autosize
              minRows={2}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            {appoint.error ? (
              <Alert color="red" role="alert">
                {problemMessage(t, appoint.error)}
              </Alert>
            ) : null}
            <Button type="submit" loading={appoint.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('confirmation.org.appoint')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
