import { Alert, Button, Stack } from '@mantine/core';
import { OIDC_ERRORS, type OidcError } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { startUrl, useSignInProviders } from './useIdentityProviders';

/** Why an institutional sign-in came back to this page (`/login?error=`), when it is one we know. */
export function InstitutionalSignInError() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const code = params.get('error');
  if (!code || !(OIDC_ERRORS as readonly string[]).includes(code)) return null;
  return (
    <Alert color="red" role="alert" title={t('auth.oidc.failedTitle')} data-oidc-error={code}>
      {t(`auth.oidc.errors.${code as OidcError}`)}
    </Alert>
  );
}

/** A "Sign in with …" button per enabled identity provider. */
export function SignInWithProviders({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  const providers = useSignInProviders();
  if (!providers.data?.length) return null;
  return (
    <Stack gap="xs" aria-label={t('auth.oidc.choices')} role="group">
      {providers.data.map((p) => (
        <Button key={p.id} component="a" href={startUrl(p.id, returnTo)} variant="default">
          {t('auth.oidc.signInWith', { provider: p.name })}
        </Button>
      ))}
    </Stack>
  );
}
