import { Button, Group, List, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/FormErrors';
import { PageLoader } from '../../ui/PageLoader';
import { QueryError } from '../../ui/QueryError';
import { useFormatters } from '../../ui/useFormatters';
import { problemMessage } from '../../i18n/server-messages';
import { useLinkedAccounts, useLinkProvider, useSignInProviders, useUnlinkProvider } from '../identity-providers/useIdentityProviders';

/** The institutional accounts a person signs in with: linked providers, linking another, unlinking (never the last way in). */
export function LinkedAccountsSection() {
  const { t } = useTranslation();
  const f = useFormatters();
  const linked = useLinkedAccounts();
  const providers = useSignInProviders();
  const link = useLinkProvider();
  const unlink = useUnlinkProvider();
  const [password, setPassword] = useState('');
  if (linked.isPending) return <PageLoader />;
  if (linked.isError) return <QueryError error={linked.error} onRetry={() => void linked.refetch()} />;
  const { links, hasPassword } = linked.data;
  const lastWayIn = !hasPassword && links.length === 1;
  const linkable = (providers.data ?? []).filter((p) => !links.some((l) => l.providerId === p.id));
  const error = link.error ?? unlink.error;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="linked-accounts-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="linked-accounts-title">
          {t('security.linked.title')}
        </Title>
        {links.length === 0 ? (
          <Text size="sm">{t('security.linked.none')}</Text>
        ) : (
          <List spacing="xs" listStyleType="none" p={0}>
            {links.map((l) => (
              <List.Item key={l.providerId}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <div>
                    <Text fw={600}>
                      <bdi>{l.providerName}</bdi>
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('security.linked.since', { date: f.date(l.linkedAt) })}
                      {l.lastSignInAt ? ` · ${t('security.linked.lastSignIn', { date: f.date(l.lastSignInAt) })}` : ''}
                    </Text>
                  </div>
                  <Button
                    variant="default"
                    size="xs"
                    disabled={lastWayIn}
                    loading={unlink.isPending && unlink.variables === l.providerId}
                    onClick={() => unlink.mutate(l.providerId)}
                    aria-label={t('security.linked.unlinkNamed', { provider: l.providerName })}
                  >
                    {t('security.linked.unlink')}
                  </Button>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {lastWayIn ? <Text size="sm">{t('security.linked.lastWayIn')}</Text> : null}
        {linkable.length > 0 && !hasPassword ? <Text size="sm">{t('security.linked.needsPassword')}</Text> : null}
        {linkable.length > 0 && hasPassword ? (
          <Stack gap="xs">
            <PasswordInput label={t('security.linked.password')} description={t('security.linked.passwordWhy')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} maw={360} />
            <Group gap="xs" wrap="wrap">
              {linkable.map((p) => (
                <Button key={p.id} size="sm" disabled={!password} loading={link.isPending && link.variables?.providerId === p.id} onClick={() => link.mutate({ providerId: p.id, password })}>
                  {t('security.linked.link', { provider: p.name })}
                </Button>
              ))}
            </Group>
          </Stack>
        ) : null}
        <FormAlert messages={error ? [problemMessage(t, error)] : []} title={t('security.linked.failed')} />
      </Stack>
    </Paper>
  );
}
