import type { StakeholderGroup } from '../identity/stakeholders';
import type { ChamberTally, ChoiceCounts, DecisionRule, ExplanationPart, StakeholderGroupBreakdown } from './types';

export interface RuleVerdict {
  passed: boolean;
  /** The part stating the outcome and why. */
  reason: ExplanationPart;
  notes: ExplanationPart[];
}

const outcomeOf = (passed: boolean) => (passed ? 'passed' : 'failed');

/** yes > no; abstentions and recusals count neither way. */
export const passesMajority = (c: Pick<ChoiceCounts, 'yes' | 'no'>): boolean => c.yes > c.no;

/** yes ≥ 2/3 of (yes + no), in integers, and at least one yes (0 – 0 fails). */
export const passesSupermajority = (c: Pick<ChoiceCounts, 'yes' | 'no'>): boolean => c.yes >= 1 && 3 * c.yes >= 2 * (c.yes + c.no);

/** Yes votes a supermajority needs: ceil(2/3 × (yes + no)), and at least one. */
export const supermajorityNeeded = (c: Pick<ChoiceCounts, 'yes' | 'no'>): number => Math.max(1, Math.floor((2 * (c.yes + c.no) + 2) / 3));

/**
 * Nobody voted no (abstaining is standing aside) and at least one yes. Decision: like every rule
 * here, consensus never passes a motion nobody voted for, so all-abstain fails (as 0 – 0 does
 * under majority and supermajority) and nobody taking part fails ("nobody took part").
 */
export const passesConsensus = (c: Pick<ChoiceCounts, 'yes' | 'no'>): boolean => c.no === 0 && c.yes >= 1;

/**
 * A majority (yes > no) in each stakeholder group that has eligible voters; groups with none are
 * ignored (and named in a note). A group where nobody voted yes or no fails. With no group
 * holding eligible voters there is nothing to pass: it fails.
 */
export function chamberedVerdict(groups: readonly StakeholderGroupBreakdown[]): RuleVerdict {
  const counted: ChamberTally[] = groups
    .filter((g) => g.eligible > 0)
    .map((g) => ({ stakeholderGroup: g.stakeholderGroup, yes: g.yes, no: g.no, abstain: g.abstain, recuse: g.recuse, passed: passesMajority(g) }));
  const ignored: StakeholderGroup[] = groups.filter((g) => g.eligible === 0).map((g) => g.stakeholderGroup);
  const failedGroups = counted.filter((g) => !g.passed).map((g) => g.stakeholderGroup);
  const passed = counted.length > 0 && failedGroups.length === 0;
  return {
    passed,
    reason: { code: 'chambered', outcome: outcomeOf(passed), groups: counted, failedGroups },
    notes: ignored.length > 0 && counted.length > 0 ? [{ code: 'groups-without-voters', groups: ignored }] : [],
  };
}

/** Decides a ballot under its rule from counts already resolved to counting units. */
export function applyRule(rule: DecisionRule, totals: ChoiceCounts, groups: readonly StakeholderGroupBreakdown[]): RuleVerdict {
  const { yes, no, abstain, recuse } = totals;
  switch (rule) {
    case 'majority': {
      const passed = passesMajority(totals);
      return { passed, reason: { code: 'majority', outcome: outcomeOf(passed), yes, no, abstain, recuse }, notes: [] };
    }
    case 'supermajority': {
      const passed = passesSupermajority(totals);
      const needed = supermajorityNeeded(totals);
      return { passed, reason: { code: 'supermajority', outcome: outcomeOf(passed), yes, no, abstain, recuse, needed }, notes: [] };
    }
    case 'consensus': {
      const passed = passesConsensus(totals);
      return { passed, reason: { code: 'consensus', outcome: outcomeOf(passed), yes, no, abstain, recuse }, notes: [] };
    }
    case 'chambered':
      return chamberedVerdict(groups);
  }
}
