import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { useFormatters } from '../../ui/useFormatters';
import { VerifiedMark } from '../../ui/VerifiedMark';
import { useMe } from '../auth/useSession';
import { AppointFocalPointForm } from './AppointFocalPointForm';
import { useOrganisation, useRoster } from './useConfirmations';

/** One organisation: who answers for it (focal points), whom it confirmed, and, for them, the way to its queue. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { id } = useParams();
  const me = useMe();
  const organisation = useOrganisation(id);
  const roster = useRoster(id);
  if (organisation.isPending || roster.isPending) return <PageLoader />;
  if (organisation.isError) return <QueryError error={organisation.error} onRetry={() => void organisation.refetch()} />;
  if (roster.isError) return <QueryError error={roster.error} onRetry={() => void roster.refetch()} />;
  const o = organisation.data;
  const r = roster.data;
  const role = (x: string) => t(`confirmation.roles.${x as 'steward'}`);
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <PageTitle>{o.name}</PageTitle>
        <Group gap="xs">
          <StakeholderGroupBadge group={o.stakeholderGroup} subtype={o.subtype} />
          <VerifiedMark verified={o.verified} />
          {o.country ? <Text size="sm">{f.country(o.country)}</Text> : null}
          {o.lobbyingRegisterId ? <Text size="sm">{t('confirmation.org.register', { id: o.lobbyingRegisterId })}</Text> : null}
        </Group>
      </Stack>

      <Paper withBorder p="md" component="section" aria-labelledby="org-focal-points">
        <Title order={2} size="h4" id="org-focal-points" mb="xs">
          {t('confirmation.org.focalPoints')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('confirmation.org.focalPointsHelp')}
        </Text>
        {r.focalPoints.length === 0 ? (
          <Text size="sm">{t('confirmation.org.noFocalPoints')}</Text>
        ) : (
          <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
            {r.focalPoints.map((fp) => (
              <Text component="li" size="sm" key={fp.id}>
                <Anchor component={Link} to={`/people/${fp.person.id}`} fw={600}>
                  {fp.person.name}
                </Anchor>
                {fp.title ? `, ${fp.title}` : ''}
                <Text span c="dimmed" size="sm">
                  {' · '}
                  {t('confirmation.org.appointedBy', { name: fp.appointedBy.name, role: role(fp.appointedAs), date: f.date(fp.appointedAt) })}
                </Text>
              </Text>
            ))}
          </Stack>
        )}
      </Paper>

      <Stack component="section" aria-labelledby="org-delegates" gap="xs">
        <Title order={2} size="h4" id="org-delegates">
          {t('confirmation.org.delegates')}
        </Title>
        {r.confirmedDelegates.length === 0 ? (
          <Text size="sm">{t('confirmation.org.noDelegates')}</Text>
        ) : (
          <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
            {r.confirmedDelegates.map((d) => (
              <li key={d.person.id}>
                <AffiliationBadge name={d.person.name} personId={d.person.id} affiliation={d.snapshot} withTitle />
              </li>
            ))}
          </Stack>
        )}
        <Text size="sm" c="dimmed">
          {t('confirmation.org.pending', { count: r.pendingCount })}
        </Text>
        {r.allowed.decideAffiliations && r.pendingCount > 0 ? (
          <Anchor component={Link} to="/confirmations" size="sm">
            {t('confirmation.queueLink')}
          </Anchor>
        ) : null}
      </Stack>

      {r.allowed.appointFocalPoint && id ? <AppointFocalPointForm organisationId={id} roster={r} asSteward={!!me.data?.isSteward && r.focalPoints.length === 0} /> : null}
    </Stack>
  );
}

export default OrganisationPage;
