import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { FormAlert } from '../../ui/FormErrors';
import { notifySuccess } from '../../ui/notify';
import { PageTitle } from '../../ui/PageTitle';
import { useForm } from '../../ui/useForm';
import { returnPath } from './return-path';
import { InstitutionalSignInError, SignInWithProviders } from '../identity-providers/SignInWithProviders';
import { SignedInNotice } from './SignedInNotice';
import { isSession, useLogin, useMe } from './useSession';

export function LogInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const form = useForm({ email: '', password: '' });
  const asked = (location.state as { from?: string } | null)?.from;

  return (
    <Stack maw={480} gap="md">
      <PageTitle>{t('auth.logInTitle')}</PageTitle>
      {me.data && !login.isSuccess ? (
        <SignedInNotice name={me.data.name} />
      ) : (
        <>
          {asked ? <Text role="status">{t('auth.needSignIn')}</Text> : null}
          <InstitutionalSignInError />
          <SignInWithProviders returnTo={returnPath(location.state)} />
          <Paper withBorder p="lg">
            <form
              ref={form.ref}
              noValidate
              onSubmit={form.onSubmit(async (v) => {
                const answer = await login.mutateAsync(v);
                if (!isSession(answer)) {
                  await navigate('/login/second-factor', { state: location.state });
                  return;
                }
                notifySuccess(t, t('auth.welcomeBack', { name: answer.me.name }));
                await navigate(returnPath(location.state), { replace: true });
              })}
            >
              <Stack gap="md">
                <TextInput label={t('auth.email')} type="email" autoComplete="username" required {...form.textProps('email')} />
                <PasswordInput
                  label={t('auth.password')}
                  autoComplete="current-password"
                  required
                  visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
                  {...form.textProps('password')}
                />
                <FormAlert messages={form.general} title={t('auth.logInFailed')} />
                <Button type="submit" loading={form.submitting}>
                  {t('auth.logIn')}
                </Button>
              </Stack>
            </form>
          </Paper>
          <Text size="sm">
            {t('auth.noAccount')}{' '}
            <Anchor component={Link} to="/signup">
              {t('auth.signUpLink')}
            </Anchor>
          </Text>
        </>
      )}
    </Stack>
  );
}

export default LogInPage;
