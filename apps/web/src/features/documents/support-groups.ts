import type { AmendmentResponse } from '@parley/contracts';
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '@parley/domain';

/**
 * The stakeholder groups behind an amendment with support across groups: the proposer's own group
 * first, then its co-sponsors' other groups (canonical order). Empty while no co-sponsor is of
 * another group than the proposer.
 */
export function groupsBehind(a: Pick<AmendmentResponse, 'author' | 'crossGroupSupport'>): StakeholderGroup[] {
  if (a.crossGroupSupport.length === 0) return [];
  const proposer = a.author.snapshot?.stakeholderGroup;
  const others = STAKEHOLDER_GROUPS.filter((g) => g !== proposer && a.crossGroupSupport.includes(g));
  return proposer ? [proposer, ...others] : others;
}
