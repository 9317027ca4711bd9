import type { ChoiceCounts, DecisionRule, ShareFraction, GroupQuorumCheck, BallotQuorum, QuorumCheck, QuorumResult, StakeholderGroupBreakdown } from './types';
import { participationOf } from './tally';

const MAX_DENOMINATOR = 1_000_000;
const TOLERANCE = 1e-9;

/**
 * A quorum share (0..1) as the simplest fraction within 1e-9 of it (continued fractions), so that
 * the comparison is exact: 0.5 → 1/2, 2/3 (0.666…) → 2/3, 0.1 + 0.2 (0.30000000000000004) → 3/10.
 */
export function shareToFraction(share: number): ShareFraction {
  if (!Number.isFinite(share) || share < 0 || share > 1) throw new RangeError(`a quorum share is between 0 and 1, not ${share}`);
  let [num, prevNum] = [1, 0];
  let [den, prevDen] = [0, 1];
  let x = share;
  for (;;) {
    const a = Math.floor(x);
    const nextDen = a * den + prevDen;
    if (nextDen > MAX_DENOMINATOR) break;
    [num, prevNum] = [a * num + prevNum, num];
    [den, prevDen] = [nextDen, den];
    const rest = x - a;
    if (Math.abs(num / den - share) <= TOLERANCE || rest === 0) break;
    x = 1 / rest;
  }
  return { numerator: num, denominator: den };
}

/**
 * Fewest participants meeting the share of a base: ceil(numerator × base / denominator) in
 * integers, and at least one when the share is above 0 (nobody taking part never meets a quorum,
 * even when everyone recused).
 */
export function participantsNeeded(fraction: ShareFraction, base: number): number {
  if (fraction.numerator === 0) return 0;
  const n = BigInt(fraction.numerator) * BigInt(base);
  const d = BigInt(fraction.denominator);
  const ceil = Number((n + d - 1n) / d);
  return Math.max(1, ceil);
}

export function checkQuorum(fraction: ShareFraction, counts: ChoiceCounts): QuorumCheck {
  const { participants, base } = participationOf(counts);
  const needed = participantsNeeded(fraction, base);
  return { participants, base, needed, met: participants >= needed };
}

/**
 * Applies the quorum. `perStakeholderGroup` only applies under `chambered` (elsewhere the share
 * is applied to the whole electorate); then each stakeholder group with eligible voters must meet
 * it, which also implies the overall share is met.
 */
export function applyQuorum(quorum: BallotQuorum, rule: DecisionRule, totals: ChoiceCounts, groups: readonly StakeholderGroupBreakdown[]): QuorumResult {
  const fraction = shareToFraction(quorum.share);
  const overall = checkQuorum(fraction, totals);
  const perStakeholderGroup = rule === 'chambered' && quorum.perStakeholderGroup === true;
  if (!perStakeholderGroup) return { share: quorum.share, fraction, perStakeholderGroup, overall, byStakeholderGroup: null, met: overall.met };
  const byStakeholderGroup: GroupQuorumCheck[] = groups
    .filter((g) => g.eligible > 0)
    .map((g) => ({ stakeholderGroup: g.stakeholderGroup, ...checkQuorum(fraction, g) }));
  const met = byStakeholderGroup.length > 0 ? byStakeholderGroup.every((g) => g.met) : overall.met;
  return { share: quorum.share, fraction, perStakeholderGroup, overall, byStakeholderGroup, met };
}
