import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { HomeAdoptedText, HomeEndorsement } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { useFormatters } from '../../ui/useFormatters';

const signatoriesOf = (documentId: string, version: number) => `/documents/${documentId}/versions/${version}/signatories`;

/** The latest adopted versions: title, group, when, and how many organisations endorse them. */
export function AdoptedTexts({ texts }: { texts: HomeAdoptedText[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }} data-testid="home-adopted">
      {texts.map((a) => (
        <li key={`${a.documentId}:${a.version}`} className="home-row">
          <Stack gap={2}>
            <Anchor component={Link} to={`/documents/${a.documentId}?v=${a.version}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {a.title}
            </Anchor>
            <Text size="xs" c="gray.7">
              {t('home.adopted.meta', { version: a.version, date: f.date(a.adoptedAt), group: a.workingGroup.name })}
            </Text>
            <Anchor component={Link} to={signatoriesOf(a.documentId, a.version)} size="xs">
              {t('home.adopted.signatories', { count: a.signatories })}
            </Anchor>
          </Stack>
        </li>
      ))}
    </Stack>
  );
}

/** The latest endorsements still standing: which organisation (with its stakeholder group) endorsed which text, when. */
export function LatestEndorsements({ endorsements }: { endorsements: HomeEndorsement[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }} data-testid="home-endorsements">
      {endorsements.map((e) => (
        <li key={e.id} className="home-row">
          <Stack gap={4}>
            <Text size="sm">{t('home.endorsements.sentence', { organisation: e.organisation.name, title: e.documentTitle, version: e.version })}</Text>
            <Group gap="xs" wrap="wrap">
              <StakeholderGroupBadge group={e.organisation.stakeholderGroup} subtype={e.organisation.subtype} size="xs" />
              <Anchor component={Link} to={signatoriesOf(e.documentId, e.version)} size="xs" c="gray.7">
                {f.date(e.endorsedAt)}
              </Anchor>
            </Group>
          </Stack>
        </li>
      ))}
    </Stack>
  );
}
