import { Anchor, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { AdoptionSubjectView, AmendmentSubjectView, BallotResponse } from '@parley/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DivisionSubject } from '../procedures/DivisionSubject';
import { DivisionResults } from '../procedures/DivisionPanel';
import { VotingPlace } from '../procedures/VotingOrderPanel';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { AmendmentStatusBadge } from '../documents/Amendments';
import { DiffText } from '../documents/DiffText';
import '../documents/documents.css';
import { ChairSubject } from './ChairSubject';
import { RecommendationNote, RecommendationsSubject } from '../negotiation/Streamlining';

/** Where a version is read, and a clause in it opened (on its amendments, when asked). */
export const versionPath = (documentId: string, version: number, clauseId?: string | null, panel?: 'amendments') =>
  `/documents/${documentId}?v=${version}${clauseId ? `&clause=${clauseId}` : ''}${clauseId && panel ? `&panel=${panel}` : ''}`;

function AmendmentSubject({ view: a, clauseLabel, rationale }: { view: AmendmentSubjectView; clauseLabel: string | null; rationale: string | null }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap">
        <Text size="sm">{t('ballots.subjectView.amendment.status')}</Text>
        <AmendmentStatusBadge status={a.status} />
      </Group>
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {a.kind === 'insert' && a.newClauseKind ? t('ballots.subjectView.amendment.newClause', { kind: t(`documents.kinds.${a.newClauseKind}`) }) : t('ballots.subjectView.amendment.change')}
        </Text>
        <Paper p="sm" radius="sm" bg="gray.0" data-testid="ballot-subject-diff">
          <DiffText parts={a.diff} />
        </Paper>
      </Stack>
      {a.recommendation ? <RecommendationNote recommendation={a.recommendation} /> : null}
      {rationale ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span fw={600}>
            {t('ballots.subjectView.amendment.rationale')}{' '}
          </Text>
          <bdi>{rationale}</bdi>
        </Text>
      ) : null}
      <Group gap={6} wrap="wrap" data-testid="ballot-subject-proposer">
        <Text size="sm" fw={600}>
          {t('ballots.subjectView.amendment.proposedBy')}
        </Text>
        <AffiliationBadge name={a.author.name ?? '?'} personId={a.author.id ?? undefined} affiliation={a.author.snapshot} size="sm" />
      </Group>
      <Stack gap={2} data-testid="ballot-subject-cosponsors">
        <Text size="sm" fw={600}>
          {a.cosponsors.length > 0 ? t('ballots.subjectView.amendment.cosponsors', { count: a.cosponsors.length }) : t('ballots.subjectView.amendment.noCosponsors')}
        </Text>
        {a.cosponsors.length > 0 ? (
          <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
            {a.cosponsors.map((c) => (
              <li key={c.person.id}>
                <AffiliationBadge name={c.person.name ?? '?'} personId={c.person.id ?? undefined} affiliation={c.person.snapshot} size="xs" />
              </li>
            ))}
          </Stack>
        ) : null}
      </Stack>
      <Group gap="md" wrap="wrap">
        {a.clauseId ? (
          <Anchor component={Link} to={versionPath(a.documentId, a.version, a.clauseId, 'amendments')} size="sm" fw={600}>
            {clauseLabel ? t('ballots.subjectView.amendment.seeAmendment', { clause: clauseLabel }) : t('ballots.subjectView.amendment.seeAmendmentUnlabelled')}
          </Anchor>
        ) : null}
        <Anchor component={Link} to={versionPath(a.documentId, a.version)} size="sm" fw={600}>
          {t('ballots.subjectView.amendment.readDocument', { version: a.version, document: a.documentTitle })}
        </Anchor>
      </Group>
    </Stack>
  );
}

function AdoptionSubject({ view: v }: { view: AdoptionSubjectView }) {
  const { t } = useTranslation();
  const c = v.counts;
  const textLabel = t('ballots.subjectView.adoption.textLabel', { version: v.version });
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('ballots.subjectView.adoption.lead', { version: v.version, document: v.documentTitle, count: v.clauses.length })}</Text>
      <List size="sm" spacing={2} data-testid="ballot-subject-counts">
        <List.Item>{t('ballots.subjectView.adoption.comments', { count: c.comments })}</List.Item>
        <List.Item>{t('ballots.subjectView.adoption.unanswered', { count: c.unansweredClarifications })}</List.Item>
        <List.Item>{t('ballots.subjectView.adoption.openAmendments', { count: c.openAmendments })}</List.Item>
        <List.Item>{t('ballots.subjectView.adoption.acceptedWaiting', { count: c.acceptedWaiting })}</List.Item>
        <List.Item>{v.version === 1 ? t('ballots.subjectView.adoption.appliedNone') : t('ballots.subjectView.adoption.applied', { count: c.applied })}</List.Item>
      </List>
      <Paper withBorder radius="sm">
        {/* Focusable, so the text scrolls by keyboard too. */}
        <div tabIndex={0} role="region" aria-label={textLabel} data-testid="ballot-subject-text" style={{ maxHeight: 360, overflowY: 'auto' }}>
          <Stack component="ol" gap={6} m={0} p="sm" style={{ listStyle: 'none' }}>
            {v.clauses.map((cl) => (
              <li key={cl.id}>
                <Text size="sm" className="clause-text" dir="auto" data-kind={cl.kind}>
                  {cl.label ? <strong>{cl.label} </strong> : null}
                  {cl.text}
                </Text>
              </li>
            ))}
          </Stack>
        </div>
      </Paper>
      <Anchor component={Link} to={versionPath(v.documentId, v.version)} size="sm" fw={600}>
        {t('ballots.subjectView.adoption.readVersion', { version: v.version })}
      </Anchor>
    </Stack>
  );
}

/** What the ballot decides, in full, with links back to where it lives (nothing for a free motion). */
export function BallotSubject({ ballot }: { ballot: BallotResponse }) {
  const { t } = useTranslation();
  const view = ballot.subjectView;
  if (!view) return null;
  const details = ballot.subject.details;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="subject-title" data-testid="ballot-subject">
      <Title order={2} size="h4" id="subject-title" mb="sm">
        {t('ballots.subjectView.title')}
      </Title>
      {view.type === 'amendment' ? (
        <>
          <AmendmentSubject view={view} clauseLabel={details?.type === 'amendment' ? details.clauseLabel : null} rationale={ballot.description} />
          <VotingPlace amendmentId={view.amendmentId} />
        </>
      ) : view.type === 'adoption' ? (
        <>
          <AdoptionSubject view={view} />
          <DivisionResults documentId={view.documentId} />
        </>
      ) : view.type === 'recommendations' ? (
        <RecommendationsSubject view={view} />
      ) : view.type === 'division' ? (
        <DivisionSubject view={view} />
      ) : (
        <ChairSubject view={view} />
      )}
    </Paper>
  );
}
