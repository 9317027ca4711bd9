import { renderExplanation } from './explain';
import { applyQuorum } from './quorum';
import { applyRule } from './rules';
import { tallyBallot } from './tally';
import type { BallotInput, BallotOutcome, BallotResult, ExplanationPart } from './types';

/**
 * Counts and decides a ballot, computed once at close. In order:
 * 1. quorum (when there is one): not met → `no-quorum`;
 * 2. nobody took part (no yes, no or abstain) → `failed`, "nobody took part" — with no quorum,
 *    an empty ballot fails under every rule, consensus included;
 * 3. the rule.
 * Under the `organisation` unit every count (totals, breakdowns, quorum base) is of organisations.
 */
export function decideBallot(input: BallotInput): BallotResult {
  const tally = tallyBallot(input);
  const quorum = input.quorum === null ? null : applyQuorum(input.quorum, input.rule, tally.totals, tally.byStakeholderGroup);
  const notes: ExplanationPart[] =
    input.countingUnit === 'organisation' ? [{ code: 'counted-by-organisation', organisations: tally.electorate.organisations, people: tally.electorate.people }] : [];

  let outcome: BallotOutcome;
  let parts: ExplanationPart[];
  if (quorum && !quorum.met) {
    outcome = 'no-quorum';
    const { overall, byStakeholderGroup, fraction: share } = quorum;
    const first: ExplanationPart =
      byStakeholderGroup && byStakeholderGroup.length > 0
        ? { code: 'group-quorum-not-met', outcome, share, groups: byStakeholderGroup.filter((g) => !g.met) }
        : { code: 'quorum-not-met', outcome, participants: overall.participants, base: overall.base, recused: tally.totals.recuse, needed: overall.needed, share };
    parts = [first, ...notes];
  } else if (tally.participation.participants === 0) {
    outcome = 'failed';
    parts = [{ code: 'nobody-took-part', outcome, electorate: tally.electorate.size, recused: tally.totals.recuse }, ...notes];
  } else {
    const verdict = applyRule(input.rule, tally.totals, tally.byStakeholderGroup);
    outcome = verdict.passed ? 'passed' : 'failed';
    parts = [verdict.reason, ...verdict.notes, ...notes];
  }

  return {
    ...tally,
    rule: input.rule,
    quorum,
    quorumMet: quorum?.met ?? true,
    outcome,
    explanation: renderExplanation(parts),
    explanationParts: parts,
  };
}
