import { Box, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useMe } from '../auth/useSession';
import { ActiveGroups } from './ActiveGroups';
import { AdoptedTexts, LatestEndorsements } from './AdoptedTexts';
import { HomeBallotList } from './HomeBallotList';
import { HomeSection, MoreCount } from './HomeSection';
import { NeedsMe } from './NeedsMe';
import { RecentActs } from './RecentActs';
import { useHome } from './useHome';
import './home.css';

/** The title, what Parley is, what is going on in numbers, and the way in (an account, or one's profile). */
function Welcome({ counts }: { counts: { groups: number; ballots: number } | null }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Paper radius="md" p={{ base: 'md', sm: 'xl' }} className="home-welcome">
      <Stack gap="md" maw={820}>
        <PageTitle documentTitle={t('app.name')}>{t('home.title')}</PageTitle>
        {/* A signed-in person knows what Parley is: their part comes up sooner, on a phone above the fold. */}
        {me.data ? null : <Text className="home-lead">{t('home.lead')}</Text>}
        {counts ? (
          <Text fw={600} data-testid="home-summary">
            {t('home.summary.groups', { count: counts.groups })} · {t('home.summary.ballots', { count: counts.ballots })}
          </Text>
        ) : null}
        <Group gap="sm" id="home-start">
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
          <Button component={Link} to="/working-groups" variant="default">
            {t('home.browseGroups')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The three rules a newcomer should know, in a line each. */
function Principles() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby="home-principles">
      <Title order={2} size="h5" id="home-principles" c="gray.8">
        {t('home.principlesTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {(['disclosure', 'groups', 'audit'] as const).map((k) => (
          <Box key={k}>
            <Text fw={700} size="sm">
              {t(`home.${k}Title`)}
            </Text>
            <Text size="sm" c="gray.7">
              {t(`home.${k}`)}
            </Text>
          </Box>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/**
 * The front door of a live platform: what needs the person signed in, the ballots open now, the
 * active groups with their composition and alarms, the latest adopted texts and endorsements, and
 * what just happened (the audit log's sentences). One request (GET /api/home).
 */
export function HomePage() {
  const { t } = useTranslation();
  const home = useHome();
  const data = home.data;
  const more = (count: number) => t('home.more', { count });
  return (
    <Stack gap="lg">
      <Welcome counts={data ? { groups: data.workingGroups.total, ballots: data.ballotsClosingSoon.total } : null} />
      {home.isError ? <QueryError error={home.error} onRetry={() => void home.refetch()} /> : null}
      {!data && !home.isError ? <PageLoader /> : null}
      {data ? (
        <>
          {data.me ? (
            <Paper
              withBorder
              radius="md"
              p={{ base: 'sm', sm: 'md' }}
              component="section"
              aria-labelledby="home-mine"
              className="home-mine"
              data-testid="home-needs-me"
            >
              <Stack gap="sm">
                <Title order={2} size="h4" id="home-mine">
                  {t('home.mine.title')}
                </Title>
                <NeedsMe mine={data.me} />
              </Stack>
            </Paper>
          ) : null}
          <Grid gutter="lg">
            <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
              <Stack gap="lg">
                <HomeSection
                  id="home-ballots"
                  testId="home-ballots"
                  title={t('home.ballots.title')}
                  empty={t('home.ballots.none')}
                  isEmpty={data.ballotsClosingSoon.items.length === 0}
                >
                  <HomeBallotList ballots={data.ballotsClosingSoon.items} testId="home-ballot-list" />
                  <MoreCount shown={data.ballotsClosingSoon.items.length} total={data.ballotsClosingSoon.total} label={more} />
                </HomeSection>
                <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
                  <HomeSection
                    id="home-adopted"
                    testId="home-adopted-texts"
                    title={t('home.adopted.title')}
                    empty={t('home.adopted.none')}
                    isEmpty={data.adoptedTexts.length === 0}
                  >
                    <AdoptedTexts texts={data.adoptedTexts} />
                  </HomeSection>
                  <HomeSection
                    id="home-endorsed"
                    testId="home-latest-endorsements"
                    title={t('home.endorsements.title')}
                    empty={t('home.endorsements.none')}
                    isEmpty={data.endorsements.length === 0}
                  >
                    <LatestEndorsements endorsements={data.endorsements} />
                  </HomeSection>
                </SimpleGrid>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
              <HomeSection
                id="home-acts"
                testId="home-recent"
                title={t('home.acts.title')}
                more={{ to: '/audit', label: t('home.acts.all') }}
                empty={t('home.acts.none')}
                isEmpty={data.recentActs.items.length === 0}
              >
                <RecentActs acts={data.recentActs} />
              </HomeSection>
            </Grid.Col>
          </Grid>
          <HomeSection
            id="home-groups"
            testId="home-groups"
            title={t('home.groupsSection.title')}
            more={{ to: '/working-groups', label: t('home.groupsSection.all') }}
            empty={t('home.groupsSection.none')}
            isEmpty={data.workingGroups.items.length === 0}
          >
            <ActiveGroups groups={data.workingGroups.items} />
          </HomeSection>
        </>
      ) : null}
      <Principles />
    </Stack>
  );
}

export default HomePage;
