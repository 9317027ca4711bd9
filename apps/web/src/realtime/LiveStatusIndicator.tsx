import { Group, Loader, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JoinRoomRefused } from '@parley/contracts';
import { verdictMessage } from '../i18n/server-messages';
import { useLiveRefusal, useLiveStatus } from './useLiveRoom';

/** How long a lost connection goes unmentioned: a blip should not flash a message. */
export const RECONNECTING_GRACE_MS = 1500;

/**
 * A quiet "Reconnecting…" in the header while the live connection is lost (after a short grace),
 * gone once it is back; and why a room this page follows was refused, in the reader's language.
 * A polite status: announced once, not repeated.
 */
export function LiveStatusIndicator() {
  const { t } = useTranslation();
  const status = useLiveStatus();
  const refusal = useLiveRefusal();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (status !== 'reconnecting') {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), RECONNECTING_GRACE_MS);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <div role="status" aria-live="polite" data-testid="live-status">
      {shown ? (
        <Group gap={6} wrap="nowrap">
          <Loader size={12} type="dots" aria-hidden />
          <Text size="sm" c="dimmed">
            {t('live.reconnecting')}
          </Text>
        </Group>
      ) : (
        <LiveRefusalNotice refusal={refusal} />
      )}
    </div>
  );
}

/** A room the page follows was refused: say why, from its code. A missing room is not repeated: the page says it is not found. */
export function LiveRefusalNotice({ refusal }: { refusal: JoinRoomRefused | null }) {
  const { t } = useTranslation();
  if (!refusal || refusal.code === 'not-found') return null;
  return (
    <Text size="sm" c="dimmed" data-testid="live-refused">
      {t('live.refused', { reason: verdictMessage(t, refusal) })}
    </Text>
  );
}
