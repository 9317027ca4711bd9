import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { JoinRequestResponse, WorkingGroupResponse } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorText, problemMessage } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { notifySuccess } from '../../ui/notify';
import { useFormatters } from '../../ui/useFormatters';
import { AdmitDialog } from './AdmitDialog';
import { RoleBadge } from './badges';
import { useDecideJoinRequest } from './useWorkingGroups';

function RequestRow({ groupId, groupName, request }: { groupId: string; groupName: string; request: JoinRequestResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const decide = useDecideJoinRequest(groupId);
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const headingId = `request-${request.id}`;
  return (
    <Paper withBorder p="sm" component="li" aria-labelledby={headingId} data-testid="join-request" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap" id={headingId}>
          <AffiliationBadge name={request.person.name} personId={request.person.id} affiliation={request.snapshot} withTitle />
          <RoleBadge label={t(`workingGroups.roles.${request.kind}`)} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('workingGroups.requests.asked', { date: f.date(request.requestedAt) })}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          “{request.statement}”
        </Text>
        {refusing ? (
          <Stack gap="xs">
            <Textarea
              label={t('workingGroups.requests.reason')}
              description={t('workingGroups.requests.reasonHint')}
              required
              autosize
              minRows={2}
              value={reason}
              error={reasonError}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setReasonError(undefined);
              }}
            />
            <Group>
              <Button
                color="red"
                size="compact-sm"
                loading={decide.isPending}
                onClick={() => {
                  if (!reason.trim()) return setReasonError(fieldErrorText(t, 'required'));
                  decide.mutate({ requestId: request.id, decision: 'refuse', reason: reason.trim() }, { onSuccess: () => notifySuccess(t, t('workingGroups.requests.refused', { name: request.person.name })) });
                }}
              >
                {t('workingGroups.requests.confirmRefuse')}
              </Button>
              <Button variant="default" size="compact-sm" onClick={() => setRefusing(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group gap="sm">
            <AdmitDialog groupId={groupId} groupName={groupName} request={request} />
            <Button variant="outline" color="red" size="compact-sm" onClick={() => setRefusing(true)} aria-label={t('workingGroups.requests.refuseNamed', { name: request.person.name })}>
              {t('workingGroups.requests.refuse')}
            </Button>
          </Group>
        )}
        {decide.isError ? (
          <Alert color="red" role="alert">
            {problemMessage(t, decide.error)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Pending join requests, shown to those who decide them (a chair, or the convener before any chair is confirmed). */
export function PendingRequests({ group }: { group: WorkingGroupResponse }) {
  const { t } = useTranslation();
  if (group.pendingRequests === null) return null;
  return (
    <Stack component="section" aria-labelledby="wg-requests" gap="sm">
      <Title order={2} size="h3" id="wg-requests">
        {t('workingGroups.requests.title', { count: group.pendingRequests.length })}
      </Title>
      {group.pendingRequests.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('workingGroups.requests.none')}
        </Text>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0}>
          {group.pendingRequests.map((r) => (
            <RequestRow key={r.id} groupId={group.id} groupName={group.name} request={r} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
