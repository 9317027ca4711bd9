import { Alert, Anchor, Button, Code, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { QRCodeSVG } from 'qrcode.react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TwoFactorSetupResponse } from '@parley/contracts';
import { groupedSecret } from '@parley/domain';
import { FormAlert } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { QueryError } from '../../ui/QueryError';
import { useFormatters } from '../../ui/useFormatters';
import { useForm } from '../../ui/useForm';
import { RecoveryCodes } from './RecoveryCodes';
import { useConfirmTwoFactor, useDisableTwoFactor, useRenewRecoveryCodes, useStartTwoFactor, useTwoFactorStatus } from './useTwoFactor';

/**
 * Two-factor authentication on the security page (decision 0050): set up an authenticator app (a QR
 * code of the otpauth link, the secret in groups of four and the link itself), the recovery codes shown once,
 * renewing them, and turning it off (unless a role requires it).
 */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const status = useTwoFactorStatus();
  const [setup, setSetup] = useState<TwoFactorSetupResponse | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const start = useStartTwoFactor();

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="two-factor-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="two-factor-title">
          {t('twoFactor.title')}
        </Title>
        {status.isError ? <QueryError error={status.error} /> : null}
        {status.data?.requiredByRole && !status.data.enabled ? <RequiredNotice requiredFrom={status.data.requiredFrom} /> : null}
        {codes ? <RecoveryCodes codes={codes} /> : null}
        {status.data && !status.data.enabled ? (
          setup ? (
            <Enrol setup={setup} onEnabled={(c) => (setSetup(null), setCodes(c))} />
          ) : (
            <Stack gap="sm" align="flex-start">
              <Text>{t('twoFactor.offIntro')}</Text>
              <Button loading={start.isPending} onClick={async () => setSetup(await start.mutateAsync())}>
                {t('twoFactor.setUp')}
              </Button>
            </Stack>
          )
        ) : null}
        {status.data?.enabled ? <Enabled requiredByRole={status.data.requiredByRole} codesLeft={status.data.recoveryCodesLeft} onCodes={setCodes} /> : null}
      </Stack>
    </Paper>
  );
}

function RequiredNotice({ requiredFrom }: { requiredFrom: string | null }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Alert color="yellow" title={t('twoFactor.requiredTitle')}>
      {requiredFrom && new Date(requiredFrom).getTime() > Date.now() ? t('twoFactor.requiredFrom', { date: f.date(requiredFrom) }) : t('twoFactor.requiredNow')}
    </Alert>
  );
}

function Enrol({ setup, onEnabled }: { setup: TwoFactorSetupResponse; onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmTwoFactor();
  const form = useForm({ code: '' });
  return (
    <Stack gap="sm">
      <Text>{t('twoFactor.enrolStep1')}</Text>
      <QRCodeSVG value={setup.otpauthUri} size={176} marginSize={2} role="img" aria-label={t('twoFactor.qrCodeLabel')} title={t('twoFactor.qrCodeLabel')} data-testid="two-factor-qr" />
      <Text size="sm" c="dimmed">
        {t('twoFactor.secretLabel')}
      </Text>
      <Code block dir="ltr" data-testid="two-factor-secret" fz="lg" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {groupedSecret(setup.secret)}
      </Code>
      <Anchor href={setup.otpauthUri} size="sm" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
        {t('twoFactor.openInApp')}
      </Anchor>
      <form
        ref={form.ref}
        noValidate
        onSubmit={form.onSubmit(async (v) => {
          const r = await confirm.mutateAsync(v.code);
          notifySuccess(t, t('twoFactor.enabled'));
          onEnabled(r.recoveryCodes);
        })}
      >
        <Stack gap="sm" align="flex-start">
          <TextInput label={t('twoFactor.enrolStep2')} autoComplete="one-time-code" inputMode="numeric" maxLength={7} required {...form.textProps('code')} />
          <FormAlert messages={form.general} title={t('twoFactor.failed')} />
          <Button type="submit" loading={form.submitting}>
            {t('twoFactor.confirm')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

function Enabled({ requiredByRole, codesLeft, onCodes }: { requiredByRole: boolean; codesLeft: number; onCodes: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const renew = useRenewRecoveryCodes();
  const disable = useDisableTwoFactor();
  const [acting, setActing] = useState<'renew' | 'disable' | null>(null);
  const form = useForm({ code: '', recoveryCode: '' });
  return (
    <Stack gap="sm">
      <Text>{t('twoFactor.on', { count: codesLeft })}</Text>
      {acting ? (
        <form
          ref={form.ref}
          noValidate
          onSubmit={form.onSubmit(async (v) => {
            if (acting === 'renew') onCodes((await renew.mutateAsync(v.code)).recoveryCodes);
            else {
              await disable.mutateAsync(v.recoveryCode ? { recoveryCode: v.recoveryCode } : { code: v.code });
              notifySuccess(t, t('twoFactor.disabled'));
            }
            setActing(null);
            form.reset();
          })}
        >
          <Stack gap="sm" align="flex-start">
            <TextInput label={t('secondFactor.code')} autoComplete="one-time-code" inputMode="numeric" maxLength={7} {...form.textProps('code')} />
            {acting === 'disable' ? <TextInput label={t('twoFactor.orRecoveryCode')} autoComplete="off" {...form.textProps('recoveryCode')} /> : null}
            <FormAlert messages={form.general} title={t('twoFactor.failed')} />
            <Group gap="sm">
              <Button type="submit" color={acting === 'disable' ? 'red' : undefined} loading={form.submitting}>
                {acting === 'renew' ? t('twoFactor.renew') : t('twoFactor.turnOff')}
              </Button>
              <Button variant="default" onClick={() => (setActing(null), form.reset())}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Group gap="sm">
          <Button variant="light" onClick={() => setActing('renew')}>
            {t('twoFactor.renew')}
          </Button>
          {requiredByRole ? (
            <Text size="sm" c="dimmed">
              {t('twoFactor.requiredByRole')}
            </Text>
          ) : (
            <Button variant="light" color="red" onClick={() => setActing('disable')}>
              {t('twoFactor.turnOff')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
