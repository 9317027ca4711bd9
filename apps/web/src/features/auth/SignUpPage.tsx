import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { FormAlert } from '../../ui/FormErrors';
import { PageTitle } from '../../ui/PageTitle';
import { useForm } from '../../ui/useForm';
import { PasswordStrength } from './PasswordStrength';
import { SignedInNotice } from './SignedInNotice';
import { useMe, useRegister } from './useSession';

export function SignUpPage() {
  const { t } = useTranslation();
  const me = useMe();
  const register = useRegister();
  const navigate = useNavigate();
  const form = useForm({ name: '', email: '', password: '' });

  return (
    <Stack maw={480} gap="md">
      <PageTitle>{t('auth.signUpTitle')}</PageTitle>
      {me.data && !register.isSuccess ? (
        <SignedInNotice name={me.data.name} />
      ) : (
        <>
          <Text>{t('auth.signUpLead')}</Text>
          <Paper withBorder p="lg">
            <form
              ref={form.ref}
              noValidate
              onSubmit={form.onSubmit(async (v) => {
                const outcome = await register.mutateAsync(v);
                if (!outcome.signedIn) return;
                // The welcome is said on the profile, with the steps to take part: a toast would cover its form.
                await navigate('/me', { state: { welcome: true } });
              })}
            >
              <Stack gap="md">
                <TextInput label={t('auth.name')} description={t('auth.nameHint')} autoComplete="name" required {...form.textProps('name')} />
                <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.textProps('email')} />
                <PasswordInput
                  label={t('auth.password')}
                  description={t('auth.passwordHint')}
                  autoComplete="new-password"
                  required
                  visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
                  {...form.textProps('password')}
                  // Mantine marks only data-invalid on the inner input: say it to assistive technology (and to useForm's focus).
                  aria-invalid={Boolean(form.errors.password)}
                />
                <PasswordStrength password={form.values.password} name={form.values.name} email={form.values.email} />
                <FormAlert messages={form.general} title={t('auth.signUpFailed')} />
                {register.data?.signedIn === false && (
                  <Alert color="blue" variant="outline" role="status" title={t('auth.notSignedInTitle')}>
                    {t('auth.notSignedIn')}{' '}
                    <Anchor component={Link} to="/login">
                      {t('auth.logInLink')}
                    </Anchor>
                  </Alert>
                )}
                <Button type="submit" loading={form.submitting}>
                  {t('auth.signUp')}
                </Button>
              </Stack>
            </form>
          </Paper>
          <Text size="sm">
            {t('auth.haveAccount')}{' '}
            <Anchor component={Link} to="/login">
              {t('auth.logInLink')}
            </Anchor>
          </Text>
        </>
      )}
    </Stack>
  );
}

export default SignUpPage;
