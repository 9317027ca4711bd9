import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { CirculatedRequestView, ObjectionView, WorkingGroupResponse } from '@parley/contracts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../ui/useNow';
import { fieldErrorText } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { FormAlert } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { useForm } from '../../ui/useForm';
import { useFormatters } from '../../ui/useFormatters';
import { formatDateTime, formatDuration } from '../ballots/TimeLeft';
import { ReasonAction } from '../working-groups/ReasonAction';
import { RoleBadge } from '../working-groups/badges';
import { useCirculations, useRaiseObjection, useWithdrawObjection } from './useAccreditation';
import './accreditation.css';
import { currentLanguage, intlLocale } from '../../i18n';

/** How long the circulation still runs, ticking each minute; the end in the reader's zone. */
function CirculationTime({ endsAt }: { endsAt: string }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const now = useNow(30_000);
  const left = new Date(endsAt).getTime() - now;
  return (
    <Text size="sm" fw={600} data-testid="circulation-time">
      {left > 0 ? t('accreditation.endsIn', { duration: formatDuration(left, lng), date: formatDateTime(endsAt, lng) }) : t('accreditation.ended', { date: formatDateTime(endsAt, lng) })}
    </Text>
  );
}

/** Signed objections: who, with the affiliation they held, why; a withdrawn one stays, marked. */
export function ObjectionList({ objections, request }: { objections: ObjectionView[]; request?: CirculatedRequestView }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (objections.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="no-objection">
        {t(request && request.outcome !== 'circulating' ? 'accreditation.noObjectionRaised' : 'accreditation.noObjectionYet')}
      </Text>
    );
  return (
    <Stack component="ul" gap="xs" className="accreditation-objections" aria-label={t('accreditation.objectionsLabel')}>
      {objections.map((o) => (
        <li key={o.id} data-testid="objection" className={o.withdrawnAt ? 'accreditation-objection withdrawn' : 'accreditation-objection'}>
          <Group gap="xs" wrap="wrap">
            <AffiliationBadge name={o.objector.name ?? ''} personId={o.objector.id ?? undefined} affiliation={o.objector.snapshot} />
            <Text size="xs" c="dimmed">
              {t('accreditation.objectedOn', { date: f.date(o.raisedAt) })}
            </Text>
            {o.withdrawnAt ? (
              <Badge color="gray" variant="light" size="sm">
                {t('accreditation.withdrawnOn', { date: f.date(o.withdrawnAt) })}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" className="accreditation-reason">
            “{o.reason}”
          </Text>
          {o.withdrawalNote ? (
            <Text size="xs" c="dimmed">
              {t('accreditation.withdrawalNote', { note: o.withdrawalNote })}
            </Text>
          ) : null}
        </li>
      ))}
    </Stack>
  );
}

function ObjectForm({ groupId, request }: { groupId: string; request: CirculatedRequestView }) {
  const { t } = useTranslation();
  const raise = useRaiseObjection(groupId, request.requestId);
  const [open, setOpen] = useState(false);
  const form = useForm({ reason: '' });
  const name = request.applicant.name;
  if (!open)
    return (
      <Button size="compact-sm" variant="outline" color="red" onClick={() => setOpen(true)} aria-label={t('accreditation.objectNamed', { name })}>
        {t('accreditation.object')}
      </Button>
    );
  return (
    <form
      ref={form.ref}
      noValidate
      aria-label={t('accreditation.objectNamed', { name })}
      onSubmit={form.onSubmit(async (v) => {
        if (!v.reason.trim()) {
          form.setErrors({ reason: fieldErrorText(t, 'required') });
          return;
        }
        await raise.mutateAsync({ reason: v.reason.trim() });
        notifySuccess(t, t('accreditation.objected', { name }));
        form.reset();
        setOpen(false);
      })}
    >
      <Stack gap="xs">
        <Text size="sm">{t('accreditation.objectExplain')}</Text>
        <Textarea label={t('accreditation.reason')} description={t('accreditation.reasonHint')} required autosize minRows={2} {...form.textProps('reason')} />
        <FormAlert messages={form.general} />
        <Group>
          <Button type="submit" color="red" size="compact-sm" loading={form.submitting}>
            {t('accreditation.confirmObject')}
          </Button>
          <Button variant="default" size="compact-sm" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WithdrawObjection({ groupId, request, objectionId }: { groupId: string; request: CirculatedRequestView; objectionId: string }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawObjection(groupId, request.requestId);
  return (
    <ReasonAction
      label={t('accreditation.withdraw')}
      title={t('accreditation.withdrawTitle', { name: request.applicant.name })}
      explain={t('accreditation.withdrawExplain')}
      reasonLabel={t('accreditation.withdrawNote')}
      reasonRequired={false}
      confirmLabel={t('accreditation.withdrawConfirm')}
      act={withdraw}
      doneMessage={t('accreditation.withdrawn')}
      onConfirm={(note) => withdraw.mutateAsync({ objectionId, note })}
    />
  );
}

/** Where the request stands, in words: the chair decides with the objections in view, never silence alone. */
export function OutcomeLine({ request }: { request: CirculatedRequestView }) {
  const { t } = useTranslation();
  const standing = request.objections.filter((o) => o.withdrawnAt === null).length;
  return (
    <Text size="sm" data-testid="circulation-outcome">
      {t(`accreditation.outcome.${request.outcome}`, { count: standing })}
    </Text>
  );
}

/** The chair's decision and reason, as the applicant and everyone read it. */
export function DecisionLine({ request }: { request: CirculatedRequestView }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (!request.decidedBy || !request.decidedAt || request.status === 'withdrawn') return null;
  return (
    <Stack gap={4} data-testid="circulation-decision">
      <Group gap="xs" wrap="wrap">
        <Text size="sm">{t(request.status === 'admitted' ? 'accreditation.admittedBy' : 'accreditation.refusedBy', { date: f.date(request.decidedAt) })}</Text>
        <AffiliationBadge name={request.decidedBy.name ?? ''} personId={request.decidedBy.id ?? undefined} affiliation={request.decidedBy.snapshot} />
      </Group>
      {request.reason ? <Text size="sm" className="accreditation-reason">{t('accreditation.chairReason', { reason: request.reason })}</Text> : null}
    </Stack>
  );
}

function CirculatedRequest({ groupId, request }: { groupId: string; request: CirculatedRequestView }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const headingId = `circulated-${request.requestId}`;
  return (
    <Paper withBorder p="sm" component="li" aria-labelledby={headingId} data-testid="circulated-request" className="accreditation-request">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap" id={headingId}>
          <AffiliationBadge name={request.applicant.name} personId={request.applicant.id} affiliation={request.snapshot} withTitle />
          <RoleBadge label={t(`workingGroups.roles.${request.kind}`)} />
        </Group>
        <Text size="sm" c="dimmed">
          {t('accreditation.asked', { date: f.date(request.requestedAt), hours: request.nonObjectionHours })}
        </Text>
        <Text size="sm" className="accreditation-reason">
          “{request.statement}”
        </Text>
        {request.status === 'pending' ? <CirculationTime endsAt={request.circulationEndsAt} /> : null}
        <OutcomeLine request={request} />
        <Title order={3} size="h6">
          {t('accreditation.objectionsTitle')}
        </Title>
        <ObjectionList objections={request.objections} request={request} />
        <DecisionLine request={request} />
        <Group gap="sm">
          {request.can.object === true ? <ObjectForm groupId={groupId} request={request} /> : null}
          {request.ownObjectionId && request.status === 'pending' ? <WithdrawObjection groupId={groupId} request={request} objectionId={request.ownObjectionId} /> : null}
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * Requests to join circulated under non-objection, for everyone: who asked, until when members may
 * object, each objection signed and reasoned, and the chair's decision with its reason. Shown while
 * the group admits by non-objection, and afterwards for as long as such requests are on the record.
 */
export function AccreditationPanel({ group }: { group: WorkingGroupResponse }) {
  const { t } = useTranslation();
  const circulations = useCirculations(group.id);
  const items = circulations.data?.items ?? [];
  if (group.joinPolicy !== 'non-objection' && items.length === 0) return null;
  return (
    <Stack component="section" aria-labelledby="wg-circulations" gap="sm" data-testid="accreditation-panel">
      <Title order={2} size="h3" id="wg-circulations">
        {t('accreditation.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('accreditation.explain', { hours: group.procedureRules.nonObjectionHours })}
      </Text>
      {circulations.isError ? (
        <Alert color="red" role="alert">
          {t('errors.generic')}
        </Alert>
      ) : null}
      {items.length === 0 && circulations.isSuccess ? (
        <Text size="sm" c="dimmed">
          {t('accreditation.none')}
        </Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0}>
          {items.map((r) => (
            <CirculatedRequest key={r.requestId} groupId={group.id} request={r} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** For the applicant's own pending request: the circulation, the objections raised and where it stands. */
export function ApplicantCirculation({ groupId, requestId }: { groupId: string; requestId: string }) {
  const { t } = useTranslation();
  const request = useCirculations(groupId).data?.items.find((r) => r.requestId === requestId);
  if (!request) return null;
  return (
    <Stack gap={6} mt="xs" data-testid="applicant-circulation">
      {request.status === 'pending' ? <CirculationTime endsAt={request.circulationEndsAt} /> : null}
      <OutcomeLine request={request} />
      <Text size="sm" fw={600}>
        {t('accreditation.objectionsTitle')}
      </Text>
      <ObjectionList objections={request.objections} request={request} />
    </Stack>
  );
}

export interface AdmissionAcknowledgement {
  /** The chair may confirm: the circulation has ended and every standing objection is acknowledged, with a reason. */
  ready: boolean;
  body: { acknowledgedObjections?: string[]; reason?: string };
}

/**
 * In the chair's admit dialog, for a circulated request: the circulation's end, each standing
 * objection to acknowledge (recorded in the admission), and the reason, required over objections.
 */
export function AdmitObjections({ groupId, requestId, onChange }: { groupId: string; requestId: string; onChange: (a: AdmissionAcknowledgement) => void }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const request = useCirculations(groupId).data?.items.find((r) => r.requestId === requestId);
  const standing = useMemo(() => request?.objections.filter((o) => o.withdrawnAt === null) ?? [], [request]);
  const [acknowledged, setAcknowledged] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const running = request ? request.can.decide !== true && new Date(request.circulationEndsAt).getTime() > Date.now() : false;
  const allAcknowledged = standing.every((o) => acknowledged.includes(o.id));
  const ready = !request || (!running && allAcknowledged && (standing.length === 0 || reason.trim().length > 0));
  useEffect(() => {
    onChange({ ready, body: request ? { acknowledgedObjections: acknowledged.filter((id) => standing.some((o) => o.id === id)), reason: reason.trim() || undefined } : {} });
  }, [ready, acknowledged, reason, request]);
  if (!request) return null;
  return (
    <Stack gap="xs" data-testid="admit-objections">
      {running ? (
        <Alert color="yellow" variant="light" data-testid="admit-circulating">
          {t('accreditation.admit.running', { date: formatDateTime(request.circulationEndsAt, lng) })}
        </Alert>
      ) : null}
      {standing.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(running ? 'accreditation.noObjectionYet' : 'accreditation.noObjectionRaised')}
        </Text>
      ) : (
        <Alert color="yellow" variant="light" data-testid="admit-standing-objections" title={t('accreditation.admit.objectionsTitle', { count: standing.length })}>
          <Stack gap="xs">
            <Text size="sm">{t('accreditation.admit.acknowledgeExplain')}</Text>
            {standing.map((o) => (
              <Stack key={o.id} gap={2}>
                <Checkbox
                  label={t('accreditation.admit.acknowledge', { name: o.objector.name ?? '', organisation: o.objector.snapshot?.organisationName ?? '' })}
                  checked={acknowledged.includes(o.id)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setAcknowledged((a) => (on ? [...a, o.id] : a.filter((x) => x !== o.id)));
                  }}
                />
                <Text size="sm" ps={32} className="accreditation-reason">
                  “{o.reason}”
                </Text>
              </Stack>
            ))}
            <Textarea
              label={t('accreditation.admit.reason')}
              description={t('accreditation.admit.reasonHint')}
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
