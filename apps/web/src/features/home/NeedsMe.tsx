import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { HomeMine } from '@parley/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AffiliationBadge } from '../../ui/AffiliationBadge';
import { useFormatters } from '../../ui/useFormatters';
import { excerpt } from '../audit/sentences';
import { HomeBallotList } from './HomeBallotList';
import { MoreCount } from './HomeSection';

function Part({ id, title, total, children }: { id: string; title: string; total: number; children: ReactNode }) {
  return (
    <Stack gap={6} component="section" aria-labelledby={id} data-testid={id}>
      <Group gap="xs" align="center" wrap="nowrap">
        <Title order={3} size="h5" id={id}>
          {title}
        </Title>
        <Badge size="sm" variant="filled" color="blue.9" circle={total < 10}>
          {total}
        </Badge>
      </Group>
      {children}
    </Stack>
  );
}

/** What waits on the person signed in: their votes, the comments they owe an answer, the requests to join they decide. */
export function NeedsMe({ mine }: { mine: HomeMine }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { ballotsToVote: ballots, commentsToAnswer: comments, joinRequestsToDecide: requests } = mine;
  const nothing = ballots.total + comments.total + requests.total === 0;
  if (nothing)
    return (
      <Text size="sm" c="gray.7" data-testid="home-nothing-needed">
        {t('home.mine.nothing')}
      </Text>
    );
  const more = (count: number) => t('home.more', { count });
  return (
    <Stack gap="md">
      {ballots.total > 0 ? (
        <Part id="home-mine-ballots" title={t('home.mine.ballots')} total={ballots.total}>
          <HomeBallotList ballots={ballots.items} testId="home-mine-ballot-list" />
          <MoreCount shown={ballots.items.length} total={ballots.total} label={more} />
        </Part>
      ) : null}
      {comments.total > 0 ? (
        <Part id="home-mine-comments" title={t('home.mine.comments')} total={comments.total}>
          <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
            {comments.items.map((c) => (
              <li key={c.id} className="home-row" data-comment-id={c.id}>
                <Stack gap={4}>
                  <Group gap="xs" wrap="wrap">
                    <Badge size="sm" variant="light" color={c.kind === 'clarification' ? 'orange' : 'gray'} c="gray.9" tt="none">
                      {t(`documents.commentKinds.${c.kind}`)}
                    </Badge>
                    <Anchor component={Link} to={`/documents/${c.documentId}?clause=${c.clauseId}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {c.documentTitle}
                    </Anchor>
                  </Group>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    “{excerpt(c.excerpt, 160)}”
                  </Text>
                  <Group gap={6} wrap="wrap">
                    <AffiliationBadge name={c.author.name} personId={c.author.id} affiliation={c.author.snapshot} size="xs" />
                    <Text size="xs" c="gray.7">
                      · {f.date(c.createdAt)}
                    </Text>
                  </Group>
                </Stack>
              </li>
            ))}
          </Stack>
          <MoreCount shown={comments.items.length} total={comments.total} label={more} />
        </Part>
      ) : null}
      {requests.total > 0 ? (
        <Part id="home-mine-requests" title={t('home.mine.requests')} total={requests.total}>
          <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
            {requests.items.map((r) => (
              <li key={r.id} className="home-row" data-request-id={r.id}>
                <Stack gap={4}>
                  <AffiliationBadge name={r.person.name} personId={r.person.id} affiliation={r.snapshot} size="sm" />
                  <Text size="sm">
                    {t(`home.mine.asks.${r.kind}`)}{' '}
                    <Anchor component={Link} to={`/working-groups/${r.workingGroup.id}`} fw={600}>
                      {r.workingGroup.name}
                    </Anchor>
                  </Text>
                  <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                    “{excerpt(r.statement, 160)}” · {f.date(r.requestedAt)}
                  </Text>
                </Stack>
              </li>
            ))}
          </Stack>
          <MoreCount shown={requests.items.length} total={requests.total} label={more} />
        </Part>
      ) : null}
    </Stack>
  );
}
