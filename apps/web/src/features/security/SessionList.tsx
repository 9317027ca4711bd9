import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ActiveSessionResponse } from '@parley/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../ui/useFormatters';
import { dateTime, deviceText } from './session-texts';

/** Sessions as cards (readable on a phone): device, network, how signed in, started, last used; `action` adds a button to each. */
export function SessionList({ sessions, action }: { sessions: ActiveSessionResponse[]; action?: (s: ActiveSessionResponse) => ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {sessions.map((s) => (
        <Paper component="li" withBorder p="sm" key={s.id} data-session={s.id}>
          <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
            <Stack gap={2}>
              <Group gap="xs">
                <Text fw={600}>{deviceText(t, s.device)}</Text>
                {s.current ? (
                  <Badge variant="light" color="green">
                    {t('security.sessions.thisDevice')}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm">
                {t('security.sessions.network')}: <bdi dir="ltr">{s.ipRange ?? t('security.sessions.networkUnknown')}</bdi>
              </Text>
              <Text size="sm">
                {t('security.sessions.signedInVia')}:{' '}
                {s.signedInVia.method === 'password'
                  ? t('security.sessions.via.password')
                  : (s.signedInVia.providerName ?? t('security.sessions.via.identityProvider'))}
              </Text>
              <Text size="sm" c="dimmed">
                {t('security.sessions.started', { when: dateTime(s.createdAt, locale) })} ·{' '}
                {t('security.sessions.lastUsed', { when: dateTime(s.lastUsedAt, locale) })}
              </Text>
            </Stack>
            {action?.(s)}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
