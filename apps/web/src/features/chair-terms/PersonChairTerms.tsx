import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryError } from '../../ui/QueryError';
import { ChairTermTable } from './ChairTermTable';
import { usePersonChairTerms } from './useChairTerms';

/** On a person's public profile: the chair terms they held, each with the affiliation recorded and its confirming ballot. */
export function PersonChairTerms({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const terms = usePersonChairTerms(personId);
  return (
    <Stack component="section" aria-labelledby="person-chair-terms" gap="sm">
      <Title order={2} size="h3" id="person-chair-terms">
        {t('chairTerms.ofPerson')}
      </Title>
      {terms.isError ? <QueryError error={terms.error} onRetry={() => void terms.refetch()} /> : null}
      {terms.data && terms.data.items.length === 0 ? <Text c="dimmed">{t('chairTerms.noneForPerson')}</Text> : null}
      {terms.data && terms.data.items.length > 0 ? (
        <>
          <ChairTermTable terms={terms.data.items} showPerson={false} />
          <Anchor component={Link} to={`/chair-terms?person=${encodeURIComponent(personId)}`} size="sm">
            {t('chairTerms.seeAll')}
          </Anchor>
        </>
      ) : null}
    </Stack>
  );
}
