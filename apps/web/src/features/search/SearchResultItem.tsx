import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { SearchResult } from '@parley/contracts';
import type { TFunction } from 'i18next';
import type { AmendmentStatus, BallotStatus, CommentKind } from '@parley/contracts';
import type { ClauseStatus, ExplanationKind, GroupStatus, OrganisationSubtype } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { useFormatters } from '../../ui/useFormatters';
import { actionLabel } from '../audit/action-names';
import { MarkedPassage } from './MarkedPassage';
import { searchResultLink } from './search-links';

/** In words: a clause's status, a comment's kind, an amendment's or ballot's status… */
function statusLabel(t: TFunction, r: SearchResult): string | null {
  if (!r.status) return null;
  switch (r.kind) {
    case 'clause':
      return t(`clauseStatus.statuses.${r.status as ClauseStatus}`);
    case 'comment':
      return t(`documents.commentKinds.${r.status as CommentKind}`);
    case 'amendment':
      return t(`documents.amendmentStatus.${r.status as AmendmentStatus}`);
    case 'ballot':
      return t(`search.ballotStatus.${r.status as BallotStatus}`);
    case 'explanation':
      return t(`explanations.kinds.${r.status as ExplanationKind}`);
    case 'working-group':
      return t(`workingGroups.status.${r.status as GroupStatus}`);
    case 'organisation':
      return t(`subtypes.${r.status as OrganisationSubtype}`);
    case 'audit':
      return actionLabel(t, r.status);
    case 'person':
      return null;
  }
}

/** One result: what it is and where, its passage with the matched words marked, who acted with their affiliation then, and when. */
export function SearchResultItem({ result: r }: { result: SearchResult }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const status = statusLabel(t, r);
  const heading = r.title ?? r.target.document?.title ?? r.target.workingGroup?.name ?? t(`search.kinds.${r.kind}`);
  const where = [r.target.workingGroup?.name, r.title && r.target.document ? r.target.document.title : null, r.target.version ? t('search.version', { n: r.target.version }) : null].filter(
    (x): x is string => !!x,
  );
  return (
    <Paper component="li" withBorder p="md" className="search-result">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color="gray" size="sm">
            {t(`search.kinds.${r.kind}`)}
          </Badge>
          {status ? (
            <Badge variant="outline" color="dark" size="sm">
              {status}
            </Badge>
          ) : null}
          {r.openBrackets ? (
            <Badge variant="outline" color="dark" size="sm">
              {t('search.openBrackets', { n: f.number(r.openBrackets) })}
            </Badge>
          ) : null}
        </Group>
        <Title order={2} size="h5">
          <Anchor component={Link} to={searchResultLink(r)} style={{ overflowWrap: 'anywhere' }}>
            <bdi>{heading}</bdi>
          </Anchor>
        </Title>
        {where.length ? (
          <Text size="sm" c="dimmed">
            {where.map((w, i) => (
              <span key={w}>
                {i > 0 ? ' · ' : null}
                <bdi>{w}</bdi>
              </span>
            ))}
          </Text>
        ) : null}
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <MarkedPassage passage={r.passage} lang={r.language ?? undefined} />
        </Text>
        <Group gap="xs" wrap="wrap" align="center">
          {r.kind !== 'person' && r.author ? <AffiliationBadge name={r.author.name} personId={r.author.id} affiliation={r.affiliation} size="xs" /> : null}
          {r.kind === 'person' && r.affiliation ? <AffiliationBadge name={r.title ?? ''} affiliation={r.affiliation} size="xs" /> : null}
          <Text size="xs" c="dimmed">
            <time dateTime={r.at}>{f.date(r.at)}</time>
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
