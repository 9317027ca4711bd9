import { Group, Paper, Text } from '@mantine/core';
import type { PresenceSnapshot } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { AffiliationBadge } from '../ui/AffiliationBadge';

/**
 * Who is viewing this document or ballot right now, each in the compact affiliation form, and how
 * many readers are not signed in. Not a live region: people coming and going would be announced
 * without end; a screen-reader user finds it as a labelled region.
 */
export function PresenceBar({ presence }: { presence: PresenceSnapshot | null }) {
  const { t } = useTranslation();
  if (!presence || (presence.people.length === 0 && presence.anonymous === 0)) return null;
  return (
    <Paper component="section" aria-label={t('live.presenceLabel')} withBorder radius="md" px="sm" py={6} data-testid="presence-bar">
      <Group gap="xs" wrap="wrap" align="center">
        <Text size="sm" fw={600}>
          {t('live.viewingNow')}
        </Text>
        <Group component="ul" gap="md" wrap="wrap" m={0} p={0} style={{ listStyle: 'none' }}>
          {presence.people.map((p) => (
            <li key={p.id}>
              <AffiliationBadge name={p.name} personId={p.id} affiliation={p.snapshot} size="xs" />
            </li>
          ))}
        </Group>
        {presence.anonymous > 0 ? (
          <Text size="sm" c="dimmed">
            {presence.people.length > 0 ? t('live.andAnonymous', { count: presence.anonymous }) : t('live.anonymousOnly', { count: presence.anonymous })}
          </Text>
        ) : null}
      </Group>
    </Paper>
  );
}
