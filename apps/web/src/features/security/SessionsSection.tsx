import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import type { ActiveSessionResponse } from '@parley/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../i18n/server-messages';
import { ConfirmActions } from '../../ui/ConfirmActions';
import { notifySuccess } from '../../ui/notify';
import { QueryError } from '../../ui/QueryError';
import { SessionList } from './SessionList';
import { deviceText } from './session-texts';
import { useEndOtherSessions, useEndSession, useMySessions } from './useSessions';

/**
 * The person's active sessions (decision 0051): where they are signed in, and a way to end any of
 * them, or all but this one. Each ending is confirmed first.
 */
export function SessionsSection() {
  const { t } = useTranslation();
  const sessions = useMySessions();
  const end = useEndSession();
  const endOthers = useEndOtherSessions();
  const [confirming, setConfirming] = useState<string | null>(null);

  const endOne = (s: ActiveSessionResponse) =>
    end.mutate(
      { id: s.id, current: s.current },
      { onSuccess: () => notifySuccess(t, s.current ? t('nav.loggedOut') : t('security.sessions.ended', { device: deviceText(t, s.device) })) },
    );
  const others = (sessions.data ?? []).filter((s) => !s.current);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sessions-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="sessions-title">
          {t('security.sessions.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('security.sessions.intro')}
        </Text>
        {sessions.isError ? <QueryError error={sessions.error} /> : null}
        {sessions.data ? (
          <SessionList
            sessions={sessions.data}
            action={(s) =>
              confirming === s.id ? (
                <Stack gap="xs">
                  <Text size="sm">
                    {s.current ? t('security.sessions.confirmCurrent') : t('security.sessions.confirmOne', { device: deviceText(t, s.device) })}
                  </Text>
                  <ConfirmActions
                    color="red"
                    confirm={t('security.sessions.endYes')}
                    onConfirm={() => endOne(s)}
                    onCancel={() => setConfirming(null)}
                    loading={end.isPending}
                  />
                </Stack>
              ) : (
                <Button
                  variant="outline"
                  color="red"
                  size="xs"
                  onClick={() => setConfirming(s.id)}
                  aria-label={t('security.sessions.endLabel', { device: deviceText(t, s.device) })}
                >
                  {t('security.sessions.end')}
                </Button>
              )
            }
          />
        ) : null}
        {end.isError ? (
          <Alert color="red" role="alert">
            {problemMessage(t, end.error)}
          </Alert>
        ) : null}
        {others.length > 0 ? (
          confirming === 'others' ? (
            <Stack gap="xs">
              <Text>{t('security.sessions.confirmOthers', { count: others.length })}</Text>
              <ConfirmActions
                color="red"
                confirm={t('security.sessions.endOthers')}
                onConfirm={() =>
                  endOthers.mutate(undefined, {
                    onSuccess: (r) => {
                      setConfirming(null);
                      notifySuccess(t, t('security.sessions.endedOthers', { count: r.ended }));
                    },
                  })
                }
                onCancel={() => setConfirming(null)}
                loading={endOthers.isPending}
              />
            </Stack>
          ) : (
            <Button variant="outline" color="red" onClick={() => setConfirming('others')} style={{ alignSelf: 'flex-start' }}>
              {t('security.sessions.endOthers')}
            </Button>
          )
        ) : null}
        {endOthers.isError ? (
          <Alert color="red" role="alert">
            {problemMessage(t, endOthers.error)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
