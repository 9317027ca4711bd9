import { STAKEHOLDER_GROUPS } from '../identity/stakeholders';
import { isShareAboveCap } from '../working-groups/caps';
import type { OrganisationSpeakingTime, SpeakingTime, SpokenTurn, StakeholderGroupSpeakingTime } from './types';

/**
 * Below this many turns no alarm is raised: the first speaker always holds the whole floor, and
 * that says nothing about who dominates the meeting.
 */
export const MIN_TURNS_FOR_SPEAKING_ALARM = 3;

const shareOf = (seconds: number, total: number) => (total > 0 ? seconds / total : 0);

/**
 * Speaking time by stakeholder group and by organisation, from each turn's speaker as they were when
 * they asked for the floor (their affiliation snapshot), with an alarm for every stakeholder group
 * that holds more than `cap` of the floor (the group's composition cap, the same rule as for
 * membership: strictly above). Every stakeholder group is listed, with zero when it has not spoken:
 * silence is part of the record. Organisations are listed by time, longest first.
 */
export function speakingTime(turns: readonly SpokenTurn[], cap: number): SpeakingTime {
  const totalSeconds = turns.reduce((sum, t) => sum + t.seconds, 0);
  const byGroup = new Map(STAKEHOLDER_GROUPS.map((g) => [g, { seconds: 0, turns: 0 }]));
  const byOrg = new Map<string, Omit<OrganisationSpeakingTime, 'share'>>();
  for (const t of turns) {
    const g = byGroup.get(t.snapshot.stakeholderGroup);
    if (g) {
      g.seconds += t.seconds;
      g.turns += 1;
    }
    const o = byOrg.get(t.snapshot.organisationId) ?? {
      organisationId: t.snapshot.organisationId,
      organisationName: t.snapshot.organisationName,
      stakeholderGroup: t.snapshot.stakeholderGroup,
      seconds: 0,
      turns: 0,
    };
    o.seconds += t.seconds;
    o.turns += 1;
    byOrg.set(t.snapshot.organisationId, o);
  }
  const byStakeholderGroup: StakeholderGroupSpeakingTime[] = [...byGroup].map(([stakeholderGroup, g]) => ({
    stakeholderGroup,
    seconds: g.seconds,
    turns: g.turns,
    share: shareOf(g.seconds, totalSeconds),
  }));
  const byOrganisation = [...byOrg.values()]
    .map((o) => ({ ...o, share: shareOf(o.seconds, totalSeconds) }))
    .sort((a, b) => b.seconds - a.seconds || a.organisationName.localeCompare(b.organisationName));
  const alarms =
    turns.length < MIN_TURNS_FOR_SPEAKING_ALARM
      ? []
      : byStakeholderGroup
          .filter((g) => isShareAboveCap(g.seconds, totalSeconds, { maxStakeholderGroupShare: cap }))
          .map((g) => ({ stakeholderGroup: g.stakeholderGroup, share: g.share, cap }));
  return { totalSeconds, turns: turns.length, byStakeholderGroup, byOrganisation, cap, alarms };
}

/** Whole seconds between two instants, never negative (a clock that stepped back counts as nothing). */
export function secondsBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
}
