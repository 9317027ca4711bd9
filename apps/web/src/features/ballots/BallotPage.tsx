import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { roomName, type BallotResponse } from '@parley/contracts';
import { SECRET_BALLOT_MIN_CELL } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isProblem } from '../../api/client';
import { PresenceBar } from '../../realtime/PresenceBar';
import { useLiveRoom } from '../../realtime/useLiveRoom';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { PageLoader } from '../../ui/PageLoader';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { ballotTitle } from './ballot-title';
import { BallotSubject } from './BallotSubject';
import { TranslationsWarningRecord } from '../documents/language-versions/TranslationsWarning';
import { BallotTitle } from './BallotTitle';
import { BallotOutcome } from './BallotOutcome';
import { BallotTerms } from './BallotTerms';
import { RollCall } from './RollCall';
import { TallyBars } from './TallyBars';
import { formatDateTime, TimeLeft } from './TimeLeft';
import { useBallot } from './useBallot';
import { VoteForm } from './VoteForm';
import { CloseBallotEarly } from './CloseBallotEarly';
import { currentLanguage, intlLocale } from '../../i18n';

/** What kind of ballot, in which working group (a link to it). */
function Kicker({ ballot: b }: { ballot: BallotResponse }) {
  const { t } = useTranslation();
  const GROUP = '\u0000';
  const [before, after = ''] = t('ballots.kicker', { subject: t(`ballots.subject.${b.subject.type}`), group: GROUP }).split(GROUP);
  return (
    <Text size="sm" c="dimmed" fw={600} tt="uppercase">
      {before}
      <Anchor component={Link} to={`/working-groups/${b.workingGroup.id}`} inherit underline="always" data-testid="ballot-group-link">
        {b.workingGroup.name}
      </Anchor>
      {after}
    </Text>
  );
}

/** A ballot: the question, its terms in plain words, time left, your vote, the running tally, the roll call, and the outcome once closed. */
export function BallotPage() {
  const { t, i18n } = useTranslation();
  const lng = intlLocale(currentLanguage(i18n));
  const { id } = useParams();
  const ballot = useBallot(id);
  const live = useLiveRoom(id ? roomName.ballot(id) : null);

  if (ballot.isPending) return <PageLoader />;
  if (ballot.isError) {
    if (isProblem(ballot.error) && (ballot.error.status === 404 || ballot.error.status === 400))
      return (
        <Stack>
          <PageTitle>{t('ballots.title')}</PageTitle>
          <Text>{t('ballots.notFound')}</Text>
        </Stack>
      );
    return <QueryError error={ballot.error} onRetry={() => void ballot.refetch()} />;
  }
  const b = ballot.data;
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Kicker ballot={b} />
        <BallotTitle>{ballotTitle(t, b)}</BallotTitle>
        {b.description && !b.subjectView ? <Text style={{ whiteSpace: 'pre-wrap' }}>{b.description}</Text> : null}
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('ballots.openedBy', { date: formatDateTime(b.openedAt, lng) })}
          </Text>
          <AffiliationBadge name={b.openedBy.name} personId={b.openedBy.id} affiliation={b.openedBy.snapshot} size="xs" />
        </Group>
        {b.status === 'open' ? <TimeLeft closesAt={b.closesAt} /> : <Text fw={600}>{t('ballots.closed')}</Text>}
        <Text size="sm">{t('ballots.votesCast', { count: b.votesCast, size: b.electorateSize })}</Text>
        <PresenceBar presence={live.presence} />
      </Stack>

      <BallotOutcome ballot={b} />
      <TranslationsWarningRecord warnings={b.warnings} />
      <BallotSubject ballot={b} />
      <VoteForm ballot={b} />
      {b.me?.proxyVotes?.map((p) => <VoteForm key={p.proxyId} ballot={b} proxy={p} />)}
      <CloseBallotEarly ballot={b} />

      {b.runningTally ? (
        <Paper withBorder p="md" component="section" aria-labelledby="tally-title">
          <Title order={2} size="h4" id="tally-title" mb="xs">
            {t('ballots.tally.title')}
          </Title>
          <TallyBars
            rows={b.runningTally.byStakeholderGroup}
            caption={t(b.runningTally.countingUnit === 'organisation' ? 'ballots.tally.captionOrganisations' : 'ballots.tally.captionPeople')}
          />
        </Paper>
      ) : b.status === 'open' ? (
        <Text size="sm" c="dimmed">
          {t(b.visibility === 'secret' ? 'ballots.tally.secret' : 'ballots.tally.hidden')}
          {b.visibility === 'secret' ? ` ${t('ballots.disclosure.note', { count: SECRET_BALLOT_MIN_CELL })}` : null}
        </Text>
      ) : null}

      <BallotTerms ballot={b} />
      <RollCall ballot={b} />
    </Stack>
  );
}

export default BallotPage;
