import { Alert, Anchor, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import type { WorkingGroupResponse } from '@parley/contracts';
import type { MembershipKind } from '@parley/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { problemMessage, verdictMessage } from '../../i18n/server-messages';
import { FormAlert } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { useForm } from '../../ui/useForm';
import { useFormatters } from '../../ui/useFormatters';
import { ApplicantCirculation } from '../procedures/AccreditationPanel';
import { ReasonAction } from './ReasonAction';
import { rolesInSentence } from './standing-text';
import { useJoinWorkingGroup, useLeaveWorkingGroup, useWithdrawJoinRequest } from './useWorkingGroups';

function JoinForm({ group, onDone }: { group: WorkingGroupResponse; onDone: () => void }) {
  const { t } = useTranslation();
  const join = useJoinWorkingGroup(group.id);
  // Where the group gives a vote only to confirmed affiliations, someone without one joins as an observer.
  const mayVote = group.allowed.joinAsMember === true;
  const form = useForm({ kind: mayVote ? 'member' : 'observer', statement: '' });
  return (
    <form
      ref={form.ref}
      noValidate
      aria-label={t('workingGroups.join.formLabel')}
      onSubmit={form.onSubmit(async (v) => {
        const r = await join.mutateAsync({ kind: v.kind as MembershipKind, statement: v.statement });
        notifySuccess(t, r.status === 'admitted' ? t('workingGroups.join.admitted') : t('workingGroups.join.sent'));
        onDone();
      })}
    >
      <Stack gap="sm">
        <Radio.Group label={t('workingGroups.join.kind')} value={form.values.kind} onChange={(k) => form.setValue('kind', k)} required error={form.errors.kind}>
          <Stack gap={6} mt={6}>
            <Radio value="member" label={t('workingGroups.join.asMember')} disabled={!mayVote} description={mayVote ? undefined : t('confirmation.memberNeedsConfirmation')} />
            <Radio value="observer" label={t('workingGroups.join.asObserver')} />
          </Stack>
        </Radio.Group>
        <Textarea label={t('workingGroups.join.statement')} description={t('workingGroups.join.statementHint')} required autosize minRows={2} {...form.textProps('statement')} />
        <FormAlert messages={form.general} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {group.joinPolicy === 'open' ? t('workingGroups.join.submitOpen') : t('workingGroups.join.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LeaveButton({ group }: { group: WorkingGroupResponse }) {
  const { t } = useTranslation();
  const leave = useLeaveWorkingGroup(group.id);
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <Button variant="subtle" color="red" size="compact-sm" onClick={() => setConfirming(true)}>
        {t('workingGroups.leave.button')}
      </Button>
    );
  return (
    <Stack gap="xs">
      <Text size="sm">{t('workingGroups.leave.confirm')}</Text>
      <Group>
        <Button color="red" size="compact-sm" loading={leave.isPending} onClick={() => leave.mutate({}, { onSuccess: () => notifySuccess(t, t('workingGroups.leave.done')) })}>
          {t('workingGroups.leave.yes')}
        </Button>
        <Button variant="default" size="compact-sm" onClick={() => setConfirming(false)}>
          {t('common.cancel')}
        </Button>
      </Group>
      {leave.isError ? (
        <Alert color="red" role="alert">
          {problemMessage(t, leave.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** The person withdraws their pending request, with an optional note; it stays on the record as withdrawn. */
function WithdrawRequestButton({ group, requestId }: { group: WorkingGroupResponse; requestId: string }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawJoinRequest(group.id);
  return (
    <ReasonAction
      label={t('workingGroups.join.withdraw')}
      title={t('workingGroups.join.withdrawTitle')}
      explain={t('workingGroups.join.withdrawExplain')}
      reasonLabel={t('workingGroups.join.withdrawNote')}
      reasonRequired={false}
      confirmLabel={t('workingGroups.join.withdrawConfirm')}
      act={withdraw}
      doneMessage={t('workingGroups.join.withdrawn')}
      onConfirm={(note) => withdraw.mutateAsync({ requestId, note })}
    />
  );
}

/** Where the reader stands in this group, and the way in (join) or out (leave, or withdraw a pending request). */
export function JoinPanel({ group }: { group: WorkingGroupResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [open, setOpen] = useState(false);
  const v = group.viewer;

  let body;
  if (!v) {
    body = (
      <Text size="sm">
        <Anchor component={Link} to="/login">
          {t('workingGroups.join.logIn')}
        </Anchor>
      </Text>
    );
  } else if (v.membership) {
    body = (
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" data-testid="my-standing">
          {t('workingGroups.join.youAre', { roles: rolesInSentence(t, { kind: v.membership.kind, chair: v.chair, rapporteur: v.membership.rapporteur }) })}
          {v.convener ? ` ${t('workingGroups.join.youConvene')}` : ''}
        </Text>
        <LeaveButton group={group} />
      </Group>
    );
  } else if (v.pendingRequest) {
    body = (
      <>
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" data-testid="my-standing">
            {t('workingGroups.join.pending', { kind: rolesInSentence(t, { kind: v.pendingRequest.kind }), date: f.date(v.pendingRequest.requestedAt) })}
          </Text>
          <WithdrawRequestButton group={group} requestId={v.pendingRequest.id} />
        </Group>
        <ApplicantCirculation groupId={group.id} requestId={v.pendingRequest.id} />
      </>
    );
  } else if (group.allowed.join === true) {
    body = open ? (
      <JoinForm group={group} onDone={() => setOpen(false)} />
    ) : (
      <Group gap="sm" wrap="wrap">
        <Button onClick={() => setOpen(true)}>{t('workingGroups.join.button')}</Button>
        <Text size="sm" c="dimmed">
          {t(`workingGroups.join.${group.joinPolicy === 'non-objection' ? 'nonObjectionHint' : group.joinPolicy === 'open' ? 'openHint' : 'approvalHint'}`)}
        </Text>
      </Group>
    );
  } else {
    body = (
      <Alert color="gray" variant="light">
        {verdictMessage(t, group.allowed.join)}
        {!v.canAct ? (
          <>
            {' '}
            <Anchor component={Link} to="/me">
              {t('workingGroups.join.toProfile')}
            </Anchor>
          </>
        ) : null}
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="wg-participation">
      <Title order={2} size="h4" id="wg-participation" mb="xs">
        {t('workingGroups.join.title')}
      </Title>
      {body}
    </Paper>
  );
}
