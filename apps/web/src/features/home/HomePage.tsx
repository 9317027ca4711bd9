import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { STAKEHOLDER_GROUPS } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../ui/PageTitle';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { useMe } from '../auth/useSession';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="xl">
      <Stack gap="sm" maw={760}>
        <PageTitle documentTitle={t('app.name')}>{t('home.title')}</PageTitle>
        <Text size="lg">{t('home.lead')}</Text>
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Paper withBorder p="md" component="section" aria-labelledby="home-disclosure">
          <Title order={2} size="h4" id="home-disclosure" mb="xs">
            {t('home.disclosureTitle')}
          </Title>
          <Text size="sm">{t('home.disclosure')}</Text>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="home-groups">
          <Title order={2} size="h4" id="home-groups" mb="xs">
            {t('home.groupsTitle')}
          </Title>
          <Text size="sm" mb="sm">
            {t('home.groups')}
          </Text>
          <Group gap="xs">
            {STAKEHOLDER_GROUPS.map((g) => (
              <StakeholderGroupBadge key={g} group={g} size="md" />
            ))}
          </Group>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="home-audit">
          <Title order={2} size="h4" id="home-audit" mb="xs">
            {t('home.auditTitle')}
          </Title>
          <Text size="sm">{t('home.audit')}</Text>
        </Paper>
      </SimpleGrid>

      <Stack gap="sm" component="section" aria-labelledby="home-start">
        <Title order={2} size="h3" id="home-start">
          {t('home.startTitle')}
        </Title>
        <Text>{t('home.declareAffiliation')}</Text>
        <Group gap="sm">
          {me.data ? (
            <Button component={Link} to="/me">
              {t('home.myProfile')}
            </Button>
          ) : (
            <>
              <Button component={Link} to="/signup">
                {t('home.signUp')}
              </Button>
              <Button component={Link} to="/login" variant="default">
                {t('home.logIn')}
              </Button>
            </>
          )}
          <Button component={Link} to="/organisations" variant="default">
            {t('home.browseOrganisations')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}

export default HomePage;
