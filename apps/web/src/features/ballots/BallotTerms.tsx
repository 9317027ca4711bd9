import { List, Paper, Title } from '@mantine/core';
import type { BallotResponse } from '@parley/contracts';
import { participantsNeeded } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { formatShare } from './explanation';
import { currentLanguage, intlLocale } from '../../i18n';

/** The rule, quorum, counting unit and disclosure of a ballot, each in plain words. */
export function BallotTerms({ ballot }: { ballot: BallotResponse }) {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const quorum =
    ballot.quorum === null
      ? t('ballots.terms.noQuorum')
      : t(ballot.quorumPerStakeholderGroup && ballot.rule === 'chambered' ? 'ballots.terms.quorumPerGroup' : 'ballots.terms.quorum', {
          share: formatShare(ballot.quorum, lng),
          needed: participantsNeeded({ numerator: Math.round(ballot.quorum * 10_000), denominator: 10_000 }, ballot.electorateSize),
          size: ballot.electorateSize,
        });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="ballot-terms">
      <Title order={2} size="h4" id="ballot-terms" mb="xs">
        {t('ballots.terms.title')}
      </Title>
      <List spacing={6} size="sm">
        <List.Item>
          <strong>{t(`ballots.rule.${ballot.rule}`)}</strong> — {t(`ballots.ruleExplained.${ballot.rule}`)}
        </List.Item>
        <List.Item>{quorum}</List.Item>
        <List.Item>{t(ballot.countingUnit === 'organisation' ? 'ballots.terms.byOrganisation' : 'ballots.terms.byPerson')}</List.Item>
        <List.Item>{t(ballot.visibility === 'secret' ? 'ballots.terms.secret' : 'ballots.terms.rollCall')}</List.Item>
        {ballot.visibility === 'roll-call' && ballot.tallies === 'hidden-until-close' ? <List.Item>{t('ballots.terms.hiddenUntilClose')}</List.Item> : null}
        <List.Item>{t(ballot.requireReasonForNo ? 'ballots.terms.reasonForNo' : 'ballots.terms.reasonForRecusal')}</List.Item>
        <List.Item>{t('ballots.terms.electorate', { count: ballot.electorateSize })}</List.Item>
      </List>
    </Paper>
  );
}
