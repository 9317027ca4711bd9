import { Alert, Button, Modal, NumberInput, Stack, Text } from '@mantine/core';
import type { DocumentResponse } from '@parley/contracts';
import type { AdoptionWarningKind } from '@parley/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/client';
import { problemMessage } from '../../i18n/server-messages';
import { ConfirmActions } from '../../ui/ConfirmActions';
import { notifySuccess } from '../../ui/notify';
import { PageLoader } from '../../ui/PageLoader';
import { QueryError } from '../../ui/QueryError';
import { Warnings } from '../documents/AdoptionDialog';
import { TranslationsWarning } from '../documents/language-versions/TranslationsWarning';
import { useSilencePreflight, useStartSilence } from './useSilence';
import { currentLanguage, intlLocale } from '../../i18n';

const HOUR = 3_600_000;
/** Problems that mean the warnings changed since the dialog read them. */
const WARNING_PROBLEMS = new Set(['adoption-warnings-unacknowledged', 'unanswered-clarifications', 'translations-outdated']);

/**
 * A chair puts the current version under silence: every adoption warning that applies is shown and
 * acknowledged (as for an adoption ballot), and the silence lasts the group's minimum unless the
 * chair chooses longer; the deadline is echoed in the reader's language.
 */
export function SilenceStart({ doc }: { doc: DocumentResponse }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const n = doc.version.number;
  const [asking, setAsking] = useState(false);
  const preflight = useSilencePreflight(doc.id, n, asking);
  const start = useStartSilence(doc.id, n);
  const [acks, setAcks] = useState<Set<AdoptionWarningKind>>(new Set());
  const [ackTranslations, setAckTranslations] = useState(false);
  const [hours, setHours] = useState<number | string | null>(null);
  const p = preflight.data;
  const minimum = p?.defaults.minimumHours ?? 72;
  const chosen = Number(hours ?? minimum);
  const valid = Number.isInteger(chosen) && chosen >= minimum && chosen <= 24 * 90;
  const setAck = (k: AdoptionWarningKind, v: boolean) =>
    setAcks((old) => {
      const next = new Set(old);
      if (v) next.add(k);
      else next.delete(k);
      return next;
    });
  const missing = p ? p.warnings.filter((w) => !acks.has(w)) : [];
  const translationsHeld = p !== undefined && p.translationGaps.length > 0 && !ackTranslations;
  const warned = p !== undefined && (p.warnings.length > 0 || p.translationGaps.length > 0);
  const close = () => {
    setAsking(false);
    setAcks(new Set());
    setAckTranslations(false);
    setHours(null);
    start.reset();
  };
  const submit = () => {
    if (!p || !valid) return;
    // A minute of slack: the deadline is counted from when the server receives the request.
    const deadline = new Date(Date.now() + chosen * HOUR + 60_000).toISOString();
    start
      .mutateAsync({ deadline, acknowledgedWarnings: p.warnings.filter((w) => acks.has(w)), ...(p.translationGaps.length > 0 ? { acknowledgeOutdatedTranslations: ackTranslations } : {}) })
      .then(() => {
        notifySuccess(t, t('silence.start.done'));
        close();
      })
      .catch((error: unknown) => {
        if (isProblem(error) && error.code && WARNING_PROBLEMS.has(error.code)) void preflight.refetch();
      });
  };
  const deadlineWords = valid ? new Intl.DateTimeFormat(lng, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(Date.now() + chosen * HOUR)) : null;
  return (
    <>
      <div>
        <Button variant="light" color="grape" onClick={() => setAsking(true)} data-testid="silence-start">
          {t('silence.start.button')}
        </Button>
      </div>
      <Modal opened={asking} onClose={close} title={t('silence.start.title', { number: n })} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="sm">
          <Text>{t('silence.start.explain')}</Text>
          {preflight.isError ? <QueryError error={preflight.error} onRetry={() => void preflight.refetch()} /> : null}
          {p ? (
            <>
              {!warned ? (
                <Text size="sm" c="dimmed" data-testid="silence-no-warnings">
                  {t('silence.start.noWarnings')}
                </Text>
              ) : (
                <Warnings p={p} acks={acks} setAck={setAck} />
              )}
              <TranslationsWarning gaps={p.translationGaps} checked={ackTranslations} onCheck={setAckTranslations} />
              <NumberInput
                label={t('silence.start.hours')}
                description={deadlineWords ? `${t('silence.start.hoursHint', { count: minimum })} ${t('silence.start.deadline', { date: deadlineWords })}` : undefined}
                error={valid ? undefined : t('silence.start.tooShort', { count: minimum })}
                min={minimum}
                max={24 * 90}
                allowDecimal={false}
                value={hours ?? minimum}
                onChange={setHours}
                data-testid="silence-hours"
              />
            </>
          ) : preflight.isPending ? (
            <PageLoader />
          ) : null}
          {start.isError ? (
            <Alert color="red" variant="light" role="alert">
              {problemMessage(t, start.error)}
            </Alert>
          ) : null}
          <ConfirmActions
            confirm={warned ? t('silence.start.submitAnyway') : t('silence.start.submit')}
            onConfirm={submit}
            onCancel={close}
            loading={start.isPending}
            disabled={!p || missing.length > 0 || translationsHeld || !valid}
          />
        </Stack>
      </Modal>
    </>
  );
}
