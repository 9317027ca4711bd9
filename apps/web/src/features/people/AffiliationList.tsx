import { Anchor, Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import type { AffiliationResponse } from '@parley/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StarIcon } from '../../ui/icons';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { useFormatters } from '../../ui/useFormatters';
import { VerifiedMark } from '../../ui/VerifiedMark';
import { ConfirmationStatus } from './ConfirmationStatus';

function Period({ a, today }: { a: AffiliationResponse; today: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (a.endDate) return <>{t('affiliation.dates', { from: f.date(a.startDate), to: f.date(a.endDate) })}</>;
  if (a.startDate > today) return <>{t('affiliation.upcoming', { date: f.date(a.startDate) })}</>;
  return <>{t('affiliation.since', { date: f.date(a.startDate) })}</>;
}

/** Affiliations as a list: organisation with its group and verification, title, period, and whether the organisation confirmed it. */
export function AffiliationList({
  affiliations,
  today,
  empty,
  actions,
}: {
  affiliations: AffiliationResponse[];
  today: string;
  empty: string;
  actions?: (a: AffiliationResponse) => ReactNode;
}) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (affiliations.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  return (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
      {affiliations.map((a) => (
        <Paper component="li" withBorder p="sm" key={a.id} data-affiliation-id={a.id}>
          <Stack gap={6}>
            <Group gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/organisations/${a.organisation.id}`} fw={600}>
                {a.organisation.name}
              </Anchor>
              <StakeholderGroupBadge group={a.organisation.stakeholderGroup} subtype={a.organisation.subtype} />
              <VerifiedMark verified={a.organisation.verified} size="xs" />
              {a.organisation.country ? (
                <Text span size="xs" c="dimmed">
                  {f.country(a.organisation.country)}
                </Text>
              ) : null}
              {a.primary ? (
                <Badge variant="light" color="blue" c="blue.9" size="sm" leftSection={<StarIcon />} style={{ textTransform: 'none' }}>
                  {t('affiliation.primary')}
                </Badge>
              ) : null}
            </Group>
            <Text size="sm">
              {a.title}
              <Text span c="dimmed" size="sm">
                {' · '}
                <Period a={a} today={today} />
              </Text>
            </Text>
            {a.confirmation ? <ConfirmationStatus a={a} /> : null}
            {actions ? <Box>{actions(a)}</Box> : null}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
