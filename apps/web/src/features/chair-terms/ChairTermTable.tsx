import { Anchor, Group, Table, Text } from '@mantine/core';
import type { ChairTermResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { useFormatters } from '../../ui/useFormatters';
import { VerifiedMark } from '../../ui/VerifiedMark';

/** Chair terms as a table: who, for whom, where, when, and the ballot that confirmed them (or that nothing did). */
export function ChairTermTable({ terms, showPerson = true }: { terms: ChairTermResponse[]; showPerson?: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" striped data-testid="chair-term-table">
        <Table.Thead>
          <Table.Tr>
            {showPerson ? <Table.Th scope="col">{t('chairTerms.columns.chair')}</Table.Th> : <Table.Th scope="col">{t('chairTerms.columns.affiliation')}</Table.Th>}
            <Table.Th scope="col">{t('chairTerms.columns.workingGroup')}</Table.Th>
            <Table.Th scope="col">{t('chairTerms.columns.period')}</Table.Th>
            <Table.Th scope="col">{t('chairTerms.columns.confirmation')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {terms.map((term) => (
            <Table.Tr key={term.id} data-testid="chair-term-row">
              <Table.Td>
                {showPerson ? (
                  <AffiliationBadge name={term.person.name} personId={term.person.id} affiliation={term.snapshot} />
                ) : (
                  <Group gap={6} wrap="wrap">
                    <Text span size="sm">
                      {t('affiliation.atOrganisation', { title: term.snapshot.title, organisation: term.snapshot.organisationName })}
                    </Text>
                    <StakeholderGroupBadge group={term.snapshot.stakeholderGroup} size="sm" />
                    <VerifiedMark verified={term.snapshot.organisationVerified} size="xs" />
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/working-groups/${term.workingGroup.id}`} size="sm">
                  {term.workingGroup.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {term.endedAt
                    ? t('chairTerms.period.ended', { from: f.date(term.startedAt), to: f.date(term.endedAt) })
                    : term.endsAt
                      ? t('chairTerms.period.actingUntil', { from: f.date(term.startedAt), to: f.date(term.endsAt) })
                      : t('chairTerms.period.acting', { from: f.date(term.startedAt) })}
                </Text>
                {term.endReason ? (
                  <Text size="xs" c="dimmed">
                    {t(`chairTerms.endReasons.${term.endReason}`)}
                    {term.endNote ? `: ${term.endNote}` : ''}
                  </Text>
                ) : null}
                {term.state === 'overdue' ? (
                  <Text size="xs" c="red.9" fw={600}>
                    {t('chairTerms.overdue')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                {term.confirmingBallot ? (
                  <Text size="sm">
                    <Anchor component={Link} to={`/ballots/${term.confirmingBallot.id}`} data-testid="confirming-ballot">
                      {t('chairTerms.ballotOutcome', {
                        outcome: term.confirmingBallot.outcome ? t(`chairTerms.outcomes.${term.confirmingBallot.outcome}`) : t('chairTerms.outcomes.open'),
                      })}
                    </Anchor>
                    {term.confirmingBallot.totals ? (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        {t('chairTerms.totals', { yes: term.confirmingBallot.totals.yes, no: term.confirmingBallot.totals.no, abstain: term.confirmingBallot.totals.abstain })}
                      </Text>
                    ) : null}
                  </Text>
                ) : (
                  <Text size="sm" c="red.9" fw={600}>
                    {t('chairTerms.notConfirmed')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
