import { Accordion, Badge, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useMe } from '../auth/useSession';
import { SignInFirst } from '../notifications/SignInFirst';
import { ProviderForm } from './ProviderForm';
import { useIdentityProviders } from './useIdentityProviders';

/** The steward's identity providers: who they are, what they vouch for, and registering or changing one. */
export default function IdentityProvidersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const steward = !!me.data?.isSteward;
  const providers = useIdentityProviders(steward);
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <SignInFirst title={t('identityProviders.title')} from="/steward/identity-providers" />;
  if (!steward)
    return (
      <Stack>
        <PageTitle>{t('identityProviders.title')}</PageTitle>
        <Text>{t('identityProviders.stewardsOnly')}</Text>
      </Stack>
    );
  return (
    <Stack gap="lg">
      <PageTitle>{t('identityProviders.title')}</PageTitle>
      <Text>{t('identityProviders.lead')}</Text>
      {providers.isPending ? (
        <PageLoader />
      ) : providers.isError ? (
        <QueryError error={providers.error} onRetry={() => void providers.refetch()} />
      ) : providers.data.length === 0 ? (
        <Text>{t('identityProviders.none')}</Text>
      ) : (
        <Accordion variant="separated">
          {providers.data.map((p) => (
            <Accordion.Item key={p.id} value={p.id}>
              <Accordion.Control>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600}>
                    <bdi>{p.name}</bdi>
                  </Text>
                  <Badge color={p.enabled ? '#1e6b35' : 'gray.7'} variant="filled">
                    {p.enabled ? t('identityProviders.enabled') : t('identityProviders.disabled')}
                  </Badge>
                  <Text size="sm" c="dimmed">
                    <bdi>{p.organisation?.name ?? t('identityProviders.noOrganisation')}</bdi>
                    {p.domains.length ? ` · ${p.domains.join(', ')}` : ''}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {t('identityProviders.redirectUri')}{' '}
                    <Code dir="ltr">{p.redirectUri}</Code>
                  </Text>
                  <ProviderForm provider={p} />
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="add-provider-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="add-provider-title">
            {t('identityProviders.add')}
          </Title>
          <ProviderForm />
        </Stack>
      </Paper>
    </Stack>
  );
}
