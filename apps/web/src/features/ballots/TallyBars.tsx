import { Box, Group, Stack, Text } from '@mantine/core';
import { isWithheld, STAKEHOLDER_COLOURS, VOTE_CHOICES, type PublishedRow, type StakeholderGroupBreakdown, type StakeholderGroup, type UnitChoice } from '@parley/domain';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { StakeholderGroupBadge } from '../../ui/StakeholderGroupBadge';

/** A group's counts, or (a secret ballot's result under disclosure control) withheld: then only its electorate is known. */
export type TallyRow = PublishedRow<StakeholderGroupBreakdown>;

/** A withheld row's bar: hatched grey across, no proportions (there are none to show). */
const WITHHELD_BAR: CSSProperties = { flexGrow: 1, background: 'repeating-linear-gradient(45deg, #e9e9e9 0 6px, #ffffff 6px 12px)' };

type Segment = UnitChoice;

/**
 * How each segment is drawn: yes in the group's colour, no in near-black with stripes, the rest in
 * greys. The numbers are always written next to the bar, so colour is never the only signal.
 */
const segmentStyle = (segment: Segment, colour: string): CSSProperties => {
  switch (segment) {
    case 'yes':
      return { background: colour };
    case 'no':
      return { background: 'repeating-linear-gradient(135deg, #3b3b3b 0 6px, #5c5c5c 6px 9px)' };
    case 'abstain':
      return { background: '#b8b8b8' };
    case 'recuse':
      return { background: '#dedede' };
    case 'notVoted':
      return { background: 'transparent' };
  }
};

/** The legend's yes swatch: the three groups' colours side by side. */
const ALL_GROUPS = `linear-gradient(90deg, ${STAKEHOLDER_COLOURS.government} 0 33%, ${STAKEHOLDER_COLOURS['private-sector']} 33% 66%, ${STAKEHOLDER_COLOURS['civil-society']} 66%)`;

const SEGMENTS: readonly Segment[] = [...VOTE_CHOICES, 'notVoted'];

/** One bar per stakeholder group: its counting units split by choice, with the group's name and the counts in words. */
export function TallyBars({ rows, caption, highlight = [] }: { rows: TallyRow[]; caption: string; highlight?: StakeholderGroup[] }) {
  const { t } = useTranslation();
  const shown = rows.filter((r) => r.eligible > 0);
  return (
    <Stack gap="sm" component="figure" m={0} aria-label={caption}>
      <Text component="figcaption" fw={600}>
        {caption}
      </Text>
      {shown.length === 0 ? <Text c="dimmed">{t('ballots.tally.empty')}</Text> : null}
      {shown.map((row) => {
        const colour = STAKEHOLDER_COLOURS[row.stakeholderGroup];
        const counts = isWithheld(row) ? null : row;
        const words = counts
          ? SEGMENTS.filter((s) => counts[s] > 0 || s === 'yes' || s === 'no')
              .map((s) => t(`ballots.tally.${s}`, { count: counts[s] }))
              .join(' · ')
          : t('ballots.tally.withheld');
        const failing = highlight.includes(row.stakeholderGroup);
        return (
          <Stack key={row.stakeholderGroup} gap={4} data-testid={`tally-${row.stakeholderGroup}`} data-withheld={counts === null || undefined}>
            <Group gap="xs" justify="space-between" wrap="wrap">
              <Group gap="xs">
                <StakeholderGroupBadge group={row.stakeholderGroup} />
                {failing ? (
                  <Text span size="sm" fw={700} c="red.9">
                    {t('ballots.tally.noMajority')}
                  </Text>
                ) : null}
              </Group>
              <Text size="sm">{words}</Text>
            </Group>
            <Box
              role="img"
              aria-label={`${t(`groups.${row.stakeholderGroup}`)}: ${words}`}
              style={{ display: 'flex', height: 18, border: `2px solid ${colour}`, borderRadius: 4, overflow: 'hidden', background: '#fff' }}
            >
              {counts === null ? <Box data-segment="withheld" style={WITHHELD_BAR} /> : null}
              {SEGMENTS.map((s) =>
                counts && counts[s] > 0 ? (
                  <Box
                    key={s}
                    data-segment={s}
                    style={{ ...segmentStyle(s, colour), flexGrow: counts[s], flexBasis: 0 }}
                    title={t(`ballots.tally.${s}`, { count: counts[s] })}
                  />
                ) : null,
              )}
            </Box>
          </Stack>
        );
      })}
      <Group gap="md" aria-hidden="true">
        {VOTE_CHOICES.map((s) => (
          <Group key={s} gap={4}>
            <Box className="icon-directional" style={{ ...segmentStyle(s, ALL_GROUPS), width: 14, height: 10, border: '1px solid #6b6b6b' }} />
            <Text size="xs">{t(`ballots.choice.${s}`)}</Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
