import { Anchor, Stack, Text } from '@mantine/core';
import type { HomeResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../ballots/TimeLeft';
import { auditSentence } from '../audit/sentences';
import { currentLanguage, intlLocale } from '../../i18n';

/** The latest acts of every chain as the audit log says them, each linked to its place in the chain. */
export function RecentActs({ acts }: { acts: HomeResponse['recentActs'] }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  return (
    <Stack component="ol" gap={0} m={0} p={0} style={{ listStyle: 'none' }} data-testid="home-acts">
      {acts.items.map((e, i) => (
        <li key={`${e.scope}:${e.sequence}`} className="home-row" data-action={e.action}>
          <Stack gap={2}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {auditSentence(t, e, lng)}
            </Text>
            <Anchor component={Link} to={acts.links[i].page} size="xs" c="gray.7">
              <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt, lng)}</time>
            </Anchor>
          </Stack>
        </li>
      ))}
    </Stack>
  );
}
