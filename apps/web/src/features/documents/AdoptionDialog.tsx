import { Alert, Anchor, Button, Checkbox, List, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { AdoptionPreflightResponse, AdoptionWarningsView, DocumentResponse } from '@parley/contracts';
import { DECISION_RULES, withoutMentionMarkup, type AdoptionWarningKind, type DecisionRule } from '@parley/domain';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmActions } from '../../ui/ConfirmActions';
import { Link, useNavigate } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { problemMessage } from '../../i18n/server-messages';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { notifySuccess } from '../../ui/notify';
import { TranslationsWarning } from './language-versions/TranslationsWarning';
import { PageLoader } from '../../ui/PageLoader';
import { QueryError } from '../../ui/QueryError';
import { formatDateTime } from '../ballots/TimeLeft';
import { currentLanguage, formatDate, intlLocale } from '../../i18n';
import { useAdoptionPreflight, useOpenAdoptionBallot } from './useDocuments';
import { BracketAdoptionWarnings } from '../negotiation/BracketAdoptionWarnings';
import { LastCallAdoptionWarnings } from '../procedures/LastCallBanner';

type Amendment = AdoptionPreflightResponse['acceptedUnconsolidated'][number];

const DAY = 86_400_000;
/** Problems that mean the warnings changed since the dialog read them. */
const WARNING_PROBLEMS = new Set(['adoption-warnings-unacknowledged', 'unanswered-clarifications', 'translations-outdated']);

function whatItDoes(t: TFunction, a: Amendment): string {
  const where = a.clauseLabel ? t('documents.amendments.clause', { label: a.clauseLabel }) : a.kind === 'insert' ? t('documents.amendments.atStart') : t('documents.amendments.unnumbered');
  return t(a.kind === 'replace' ? 'documents.amendments.replaces' : a.kind === 'delete' ? 'documents.amendments.deletes' : 'documents.amendments.insertsAfter', { where });
}

/** One warning: what it is, each thing it is about, and the chair's explicit acknowledgement. */
function Warning(props: { kind: AdoptionWarningKind; title: string; acknowledge: string; checked: boolean; onCheck: (v: boolean) => void; children: ReactNode }) {
  return (
    <Alert color="yellow" variant="light" title={props.title} data-testid={`adoption-warning-${props.kind}`}>
      <List size="sm" spacing={4}>
        {props.children}
      </List>
      <Checkbox mt="sm" label={props.acknowledge} checked={props.checked} onChange={(e) => props.onCheck(e.currentTarget.checked)} />
    </Alert>
  );
}

