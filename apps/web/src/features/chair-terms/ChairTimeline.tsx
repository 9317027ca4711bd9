import { Anchor, Box, Group, Stack, Text, Title } from '@mantine/core';
import type { ChairTermResponse } from '@parley/contracts';
import { STAKEHOLDER_COLOURS } from '@parley/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';
import { useFormatters } from '../../ui/useFormatters';

/** The axis spans at least a minute, so a term that has just started is not a point. */
const MIN_SPAN = 60 * 1000;

interface Axis {
  start: number;
  end: number;
}

/** From the first term's start to now: each bar's length is its share of the whole history shown. */
export function timelineAxis(terms: ChairTermResponse[], now: number): Axis {
  const start = Math.min(now - MIN_SPAN, ...terms.map((t) => Date.parse(t.startedAt)));
  return { start, end: now };
}

const termEnd = (t: ChairTermResponse, now: number) => (t.endedAt ? Date.parse(t.endedAt) : now);

/** One term: a bar in the chair's stakeholder-group colour, solid when confirmed by ballot, hatched when not; the words beside say the same. */
function TermRow({ term, axis, now, showGroup }: { term: ChairTermResponse; axis: Axis; now: number; showGroup: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const colour = STAKEHOLDER_COLOURS[term.snapshot.stakeholderGroup];
  const span = axis.end - axis.start;
  const left = ((Date.parse(term.startedAt) - axis.start) / span) * 100;
  const width = Math.max(((termEnd(term, now) - Date.parse(term.startedAt)) / span) * 100, 0.8);
  const period = term.endedAt
    ? t('chairTerms.period.ended', { from: f.date(term.startedAt), to: f.date(term.endedAt) })
    : term.endsAt
      ? t('chairTerms.period.actingUntil', { from: f.date(term.startedAt), to: f.date(term.endsAt) })
      : t('chairTerms.period.acting', { from: f.date(term.startedAt) });
  return (
    <Box component="li" style={{ listStyle: 'none' }} data-testid="timeline-term" data-confirmed={term.confirmed}>
      <Group gap={6} wrap="wrap" mb={2}>
        <Anchor component={Link} to={`/people/${term.person.id}`} size="sm" fw={600}>
          {term.person.name}
        </Anchor>
        <Text span size="sm" c="dimmed">
          {term.snapshot.organisationName}
        </Text>
        <StakeholderGroupBadge group={term.snapshot.stakeholderGroup} size="xs" />
        {showGroup ? (
          <Text span size="xs" c="dimmed">
            · {term.workingGroup.name}
          </Text>
        ) : null}
      </Group>
      <Box aria-hidden="true" style={{ position: 'relative', height: 14, background: 'var(--mantine-color-gray-0)', borderRadius: 3 }}>
        <Box
          style={{
            position: 'absolute',
            top: 0,
            bottom: 0,
            insetInlineStart: `${left}%`,
            width: `${width}%`,
            borderRadius: 3,
            border: `2px ${term.confirmed ? 'solid' : 'dashed'} ${colour}`,
            background: term.confirmed ? colour : `repeating-linear-gradient(135deg, ${colour} 0 5px, #ffffff 5px 9px)`,
          }}
        />
      </Box>
      <Text size="xs" c="gray.7" mt={2}>
        {period} · {term.confirmed ? t('chairTerms.confirmedByBallot') : t('chairTerms.notConfirmed')}
        {term.endReason ? ` · ${t(`chairTerms.endReasons.${term.endReason}`)}` : ''}
        {term.state === 'overdue' ? ` · ${t('chairTerms.overdue')}` : ''}
      </Text>
    </Box>
  );
}

/**
 * Who chaired when: one row per term on a shared time axis, grouped by working group, each bar in
 * the chair's stakeholder-group colour (solid: confirmed by ballot; hatched: never confirmed).
 */
export function ChairTimeline({ terms, byGroup = true, groupNames = true, now = Date.now() }: { terms: ChairTermResponse[]; byGroup?: boolean; groupNames?: boolean; now?: number }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (terms.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('chairTerms.none')}
      </Text>
    );
  const axis = timelineAxis(terms, now);
  const groups = byGroup ? [...new Map(terms.map((x) => [x.workingGroup.id, x.workingGroup])).values()] : [null];
  return (
    <Stack gap="md" data-testid="chair-timeline">
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {f.date(new Date(axis.start).toISOString())}
        </Text>
        <Text size="xs" c="dimmed">
          {t('chairTerms.today')}
        </Text>
      </Group>
      {groups.map((g) => (
        <Stack key={g?.id ?? 'all'} gap={6} component="section" aria-label={g ? t('chairTerms.timelineOf', { name: g.name }) : t('chairTerms.timeline')}>
          {g ? (
            <Title order={3} size="h5">
              <Anchor component={Link} to={`/working-groups/${g.id}`}>
                {g.name}
              </Anchor>
            </Title>
          ) : null}
          <Stack component="ul" gap={10} m={0} p={0}>
            {terms
              .filter((x) => !g || x.workingGroup.id === g.id)
              .map((term) => (
                <TermRow key={term.id} term={term} axis={axis} now={now} showGroup={!byGroup && groupNames} />
              ))}
          </Stack>
        </Stack>
      ))}
      <Group gap="lg" wrap="wrap" aria-hidden="true">
        <Group gap={6}>
          <Box style={{ width: 28, height: 10, background: '#6b6b6b', borderRadius: 2 }} />
          <Text size="xs">{t('chairTerms.confirmedByBallot')}</Text>
        </Group>
        <Group gap={6}>
          <Box style={{ width: 28, height: 10, border: '2px dashed #6b6b6b', background: 'repeating-linear-gradient(135deg, #6b6b6b 0 5px, #fff 5px 9px)', borderRadius: 2 }} />
          <Text size="xs">{t('chairTerms.notConfirmed')}</Text>
        </Group>
      </Group>
    </Stack>
  );
}
