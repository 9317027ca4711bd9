import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { isoDay } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useFormatters } from '../../ui/useFormatters';
import { AffiliationList } from './AffiliationList';
import { splitAffiliations } from './affiliation-periods';
import { PersonChairTerms } from '../chair-terms/PersonChairTerms';
import { EndAllSessions } from '../security/EndAllSessions';
import { DeclarationList } from './DeclarationList';
import { usePerson } from './usePerson';

/** A person's public profile: who they work for now and before, and what interests they declared. No e-mail. */
export function PersonPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { id } = useParams();
  const person = usePerson(id);

  if (person.isPending) return <PageLoader />;
  if (person.isError) {
    if (isProblem(person.error) && (person.error.status === 404 || person.error.status === 400))
      return (
        <Stack>
          <PageTitle>{t('people.title')}</PageTitle>
          <Text>{t('people.notFound')}</Text>
        </Stack>
      );
    return <QueryError error={person.error} onRetry={() => void person.refetch()} />;
  }

  const p = person.data;
  const today = isoDay(new Date());
  const { current, past } = splitAffiliations(p.affiliations, today);
  return (
    <Stack gap="xl">
      <Stack gap={6}>
        <Text size="sm" c="dimmed" fw={600} tt="uppercase">
          {t('people.title')}
        </Text>
        <PageTitle>{p.name}</PageTitle>
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {t('people.joined', { date: f.date(p.joinedAt) })}
          </Text>
          {p.isSteward ? (
            <Badge variant="outline" color="gray" c="gray.9" style={{ textTransform: 'none' }}>
              {t('people.steward')}
            </Badge>
          ) : null}
        </Group>
      </Stack>

      <Paper withBorder p="md" component="section" aria-labelledby="person-current">
        <Title order={2} size="h4" id="person-current" mb="xs">
          {t('people.currentAffiliation')}
        </Title>
        <AffiliationBadge name={p.name} affiliation={p.currentSnapshot} withTitle size="md" />
      </Paper>

      <Stack component="section" aria-labelledby="person-affiliations" gap="sm">
        <Title order={2} size="h3" id="person-affiliations">
          {t('people.affiliationsTitle')}
        </Title>
        <Title order={3} size="h5">
          {t('people.currentAffiliations')}
        </Title>
        <AffiliationList affiliations={current} today={today} empty={t('people.noAffiliations')} />
        <Title order={3} size="h5">
          {t('people.pastAffiliations')}
        </Title>
        <AffiliationList affiliations={past} today={today} empty={t('people.noPastAffiliations')} />
      </Stack>

      <Stack component="section" aria-labelledby="person-declarations" gap="sm">
        <Title order={2} size="h3" id="person-declarations">
          {t('people.declarationsTitle')}
        </Title>
        <DeclarationList declarations={p.declarations} empty={t('people.noDeclarations')} />
      </Stack>

      <PersonChairTerms personId={p.id} />

      <EndAllSessions personId={p.id} name={p.name} />
    </Stack>
  );
}

export default PersonPage;