/** Every adoption warning that applies, each with its acknowledgement (the adoption ballot's and the silence procedure's dialogs). */
export function Warnings({ p, acks, setAck }: { p: AdoptionWarningsView; acks: Set<AdoptionWarningKind>; setAck: (k: AdoptionWarningKind, v: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const by = (a: { author: Amendment['author'] }) => <AffiliationBadge name={a.author.name ?? '?'} personId={a.author.id ?? undefined} affiliation={a.author.snapshot} size="xs" />;
  return (
    <>
      {p.unansweredClarifications.length > 0 ? (
        <Warning
          kind="unanswered-clarifications"
          title={t('documents.adoption.unansweredTitle', { count: p.unansweredClarifications.length })}
          acknowledge={t('documents.adoption.confirm')}
          checked={acks.has('unanswered-clarifications')}
          onCheck={(v) => setAck('unanswered-clarifications', v)}
        >
          {p.unansweredClarifications.map((u) => (
            <List.Item key={u.commentId}>
              <Text size="sm" fw={600} span>
                {t('documents.clause.lead', { name: u.clauseLabel ? t('documents.clause.name', { label: u.clauseLabel }) : t('documents.amendments.unnumbered') })}
              </Text>
              <Text size="sm" span>
                {withoutMentionMarkup(u.body)}
              </Text>{' '}
              {by(u)}
            </List.Item>
          ))}
        </Warning>
      ) : null}
      {p.openAmendmentBallots.length > 0 ? (
        <Warning
          kind="open-amendment-ballots"
          title={t('documents.adoption.openBallotsTitle', { count: p.openAmendmentBallots.length })}
          acknowledge={t('documents.adoption.openBallotsConfirm')}
          checked={acks.has('open-amendment-ballots')}
          onCheck={(v) => setAck('open-amendment-ballots', v)}
        >
          {p.openAmendmentBallots.map((a) => (
            <List.Item key={a.amendmentId}>
              <Anchor component={Link} to={`/ballots/${a.ballotId}`} size="sm">
                {whatItDoes(t, a)}
              </Anchor>{' '}
              <Text size="sm" span c="dimmed">
                {t('documents.adoption.closesOn', { date: formatDateTime(a.closesAt, lng) })}
              </Text>{' '}
              {by(a)}
            </List.Item>
          ))}
        </Warning>
      ) : null}
      {p.acceptedUnconsolidated.length > 0 ? (
        <Warning
          kind="accepted-unconsolidated"
          title={t('documents.adoption.acceptedTitle', { count: p.acceptedUnconsolidated.length })}
          acknowledge={t('documents.adoption.acceptedConfirm')}
          checked={acks.has('accepted-unconsolidated')}
          onCheck={(v) => setAck('accepted-unconsolidated', v)}
        >
          {p.acceptedUnconsolidated.map((a) => (
            <List.Item key={a.amendmentId}>
              <Text size="sm" span>
                {whatItDoes(t, a)}
              </Text>{' '}
              {by(a)}
            </List.Item>
          ))}
        </Warning>
      ) : null}
      <BracketAdoptionWarnings p={p} acks={acks} setAck={setAck} />
      <LastCallAdoptionWarnings p={p} acks={acks} setAck={setAck} />
      {p.openAdRefs.length > 0 ? (
        <Warning
          kind="open-ad-ref"
          title={t('adoptionAdRef.title', { count: p.openAdRefs.length })}
          acknowledge={t('adoptionAdRef.confirm')}
          checked={acks.has('open-ad-ref')}
          onCheck={(v) => setAck('open-ad-ref', v)}
        >
          {p.openAdRefs.map((a) => (
            <List.Item key={a.adRefId}>
              <Text size="sm" fw={600} span>
                {t('documents.clause.lead', { name: a.clauseLabel ? t('documents.clause.name', { label: a.clauseLabel }) : t('documents.amendments.unnumbered') })}
              </Text>{' '}
              <Text size="sm" span>
                {t('adoptionAdRef.item', { organisation: a.organisationName, date: formatDate(a.expiresOn, lng) })}
              </Text>
            </List.Item>
          ))}
        </Warning>
      ) : null}
      {p.circulationPeriod ? (
        <Warning
          kind="circulation-period"
          title={t('silence.circulation.title', { count: p.circulationPeriod.days })}
          acknowledge={t('silence.circulation.confirm')}
          checked={acks.has('circulation-period')}
          onCheck={(v) => setAck('circulation-period', v)}
        >
          <List.Item>
            <Text size="sm" span>
              {t('silence.circulation.item', { since: formatDateTime(p.circulationPeriod.availableSince, lng), ends: formatDateTime(p.circulationPeriod.endsAt, lng) })}
            </Text>
          </List.Item>
        </Warning>
      ) : null}
    </>
  );
}

/** The ballot's terms: how long it stays open (its closing time echoed in the reader's language), its rule and quorum. */
function Terms(props: { days: number | string; setDays: (v: number | string) => void; rule: DecisionRule; setRule: (r: DecisionRule) => void; quorum: number | string; setQuorum: (v: number | string) => void; groupRule: DecisionRule }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const days = typeof props.days === 'number' ? props.days : Number(props.days);
  // The closing time in words, in the reader's language ("dimanche 13 décembre 2026 à 09:30").
  const closes = Number.isInteger(days) && days >= 1 && days <= 90 ? new Intl.DateTimeFormat(lng, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(Date.now() + days * DAY)) : null;
  return (
    <Stack gap="xs">
      <NumberInput
        label={t('documents.adoption.days')}
        description={closes ? t('documents.adoption.closesAt', { date: closes }) : undefined}
        error={closes ? undefined : t('documents.adoption.daysInvalid')}
        min={1}
        max={90}
        allowDecimal={false}
        value={props.days}
        onChange={props.setDays}
        data-testid="adoption-days"
      />
      <Select
        label={t('documents.adoption.rule')}
        description={t('documents.adoption.ruleDefault', { rule: t(`ballots.rule.${props.groupRule}`) })}
        data={DECISION_RULES.map((r) => ({ value: r, label: t(`ballots.rule.${r}`) }))}
        value={props.rule}
        onChange={(v) => v && props.setRule(v as DecisionRule)}
        allowDeselect={false}
      />
      <NumberInput
        label={t('documents.adoption.quorum')}
        description={t('documents.adoption.quorumHint')}
        min={0}
        max={100}
        suffix=" %"
        value={props.quorum}
        onChange={props.setQuorum}
      />
    </Stack>
  );
}

/**
 * The chair opens the adoption ballot. Every warning that applies is shown when the dialog opens,
 * before any click on "open", and each must be acknowledged; the chair chooses the closing time, rule
 * and quorum (the group's defaults first).
 */
export function AdoptionBallot({ doc }: { doc: DocumentResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const n = doc.version.number;
  const [asking, setAsking] = useState(false);
  const preflight = useAdoptionPreflight(doc.id, n, asking);
  const open = useOpenAdoptionBallot(doc.id, n);
  const [acks, setAcks] = useState<Set<AdoptionWarningKind>>(new Set());
  const [ackTranslations, setAckTranslations] = useState(false);
  const [days, setDays] = useState<number | string>(7);
  const [rule, setRule] = useState<DecisionRule | null>(null);
  const [quorum, setQuorum] = useState<number | string | null>(null);
  const p = preflight.data;
  const setAck = (k: AdoptionWarningKind, v: boolean) =>
    setAcks((old) => {
      const next = new Set(old);
      if (v) next.add(k);
      else next.delete(k);
      return next;
    });
  const dayCount = Number(days);
  const quorumShare = quorum === null ? null : Number(quorum) / 100;
  const termsValid = Number.isInteger(dayCount) && dayCount >= 1 && dayCount <= 90 && (quorumShare === null || (quorumShare >= 0 && quorumShare <= 1));
  const missing = p ? p.warnings.filter((w) => !acks.has(w)) : [];
  const translationsHeld = p !== undefined && p.translationGaps.length > 0 && !ackTranslations;
  const warned = p !== undefined && (p.warnings.length > 0 || p.translationGaps.length > 0);
  const submit = () => {
    if (!p) return;
    // The promise, not mutate's callbacks: once the ballot is open the document no longer offers it, and this
    // dialog unmounts (when the document is read again) before those callbacks would run.
    open
      .mutateAsync({
        acknowledgedWarnings: p.warnings.filter((w) => acks.has(w)),
        ...(p.translationGaps.length > 0 ? { acknowledgeOutdatedTranslations: ackTranslations } : {}),
        closesAt: new Date(Date.now() + dayCount * DAY).toISOString(),
        rule: rule ?? p.defaults.rule,
        quorum: quorumShare ?? p.defaults.quorum,
      })
      .then((res) => {
        notifySuccess(t, t('documents.adoption.opened'));
        void navigate(`/ballots/${res.ballotId}`);
      })
      // The warnings changed since the dialog read them: read them again, for the chair to acknowledge.
      .catch((error: unknown) => {
        if (isProblem(error) && error.code && WARNING_PROBLEMS.has(error.code)) void preflight.refetch();
      });
  };
  const close = () => {
    setAsking(false);
    setAcks(new Set());
    setAckTranslations(false);
    open.reset();
  };
  return (
    <>
      <Button variant="light" onClick={() => setAsking(true)}>
        {t('documents.adoption.open')}
      </Button>
      <Modal opened={asking} onClose={close} title={t('documents.adoption.title', { number: n })} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="sm">
          <Text>{t('documents.adoption.explain')}</Text>
          {preflight.isError ? <QueryError error={preflight.error} onRetry={() => void preflight.refetch()} /> : null}
          {p ? (
            <>
              {!warned ? (
                <Text size="sm" c="dimmed" data-testid="adoption-no-warnings">
                  {t('documents.adoption.noWarnings')}
                </Text>
              ) : (
                <Warnings p={p} acks={acks} setAck={setAck} />
              )}
              <TranslationsWarning gaps={p.translationGaps} checked={ackTranslations} onCheck={setAckTranslations} />
              <Terms
                days={days}
                setDays={setDays}
                rule={rule ?? p.defaults.rule}
                setRule={setRule}
                quorum={quorum ?? Math.round(p.defaults.quorum * 100)}
                setQuorum={setQuorum}
                groupRule={p.defaults.rule}
              />
            </>
          ) : preflight.isPending ? (
            <PageLoader />
          ) : null}
          {open.isError ? (
            <Alert color="red" variant="light" role="alert">
              {problemMessage(t, open.error)}
            </Alert>
          ) : null}
          <ConfirmActions
            confirm={warned ? t('documents.adoption.submitAnyway') : t('documents.adoption.submit')}
            onConfirm={submit}
            onCancel={close}
            loading={open.isPending}
            disabled={!p || missing.length > 0 || translationsHeld || !termsValid}
          />
        </Stack>
      </Modal>
    </>
  );
}
