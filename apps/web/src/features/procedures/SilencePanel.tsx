import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { DocumentResponse, SilenceView } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../ui/useNow';
import { isProblem } from '../../api/client';
import { fieldErrorMessage, fieldErrorText, problemMessage } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { ConfirmActions } from '../../ui/ConfirmActions';
import { notifySuccess } from '../../ui/notify';
import { useMe } from '../auth/useSession';
import { formatDateTime } from '../ballots/TimeLeft';
import { SilenceStart } from './SilenceStart';
import { TranslationsWarningRecord } from '../documents/language-versions/TranslationsWarning';
import { useDocumentSilences, useObjectToSilence, useWithdrawSilence } from './useSilence';
import './silence.css';
import { currentLanguage, intlLocale } from '../../i18n';

const person = (a: SilenceView['startedBy'], size: 'xs' | 'sm' = 'sm') => <AffiliationBadge name={a.name ?? '?'} personId={a.id ?? undefined} affiliation={a.snapshot} size={size} />;

const UNITS: [string, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "2 d, 23 h, 59 min, 58 s": every unit from the largest down to the second, so the countdown visibly runs. */
function countdown(ms: number, lng: string): string {
  let rest = ms;
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || parts.length > 0 || unit === 'second') parts.push(new Intl.NumberFormat(lng, { style: 'unit', unit, unitDisplay: 'short' }).format(n));
  }
  try {
    return new Intl.ListFormat(lng, { style: 'narrow', type: 'unit' }).format(parts);
  } catch {
    return parts.join(' ');
  }
}

/** How long is left before the deadline, ticking each second; screen readers hear it only when asked. */
function Countdown({ deadline }: { deadline: string }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const now = useNow(1000);
  const left = new Date(deadline).getTime() - now;
  return (
    <Text fw={600} data-testid="silence-countdown" role="timer">
      {left > 0 ? t('silence.banner.left', { duration: countdown(left, lng) }) : t('silence.banner.due')}
    </Text>
  );
}

