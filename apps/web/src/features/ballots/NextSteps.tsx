import { Anchor, Text } from '@mantine/core';
import type { BallotResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { versionPath } from './BallotSubject';

/** After close: what the outcome sets in motion for the subject, and where to go to see it happen. */
export function NextSteps({ ballot }: { ballot: BallotResponse }) {
  const { t } = useTranslation();
  const view = ballot.subjectView;
  if (ballot.status !== 'closed' || !ballot.outcome || !view) return null;
  const passed = ballot.outcome === 'passed';
  let sentence: string;
  let link: { to: string; label: string };
  switch (view.type) {
    case 'amendment':
      sentence = !passed
        ? t('ballots.next.amendment.rejected')
        : view.appliedInVersion
          ? t('ballots.next.amendment.applied', { version: view.appliedInVersion })
          : t('ballots.next.amendment.waiting');
      link = { to: versionPath(view.documentId, view.appliedInVersion ?? view.version, view.clauseId), label: t('ballots.next.document') };
      break;
    case 'adoption':
      sentence = t(passed ? 'ballots.next.adoption.passed' : 'ballots.next.adoption.failed', { version: view.version });
      link = passed
        ? { to: `/documents/${view.documentId}/versions/${view.version}/signatories`, label: t('ballots.next.endorse') }
        : { to: `/documents/${view.documentId}`, label: t('ballots.next.document') };
      break;
    case 'chair-confirmation':
      sentence = t(
        !passed ? 'ballots.next.chair-confirmation.failed' : view.nominationStatus === 'lapsed' ? 'ballots.next.chair-confirmation.lapsed' : 'ballots.next.chair-confirmation.passed',
        { name: view.nominee.name },
      );
      link = { to: '/chair-terms', label: t('ballots.next.chairTerms') };
      break;
    case 'recommendations':
      sentence = t(passed ? 'ballots.next.recommendations.passed' : 'ballots.next.recommendations.failed', { count: view.items.length });
      link = { to: `/documents/${view.documentId}`, label: t('ballots.next.document') };
      break;
    case 'division':
      sentence = t(view.result === 'deleted' ? 'division.next.deleted' : 'division.next.retained');
      link = { to: `/documents/${view.documentId}`, label: t('ballots.next.document') };
      break;
    case 'chair-removal':
      sentence = t(passed ? 'ballots.next.chair-removal.passed' : 'ballots.next.chair-removal.failed', { name: view.chair.name });
      link = { to: '/chair-terms', label: t('ballots.next.chairTerms') };
      break;
  }
  return (
    <Text data-testid="ballot-next-steps">
      <Text span fw={600}>
        {t('ballots.next.title')}{' '}
      </Text>
      {sentence}{' '}
      <Anchor component={Link} to={link.to} fw={600}>
        {link.label}
      </Anchor>
    </Text>
  );
}
