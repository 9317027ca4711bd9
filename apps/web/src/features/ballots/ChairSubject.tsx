import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import type { ChairConfirmationSubjectView, ChairRemovalSubjectView } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { useFormatters } from '../../ui/useFormatters';
import { DeclarationList } from '../people/DeclarationList';

/**
 * A chair ballot's subject, said in the reader's language from the nomination or removal motion
 * (the ballot's stored description is English: it is not shown when this is available).
 */
export function ChairSubject({ view }: { view: ChairConfirmationSubjectView | ChairRemovalSubjectView }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const person = view.type === 'chair-confirmation' ? view.nominee : view.chair;
  return (
    <Stack gap="sm">
      <Group gap={6} wrap="wrap" data-testid="ballot-subject-person">
        <Text size="sm" fw={600}>
          {t(view.type === 'chair-confirmation' ? 'ballots.subjectView.chair.nominee' : 'ballots.subjectView.chair.chair')}
        </Text>
        <AffiliationBadge name={person.name} personId={person.id} affiliation={person.snapshot} withTitle size="sm" />
      </Group>
      {view.type === 'chair-confirmation' ? (
        <>
          {view.statement ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <Text span fw={600}>
                {t('ballots.subjectView.chair.statement')}{' '}
              </Text>
              {view.statement}
            </Text>
          ) : null}
          <Text size="sm" data-testid="ballot-subject-term">
            {view.termEndsOn ? t('ballots.subjectView.chair.termEndsOn', { date: f.date(view.termEndsOn) }) : t('ballots.subjectView.chair.termOpen')}
          </Text>
          <Group gap={6} wrap="wrap" data-testid="ballot-subject-nominator">
            <Text size="sm" fw={600}>
              {t('ballots.subjectView.chair.nominatedBy')}
            </Text>
            <AffiliationBadge name={view.nominatedBy.name} personId={view.nominatedBy.id} affiliation={view.nominatedBy.snapshot} size="sm" />
          </Group>
        </>
      ) : (
        <>
          <Text size="sm">{t('ballots.subjectView.chair.chairSince', { date: f.date(view.termStartedAt) })}</Text>
          {view.proposedBy ? (
            <Group gap={6} wrap="wrap" data-testid="ballot-subject-nominator">
              <Text size="sm" fw={600}>
                {t('ballots.subjectView.chair.proposedBy')}
              </Text>
              <AffiliationBadge name={view.proposedBy.name} personId={view.proposedBy.id} affiliation={view.proposedBy.snapshot} size="sm" />
            </Group>
          ) : null}
          {view.reason ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <Text span fw={600}>
                {t('ballots.subjectView.chair.reason')}{' '}
              </Text>
              {view.reason}
            </Text>
          ) : null}
        </>
      )}
      <Stack gap="xs" data-testid="ballot-subject-declarations">
        <Title order={3} size="h5">
          {t('ballots.subjectView.chair.declarations', { name: person.name })}
        </Title>
        <DeclarationList declarations={view.declarations} empty={t('ballots.subjectView.chair.noDeclarations', { name: person.name })} />
      </Stack>
      <Anchor component={Link} to={`/people/${person.id}`} size="sm" fw={600}>
        {t('ballots.subjectView.chair.personPage', { name: person.name })}
      </Anchor>
    </Stack>
  );
}
