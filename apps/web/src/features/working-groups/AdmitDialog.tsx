import { Alert, Button, List, Modal, Stack, Text } from '@mantine/core';
import type { JoinRequestResponse } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmActions } from '../../ui/ConfirmActions';
import { problemMessage } from '../../i18n/server-messages';
import { notifySuccess } from '../../ui/notify';
import { AdmitObjections, type AdmissionAcknowledgement } from '../procedures/AccreditationPanel';
import { alarmSentence } from './alarm-text';
import { useDecideJoinRequest } from './useWorkingGroups';
import { currentLanguage, intlLocale } from '../../i18n';

/**
 * Admitting someone, after reading what it does: whether their organisation is unverified, and which
 * stakeholder-group or organisation cap their admission breaks (or takes further above), worded as the
 * alarm the group page would show right after.
 */
export function AdmitDialog({ groupId, groupName, request }: { groupId: string; groupName: string; request: JoinRequestResponse }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const decide = useDecideJoinRequest(groupId);
  const [asking, setAsking] = useState(false);
  const [objections, setObjections] = useState<AdmissionAcknowledgement>({ ready: true, body: {} });
  const effect = request.ifAdmitted;
  const name = request.person.name;
  const organisation = request.snapshot.organisationName;
  const flagged = effect ? effect.organisationUnverified || effect.caps.length > 0 : false;
  const close = () => {
    setAsking(false);
    decide.reset();
  };
  return (
    <>
      <Button size="compact-sm" onClick={() => setAsking(true)} aria-label={t('workingGroups.requests.admitNamed', { name })}>
        {t('workingGroups.requests.admit')}
      </Button>
      <Modal opened={asking} onClose={close} title={t('workingGroups.admit.title', { name })} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="sm">
          <Text>{t(request.kind === 'member' ? 'workingGroups.admit.asMember' : 'workingGroups.admit.asObserver', { name, organisation, group: groupName })}</Text>
          {effect?.organisationUnverified ? (
            <Alert color="yellow" variant="light" title={t('workingGroups.admit.unverifiedTitle')} data-testid="admit-unverified">
              {t('workingGroups.admit.unverified', { name, organisation })}
            </Alert>
          ) : null}
          {effect && effect.caps.length > 0 ? (
            <Alert color="yellow" variant="light" title={t('workingGroups.admit.capsTitle', { count: effect.caps.length })} data-testid="admit-caps">
              <List size="sm" spacing={4}>
                {effect.caps.map((c) => (
                  <List.Item key={`${c.alarm.code}-${c.alarm.message}`}>
                    {t(c.alreadyAbove ? 'workingGroups.admit.capAlready' : 'workingGroups.admit.capBroken', { alarm: alarmSentence(t, c.alarm, lng) })}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          {effect && !flagged ? (
            <Text size="sm" c="dimmed" data-testid="admit-clear">
              {t('workingGroups.admit.clear')}
            </Text>
          ) : null}
          {asking ? <AdmitObjections groupId={groupId} requestId={request.id} onChange={setObjections} /> : null}
          {decide.isError ? (
            <Alert color="red" role="alert">
              {problemMessage(t, decide.error)}
            </Alert>
          ) : null}
          <ConfirmActions
            confirm={flagged ? t('workingGroups.admit.confirmAnyway') : t('workingGroups.admit.confirm')}
            onConfirm={() =>
              // The promise, not mutate's callbacks: admitted, the request leaves the list and this dialog unmounts before they would run.
              decide
                .mutateAsync({ requestId: request.id, decision: 'admit', ...objections.body })
                .then(() => {
                  setAsking(false);
                  notifySuccess(t, t('workingGroups.requests.admitted', { name }));
                })
                .catch(() => undefined)
            }
            onCancel={close}
            loading={decide.isPending}
            disabled={!objections.ready}
          />
        </Stack>
      </Modal>
    </>
  );
}
