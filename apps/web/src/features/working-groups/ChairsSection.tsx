import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ChairNominationResponse, ChairNominationStatus, ChairSummary, WorkingGroupResponse } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { problemMessage } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { FormAlert } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { useForm } from '../../ui/useForm';
import { useFormatters } from '../../ui/useFormatters';
import { useMe } from '../auth/useSession';
import { ChairTimeline } from '../chair-terms/ChairTimeline';
import { ConfirmedBadge, UnconfirmedBadge } from './badges';
import { ChairsTwoFactorSetting } from './ChairsTwoFactorSetting';
import { ReasonAction } from './ReasonAction';
import { useAnswerNomination, useNominateChair, useProposeChairRemoval, useResignChair, useWithdrawNomination } from './useWorkingGroups';
import { LocaleDateInput } from '../../ui/LocaleDateInput';

const STATUS_COLOURS: Record<ChairNominationStatus, string> = {
  nominated: 'blue',
  balloting: 'violet',
  confirmed: 'teal',
  declined: 'gray',
  rejected: 'red',
  lapsed: 'gray',
  withdrawn: 'gray',
};

/** The nominee or their nominator withdraws a nomination the nominee has not answered, with an optional note. */
function WithdrawNomination({ group, nomination }: { group: WorkingGroupResponse; nomination: ChairNominationResponse }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawNomination(group.id);
  const name = nomination.nominee.name;
  return (
    <ReasonAction
      label={t('workingGroups.nominations.withdraw')}
      ariaLabel={t('workingGroups.nominations.withdrawNamed', { name })}
      title={t('workingGroups.nominations.withdrawNamed', { name })}
      explain={t('workingGroups.nominations.withdrawExplain', { name })}
      reasonLabel={t('workingGroups.nominations.withdrawNote')}
      reasonRequired={false}
      confirmLabel={t('workingGroups.nominations.withdrawConfirm')}
      act={withdraw}
      doneMessage={t('workingGroups.nominations.withdrawnDone')}
      onConfirm={(note) => withdraw.mutateAsync({ nominationId: nomination.id, note })}
    />
  );
}

