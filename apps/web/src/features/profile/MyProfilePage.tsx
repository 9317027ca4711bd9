import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { isoDay } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useMe } from '../auth/useSession';
import { AffiliationList } from '../people/AffiliationList';
import { splitAffiliations } from '../people/affiliation-periods';
import { DeclarationList } from '../people/DeclarationList';
import { usePerson } from '../people/usePerson';
import { AddAffiliationForm } from './AddAffiliationForm';
import { AddDeclarationForm } from './AddDeclarationForm';
import { ConfirmationQueueLink } from '../confirmations/ConfirmationQueueLink';
import { AffiliationActions } from './AffiliationActions';
import { NextSteps } from './NextSteps';

/** My affiliations and declarations: what everyone sees next to my acts, and where I change it. */
export function MyProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const profile = usePerson(me.data?.id);
  // Set by sign-up: the welcome is said here, in the page, rather than in a toast over the form.
  const welcome = !!(useLocation().state as { welcome?: boolean } | null)?.welcome;

  if (me.isPending) return <PageLoader />;
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data)
    return (
      <Stack gap="md" align="flex-start">
        <PageTitle>{t('profile.title')}</PageTitle>
        <Text>{t('auth.needSignIn')}</Text>
        <Button component={Link} to="/login" state={{ from: '/me' }}>
          {t('auth.logIn')}
        </Button>
      </Stack>
    );
  const person = me.data;
  const today = isoDay(new Date());
  const lists = profile.data ? splitAffiliations(profile.data.affiliations, today) : null;
  const hasPrimary = !!lists?.current.some((a) => a.primary && a.current);

  return (
    <Stack gap="xl">
      <Stack gap={6}>
        <PageTitle>{t('profile.title')}</PageTitle>
        <Group gap="sm">
          <Text fw={600} size="lg">
            {person.name}
          </Text>
          {person.isSteward ? (
            <Badge variant="outline" color="gray" c="gray.9" style={{ textTransform: 'none' }}>
              {t('profile.steward')}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm">{t('profile.emailValue', { email: person.email })}</Text>
        <Anchor component={Link} to={`/people/${person.id}`} size="sm">
          {t('profile.publicLink')}
        </Anchor>
        <Anchor component={Link} to="/me/notifications" size="sm">
          {t('notifications.preferences.profileLink')}
        </Anchor>
        <Anchor component={Link} to="/me/security" size="sm">
          {t('security.title')}
        </Anchor>
        {person.isSteward ? (
          <Anchor component={Link} to="/steward/outbox" size="sm">
            {t('notifications.outbox.title')}
          </Anchor>
        ) : null}
        <ConfirmationQueueLink isSteward={person.isSteward} />
      </Stack>

      {profile.data ? <NextSteps me={person} profile={profile.data} welcome={welcome} /> : null}

      <Paper withBorder p="md" component="section" aria-labelledby="me-snapshot">
        <Title order={2} size="h4" id="me-snapshot" mb="xs">
          {t('profile.currentSnapshot')}
        </Title>
        {person.currentSnapshot ? (
          <Stack gap="xs">
            <AffiliationBadge name={person.name} affiliation={person.currentSnapshot} withTitle size="md" />
            <Text size="sm" c="dimmed">
              {t('profile.snapshotHelp')}
            </Text>
            {person.currentSnapshot.confirmation === null ? (
              <Alert variant="light" color="orange" c="gray.9" data-testid="awaiting-confirmation">
                {t('confirmation.pendingHelp', { organisation: person.currentSnapshot.organisationName })}
              </Alert>
            ) : null}
          </Stack>
        ) : (
          <Alert variant="light" color="yellow" c="gray.9">
            {t('profile.noSnapshot')}
          </Alert>
        )}
      </Paper>

      <Stack component="section" aria-labelledby="me-affiliations" gap="sm">
        <Title order={2} size="h3" id="me-affiliations">
          {t('profile.affiliationsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('profile.affiliationsHelp')}
        </Text>
        {profile.isPending ? (
          <PageLoader />
        ) : profile.isError ? (
          <QueryError error={profile.error} onRetry={() => void profile.refetch()} />
        ) : lists ? (
          <>
            <Title order={3} size="h5">
              {t('profile.currentAffiliations')}
            </Title>
            <AffiliationList
              affiliations={lists.current}
              today={today}
              empty={t('profile.noAffiliations')}
              actions={(a) => <AffiliationActions affiliation={a} />}
            />
            <Title order={3} size="h5">
              {t('profile.pastAffiliations')}
            </Title>
            <AffiliationList affiliations={lists.past} today={today} empty={t('profile.noPastAffiliations')} />
          </>
        ) : null}
        <Paper withBorder p="md" component="section" aria-labelledby="me-add-affiliation" mt="sm">
          <Title order={3} size="h4" id="me-add-affiliation" mb="sm">
            {t('profile.addAffiliationTitle')}
          </Title>
          {profile.data ? <AddAffiliationForm primaryByDefault={!hasPrimary} /> : null}
        </Paper>
      </Stack>

      <Stack component="section" aria-labelledby="me-declarations" gap="sm">
        <Title order={2} size="h3" id="me-declarations">
          {t('profile.declarationsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('profile.declarationsHelp')}
        </Text>
        {profile.data ? <DeclarationList declarations={profile.data.declarations} empty={t('profile.noDeclarations')} /> : null}
        <Paper withBorder p="md" component="section" aria-labelledby="me-add-declaration" mt="sm">
          <Title order={3} size="h4" id="me-add-declaration" mb="sm">
            {t('profile.addDeclarationTitle')}
          </Title>
          <AddDeclarationForm />
        </Paper>
      </Stack>
    </Stack>
  );
}

export default MyProfilePage;
