import { Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { FormAlert } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { PageTitle } from '../../ui/PageTitle';
import { useForm } from '../../ui/useForm';
import { returnPath } from './return-path';
import { useSecondFactor } from './useSession';

/**
 * The second sign-in step (decision 0050): a code from the authenticator app, or one of the recovery
 * codes. The challenge is in the httpOnly cookie the first step set; when it has expired, back to sign-in.
 */
export default function SecondFactorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const secondFactor = useSecondFactor();
  const [withRecoveryCode, setWithRecoveryCode] = useState(false);
  const [expired, setExpired] = useState(false);
  const form = useForm({ code: '', recoveryCode: '' });

  return (
    <Stack maw={480} gap="md">
      <PageTitle>{t('secondFactor.title')}</PageTitle>
      <Text>{withRecoveryCode ? t('secondFactor.recoveryIntro') : t('secondFactor.intro')}</Text>
      <Paper withBorder p="lg">
        <form
          ref={form.ref}
          noValidate
          onSubmit={form.onSubmit(async (v) => {
            try {
              const session = await secondFactor.mutateAsync(withRecoveryCode ? { recoveryCode: v.recoveryCode } : { code: v.code });
              notifySuccess(t, t('auth.welcomeBack', { name: session.me.name }));
              await navigate(returnPath(location.state), { replace: true });
            } catch (e) {
              if (isProblem(e) && e.code === 'sign-in-challenge-expired') setExpired(true);
              throw e;
            }
          })}
        >
          <Stack gap="md">
            {withRecoveryCode ? (
              <TextInput label={t('secondFactor.recoveryCode')} description={t('secondFactor.recoveryCodeHint')} autoComplete="off" spellCheck={false} required {...form.textProps('recoveryCode')} />
            ) : (
              <TextInput
                label={t('secondFactor.code')}
                description={t('secondFactor.codeHint')}
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={7}
                required
                {...form.textProps('code')}
              />
            )}
            <FormAlert messages={form.general} title={t('secondFactor.failed')} />
            <Button type="submit" loading={form.submitting}>
              {t('secondFactor.submit')}
            </Button>
            <Anchor
              component="button"
              type="button"
              onClick={() => {
                setWithRecoveryCode((r) => !r);
                form.reset();
              }}
            >
              {withRecoveryCode ? t('secondFactor.useCode') : t('secondFactor.useRecoveryCode')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
      <Text size="sm" role={expired ? 'alert' : undefined}>
        {expired ? `${t('secondFactor.expired')} ` : null}
        <Anchor component={Link} to="/login" state={location.state}>
          {t('secondFactor.backToSignIn')}
        </Anchor>
      </Text>
    </Stack>
  );
}