function NominationCard({ group, nomination }: { group: WorkingGroupResponse; nomination: ChairNominationResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const me = useMe();
  const navigate = useNavigate();
  const answer = useAnswerNomination(group.id);
  const mine = me.data?.id === nomination.nominee.id;
  const selfNominated = nomination.nominatedBy.id === nomination.nominee.id;
  const open = nomination.status === 'nominated';
  // The API lets the nominee both decline and withdraw, which end the nomination alike: a nominee
  // answers someone else's nomination (Decline); whoever nominated withdraws it (Withdraw), and
  // for a self-nomination that is the nominee, who then sees Withdraw and no Decline.
  const canDecline = mine && open && !selfNominated;
  const canWithdraw = open && me.data?.id === nomination.nominatedBy.id;
  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }} data-testid="nomination">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap" justify="space-between">
          <AffiliationBadge name={nomination.nominee.name} personId={nomination.nominee.id} affiliation={nomination.nomineeSnapshot} withTitle />
          <Badge variant="light" color={STATUS_COLOURS[nomination.status]} c="gray.9" style={{ textTransform: 'none' }} data-testid="nomination-status">
            {t(`workingGroups.nominations.status.${nomination.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {nomination.nominatedBy.id === nomination.nominee.id
            ? t('workingGroups.nominations.selfNominated', { date: f.date(nomination.createdAt) })
            : t('workingGroups.nominations.nominatedBy', { name: nomination.nominatedBy.name, organisation: nomination.nominatorSnapshot.organisationName, date: f.date(nomination.createdAt) })}
          {nomination.termEndsOn ? ` · ${t('workingGroups.nominations.termEnds', { date: f.date(nomination.termEndsOn) })}` : ''}
        </Text>
        {nomination.statement ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            “{nomination.statement}”
          </Text>
        ) : null}
        {nomination.ballot ? (
          <Text size="sm">
            <Anchor component={Link} to={`/ballots/${nomination.ballot.id}`} fw={600}>
              {nomination.ballot.outcome ? t('workingGroups.nominations.ballotResult', { outcome: t(`chairTerms.outcomes.${nomination.ballot.outcome}`) }) : t('workingGroups.nominations.ballotOpen')}
            </Anchor>
          </Text>
        ) : null}
        {nomination.withdrawnBy && nomination.closedAt ? (
          <Text size="sm" c="dimmed">
            {t('workingGroups.nominations.withdrawnBy', { name: nomination.withdrawnBy.name, date: f.date(nomination.closedAt) })}
            {nomination.closedNote ? ` · “${nomination.closedNote}”` : ''}
          </Text>
        ) : null}
        {nomination.closedNote && nomination.status === 'lapsed' ? (
          <Text size="sm" c="dimmed">
            {nomination.closedNote}
          </Text>
        ) : null}
        {mine && open ? (
          <Group gap="sm">
            <Button
              size="compact-sm"
              loading={answer.isPending}
              onClick={() =>
                answer.mutate(
                  { nominationId: nomination.id, answer: 'acceptance' },
                  {
                    onSuccess: (n) => {
                      notifySuccess(t, t('workingGroups.nominations.accepted'));
                      if (n.ballot) void navigate(`/ballots/${n.ballot.id}`);
                    },
                  },
                )
              }
            >
              {t('workingGroups.nominations.accept')}
            </Button>
            {canDecline ? (
              <Button variant="default" size="compact-sm" loading={answer.isPending} onClick={() => answer.mutate({ nominationId: nomination.id, answer: 'declination' }, { onSuccess: () => notifySuccess(t, t('workingGroups.nominations.declined')) })}>
                {t('workingGroups.nominations.decline')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        {canWithdraw ? <WithdrawNomination group={group} nomination={nomination} /> : null}
        {mine && open ? (
          <Text size="xs" c="dimmed">
            {t('workingGroups.nominations.acceptHint', { rule: t(`workingGroups.rules.${group.decisionRules['chair-confirmation']}`) })}
          </Text>
        ) : null}
        {answer.isError ? (
          <Alert color="red" role="alert">
            {problemMessage(t, answer.error)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** A chair ends their own term, for good, behind a confirm dialog, with an optional note kept on the record. */
function ChairResignation({ group, chair }: { group: WorkingGroupResponse; chair: ChairSummary }) {
  const { t } = useTranslation();
  const resign = useResignChair(group.id);
  return (
    <ReasonAction
      label={t('workingGroups.chairs.resign')}
      title={t('workingGroups.chairs.resignTitle')}
      explain={t('workingGroups.chairs.resignExplain', { group: group.name })}
      reasonLabel={t('workingGroups.chairs.resignNote')}
      reasonRequired={false}
      confirmLabel={t('workingGroups.chairs.resignConfirm')}
      act={resign}
      doneMessage={t('workingGroups.chairs.resigned')}
      onConfirm={(note) => resign.mutateAsync({ termId: chair.termId, note })}
    />
  );
}

/** "Chairs resign or are removed by ballot": a voting member moves the removal, with a reason, and a chair-removal ballot opens. */
function ChairRemoval({ group, chair, self }: { group: WorkingGroupResponse; chair: ChairSummary; self: boolean }) {
  const { t } = useTranslation();
  const propose = useProposeChairRemoval(group.id);
  const name = chair.person.name;
  const openBallot = group.chairTerms.find((term) => term.id === chair.termId)?.removalBallotId ?? null;
  if (openBallot)
    return (
      <Anchor component={Link} to={`/ballots/${openBallot}`} size="sm" fw={600} data-testid="removal-ballot">
        {t('workingGroups.chairs.removalBallotOpen')}
      </Anchor>
    );
  // A chair steps down by resigning, not by a ballot on themself.
  if (self || group.allowed.proposeChairRemoval !== true) return null;
  return (
    <ReasonAction
      label={t('workingGroups.chairs.proposeRemoval')}
      ariaLabel={t('workingGroups.chairs.proposeRemovalNamed', { name })}
      title={t('workingGroups.chairs.proposeRemovalNamed', { name })}
      explain={t('workingGroups.chairs.removalExplain', { name, rule: t(`workingGroups.rules.${group.decisionRules['chair-removal']}`) })}
      reasonLabel={t('workingGroups.chairs.removalReason')}
      reasonHint={t('workingGroups.chairs.removalReasonHint')}
      reasonRequired
      confirmLabel={t('workingGroups.chairs.removalConfirm')}
      act={propose}
      doneMessage={t('workingGroups.chairs.removalProposed', { name })}
      onConfirm={(reason) => propose.mutateAsync({ termId: chair.termId, reason: reason ?? '' })}
    />
  );
}

function NominateForm({ group, onDone }: { group: WorkingGroupResponse; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const nominate = useNominateChair(group.id);
  const form = useForm({ nomineeId: (me.data?.id ?? null) as string | null, statement: '', termEndsOn: '' });
  const open = new Set(group.nominations.filter((n) => n.status === 'nominated' || n.status === 'balloting').map((n) => n.nominee.id));
  // Only a voting member can be nominated (observers do not vote).
  const candidates = group.members.filter((m) => m.kind === 'member' && !m.chair && !open.has(m.person.id));
  if (candidates.length === 0) return null;
  return (
    <form
      ref={form.ref}
      noValidate
      aria-label={t('workingGroups.nominations.formLabel')}
      onSubmit={form.onSubmit(async (v) => {
        await nominate.mutateAsync({ nomineeId: v.nomineeId ?? '', statement: v.statement.trim() || undefined, termEndsOn: v.termEndsOn || undefined });
        notifySuccess(t, t('workingGroups.nominations.sent'));
        form.reset();
        onDone();
      })}
    >
      <Stack gap="sm">
        <Select
          label={t('workingGroups.nominations.nominee')}
          required
          searchable
          allowDeselect={false}
          data={candidates.map((m) => ({ value: m.person.id, label: m.person.id === me.data?.id ? t('workingGroups.nominations.myself', { name: m.person.name }) : `${m.person.name} (${m.currentSnapshot?.organisationName ?? m.admissionSnapshot.organisationName})` }))}
          {...form.selectProps('nomineeId')}
        />
        <Textarea label={`${t('workingGroups.nominations.statement')} (${t('common.optional')})`} autosize minRows={2} {...form.textProps('statement')} />
        <LocaleDateInput label={`${t('workingGroups.nominations.termEndsOn')} (${t('common.optional')})`} description={t('workingGroups.nominations.termEndsHint')} {...form.dateProps('termEndsOn')} />
        <FormAlert messages={form.general} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('workingGroups.nominations.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Chairs now, the history of terms on a timeline, nominations and their ballots, and the way to nominate. */
export function ChairsSection({ group }: { group: WorkingGroupResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const me = useMe();
  const [nominating, setNominating] = useState(false);
  return (
    <Stack component="section" aria-labelledby="wg-chairs" gap="md">
      <Title order={2} size="h3" id="wg-chairs">
        {t('workingGroups.chairs.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('workingGroups.chairs.rule', { rule: t(`workingGroups.rules.${group.decisionRules['chair-confirmation']}`) })}
      </Text>
      {group.chairs.length === 0 ? (
        <Text size="sm">{t('workingGroups.chairs.none')}</Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0}>
          {group.chairs.map((c) => (
            <Group key={c.termId} component="li" gap="xs" wrap="wrap" style={{ listStyle: 'none' }} data-testid="chair">
              <AffiliationBadge name={c.person.name} personId={c.person.id} affiliation={c.snapshot} withTitle />
              {c.confirmed ? <ConfirmedBadge /> : <UnconfirmedBadge />}
              <Text span size="sm" c="dimmed">
                {c.endsAt ? t('chairTerms.period.actingUntil', { from: f.date(c.startedAt), to: f.date(c.endsAt) }) : t('chairTerms.period.acting', { from: f.date(c.startedAt) })}
              </Text>
              {me.data?.id === c.person.id ? <ChairResignation group={group} chair={c} /> : null}
              <ChairRemoval group={group} chair={c} self={me.data?.id === c.person.id} />
            </Group>
          ))}
        </Stack>
      )}

      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="sm">
          {t('workingGroups.chairs.history')}
        </Title>
        <ChairTimeline terms={group.chairTerms} byGroup={false} groupNames={false} />
      </Paper>

      <ChairsTwoFactorSetting group={group} />

      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4">
            {t('workingGroups.nominations.title')}
          </Title>
          {group.allowed.nominateChair === true && !nominating ? (
            <Button variant="outline" onClick={() => setNominating(true)}>
              {t('workingGroups.nominations.button')}
            </Button>
          ) : null}
        </Group>
        {nominating && group.allowed.nominateChair === true ? (
          <Paper withBorder p="md">
            <NominateForm group={group} onDone={() => setNominating(false)} />
          </Paper>
        ) : null}
        {group.nominations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('workingGroups.nominations.none')}
          </Text>
        ) : (
          <Stack component="ul" gap="sm" m={0} p={0}>
            {group.nominations.map((n) => (
              <NominationCard key={n.id} group={group} nomination={n} />
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}