/** A reason, asked for after a first click, then confirmed: the objection (a member) or the withdrawal (a chair). */
function ReasonedAct(props: { kind: 'object' | 'withdraw'; documentId: string; silenceId: string }) {
  const { t } = useTranslation();
  const objecting = useObjectToSilence(props.documentId, props.silenceId);
  const withdrawing = useWithdrawSilence(props.documentId, props.silenceId);
  const act = props.kind === 'object' ? objecting : withdrawing;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const serverError = isProblem(act.error) ? act.error.errors.find((e) => e.field === 'reason') : undefined;
  const submit = () => {
    if (!reason.trim()) return setError(fieldErrorText(t, 'required'));
    act.mutate({ reason: reason.trim() }, { onSuccess: () => notifySuccess(t, t(`silence.${props.kind}.done`)) });
  };
  if (!open)
    return (
      <Button variant={props.kind === 'object' ? 'filled' : 'outline'} color="red" onClick={() => setOpen(true)} data-testid={`silence-${props.kind}`}>
        {t(`silence.${props.kind}.button`)}
      </Button>
    );
  return (
    <Stack gap="sm" data-testid={`silence-${props.kind}-form`}>
      <Text size="sm">{t(`silence.${props.kind}.confirm`)}</Text>
      <Textarea
        label={t(`silence.${props.kind}.reason`)}
        description={props.kind === 'object' ? t('silence.object.reasonHint') : undefined}
        required
        autosize
        minRows={2}
        maxLength={2000}
        value={reason}
        error={error ?? (serverError ? fieldErrorMessage(t, serverError) : undefined)}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setError(undefined);
        }}
        data-autofocus
      />
      <ConfirmActions color="red" confirm={t(`silence.${props.kind}.yes`)} onConfirm={submit} onCancel={() => setOpen(false)} loading={act.isPending} />
      {act.isError && !serverError ? (
        <Alert color="red" role="alert">
          {problemMessage(t, act.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** The voting members who may still object: a count, and the list on demand (each with their affiliation now). */
function MayObject({ s }: { s: SilenceView }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <div>
      <Group gap="xs" wrap="wrap">
        <Text size="sm">{t('silence.banner.mayObject', { count: s.mayObject.length })}</Text>
        <Button variant="subtle" size="compact-sm" onClick={() => setShown((v) => !v)} aria-expanded={shown} aria-controls={`may-object-${s.id}`}>
          {shown ? t('silence.banner.hideMembers') : t('silence.banner.showMembers')}
        </Button>
      </Group>
      {shown ? (
        <List size="sm" spacing={4} id={`may-object-${s.id}`} data-testid="silence-may-object">
          {s.mayObject.map((m) => (
            <List.Item key={m.personId}>
              <AffiliationBadge name={m.name} personId={m.personId} affiliation={m.snapshot} size="xs" />
            </List.Item>
          ))}
        </List>
      ) : null}
    </div>
  );
}

/** One procedure: under way (deadline, countdown, who may object, the objection form), or how it ended. */
function Procedure({ s, doc, meId }: { s: SilenceView; doc: DocumentResponse; meId: string | null }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const when = (iso: string) => formatDateTime(iso, lng);
  if (s.state === 'under-way') {
    const mayObject = meId !== null && s.mayObject.some((m) => m.personId === meId) && !s.due;
    return (
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`silence-${s.id}`} className="silence-panel silence-under-way" data-testid="silence-panel" data-state={s.state}>
        <Stack gap="xs">
          <Group gap="xs" wrap="wrap">
            <Badge color="grape" variant="light">
              {t('silence.title')}
            </Badge>
            <Title order={2} size="h4" id={`silence-${s.id}`}>
              {t('silence.banner.underWay', { number: s.version, date: when(s.deadline) })}
            </Title>
          </Group>
          <Countdown deadline={s.deadline} />
          <Text size="sm">{t('silence.banner.unlessObjection')}</Text>
          <Group gap={6} wrap="wrap">
            <Text size="sm" c="dimmed">
              {t('silence.banner.startedBy')}
            </Text>
            {person(s.startedBy, 'xs')}
            <Text size="sm" c="dimmed">
              {when(s.startedAt)}
            </Text>
          </Group>
          <MayObject s={s} />
          <Group gap="sm" align="flex-start" wrap="wrap">
            {mayObject ? <ReasonedAct kind="object" documentId={doc.id} silenceId={s.id} /> : null}
            {doc.can.openAmendmentBallot && !s.due ? <ReasonedAct kind="withdraw" documentId={doc.id} silenceId={s.id} /> : null}
          </Group>
        </Stack>
      </Paper>
    );
  }
  const color = s.state === 'passed' ? 'green' : s.state === 'broken' ? 'red' : 'gray';
  return (
    <Alert color={color} variant="default" data-testid="silence-panel" data-state={s.state} title={t('silence.title')}>
      <Stack gap={6}>
        {s.state === 'passed' ? <Text size="sm">{t('silence.banner.passed', { number: s.version, date: when(s.deadline) })}</Text> : null}
        {s.state === 'broken' && s.objection ? (
          <>
            <Text size="sm">{t('silence.banner.broken', { number: s.version, date: when(s.objection.at) })}</Text>
            <Group gap={6} wrap="wrap" data-testid="silence-objection">
              <Text size="sm" fw={600}>
                {t('silence.banner.brokenBy')}
              </Text>
              {person(s.objection.by, 'xs')}
            </Group>
            <Text size="sm">
              {t('silence.banner.reason')} <q>{s.objection.reason}</q>
            </Text>
          </>
        ) : null}
        {s.state === 'withdrawn' && s.withdrawal ? (
          <>
            <Text size="sm">{t('silence.banner.withdrawn', { number: s.version, date: when(s.withdrawal.at) })}</Text>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={600}>
                {t('silence.banner.withdrawnBy')}
              </Text>
              {person(s.withdrawal.by, 'xs')}
            </Group>
            <Text size="sm">
              {t('silence.banner.reason')} <q>{s.withdrawal.reason}</q>
            </Text>
          </>
        ) : null}
      </Stack>
    </Alert>
  );
}

/** "Version 2 was adopted by silence procedure: no objection by …" (the document page's adopted notice, decision 0036). */
export function AdoptedBySilence({ doc }: { doc: DocumentResponse }) {
  const { t, i18n } = useTranslation();
  const s = doc.version.adoptionSilence;
  if (!s) return null;
  return <>{t('silence.adopted', { number: doc.version.number, date: formatDateTime(s.deadline, intlLocale(currentLanguage(i18n))) })}</>;
}

/**
 * The silence procedure on the document page (decision 0036): the procedure under way or the latest
 * one, the earlier ones on demand, and the chair's "Put under silence" when the version may be put to
 * adoption. Live: the document's room makes the list stale on every silence event.
 */
export function SilencePanel({ doc }: { doc: DocumentResponse }) {
  const { t } = useTranslation();
  const silences = useDocumentSilences(doc.id);
  const me = useMe();
  const [showEarlier, setShowEarlier] = useState(false);
  const items = silences.data?.items ?? [];
  const [latest, ...earlier] = items;
  const canStart = doc.version.isCurrent && doc.can.openAdoptionBallot && latest?.state !== 'under-way';
  if (!latest && !canStart) return null;
  return (
    <Stack gap="xs">
      {latest && (latest.version === doc.version.number || latest.state === 'under-way') ? (
        <>
          <Procedure s={latest} doc={doc} meId={me.data?.id ?? null} />
          <TranslationsWarningRecord warnings={latest.warnings} />
        </>
      ) : null}
      {earlier.length > 0 ? (
        <div>
          <Anchor component="button" type="button" size="sm" onClick={() => setShowEarlier((v) => !v)} aria-expanded={showEarlier}>
            {t('silence.banner.earlier', { count: earlier.length })}
          </Anchor>
          {showEarlier ? (
            <Stack gap="xs" mt="xs">
              {earlier.map((s) => (
                <Procedure key={s.id} s={s} doc={doc} meId={null} />
              ))}
            </Stack>
          ) : null}
        </div>
      ) : null}
      {canStart ? <SilenceStart doc={doc} /> : null}
    </Stack>
  );
}
