export * from './types';
export { resolveOrganisationChoice } from './counting-units';
export { tallyBallot, participationOf } from './tally';
export { shareToFraction, participantsNeeded, checkQuorum, applyQuorum } from './quorum';
export { applyRule, chamberedVerdict, passesMajority, passesSupermajority, passesConsensus, supermajorityNeeded } from './rules';
export type { RuleVerdict } from './rules';
export { renderExplanation, renderPart, formatShare } from './explain';
export { decideBallot } from './decide-ballot';
export * from './reasons';
