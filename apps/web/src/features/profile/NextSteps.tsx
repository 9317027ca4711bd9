import { Anchor, Badge, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { MeResponse, PersonProfileResponse } from '@parley/contracts';
import { isConfirmed } from '@parley/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { NeedsMe } from '../home/NeedsMe';
import { useHome } from '../home/useHome';
import { newcomerSteps, type StepState } from './steps';

const STATE_COLOURS: Record<StepState, string> = { done: 'green.9', next: 'blue.9', waiting: 'orange.9', later: 'gray.7' };

function Step({ n, id, title, state, children }: { n: number; id: string; title: string; state: StepState; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li data-step={id} data-state={state}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <ThemeIcon radius="xl" size="md" color={STATE_COLOURS[state]} variant={state === 'done' ? 'filled' : 'outline'} aria-hidden>
          {state === 'done' ? '✓' : n}
        </ThemeIcon>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={700} size="sm">
              {title}
            </Text>
            <Badge size="sm" variant="light" color={STATE_COLOURS[state]} c="gray.9" tt="none" data-testid="step-state">
              {t(`profile.steps.states.${state}`)}
            </Badge>
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {children}
          </Text>
        </Stack>
      </Group>
    </li>
  );
}

/**
 * The way in, on "My profile": the three steps of taking part (an affiliation, its confirmation by
 * the organisation's focal point, a working group), which are done and what comes next; once all
 * are done, what needs the person instead (the home page's "What needs you").
 */
export function NextSteps({ me, profile, welcome }: { me: MeResponse; profile: PersonProfileResponse; welcome: boolean }) {
  const { t } = useTranslation();
  const home = useHome();
  const places = home.data?.me?.groups;
  if (!places) return null;
  const snapshot = me.currentSnapshot;
  const steps = newcomerSteps({
    affiliated: snapshot !== null || profile.affiliations.some((a) => a.current),
    confirmed: isConfirmed(snapshot),
    joined: places.joined > 0,
    requested: places.requested > 0,
  });

  if (steps.allDone && home.data?.me)
    return (
      <Paper withBorder p="md" component="section" aria-labelledby="me-needs" data-testid="me-needs">
        <Title order={2} size="h4" id="me-needs" mb="xs">
          {t('home.mine.title')}
        </Title>
        <NeedsMe mine={home.data.me} />
      </Paper>
    );

  const organisation = snapshot?.organisationName ?? '';
  const groupsLink = (
    <Anchor component={Link} to="/working-groups">
      {t('profile.steps.group.link')}
    </Anchor>
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="me-steps" data-testid="me-steps">
      <Stack gap="sm">
        <Title order={2} size="h4" id="me-steps">
          {welcome ? t('profile.steps.welcome', { name: me.name }) : t('profile.steps.title')}
        </Title>
        <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          <Step n={1} id="affiliation" title={t('profile.steps.affiliation.title')} state={steps.affiliation}>
            {steps.affiliation === 'done' && snapshot ? (
              t('affiliation.atOrganisation', { title: snapshot.title, organisation })
            ) : (
              <Anchor href="#me-add-affiliation">{t('profile.steps.affiliation.link')}</Anchor>
            )}
          </Step>
          <Step n={2} id="confirmation" title={t('profile.steps.confirmation.title')} state={steps.confirmation}>
            {steps.confirmation === 'done' && snapshot?.confirmation ? (
              t('profile.steps.confirmation.done', { name: snapshot.confirmation.by.name })
            ) : steps.confirmation === 'waiting' && snapshot ? (
              <>
                {t('profile.steps.confirmation.waiting', { organisation })}{' '}
                <Anchor component={Link} to={`/organisations/${snapshot.organisationId}`}>
                  {t('profile.steps.confirmation.link', { organisation })}
                </Anchor>
              </>
            ) : (
              t('profile.steps.confirmation.later')
            )}
          </Step>
          <Step n={3} id="group" title={t('profile.steps.group.title')} state={steps.group}>
            {steps.group === 'done' ? (
              t('profile.steps.group.done', { count: places.joined })
            ) : steps.group === 'waiting' ? (
              <>
                {t('profile.steps.group.waiting')} {groupsLink}
              </>
            ) : steps.group === 'next' ? (
              groupsLink
            ) : (
              <>
                {t('profile.steps.group.later')} {groupsLink}
              </>
            )}
          </Step>
        </Stack>
      </Stack>
    </Paper>
  );
}
