import { spec } from './define';

/** Division of the question, order of voting and last call (decision 0038, apps/api/src/procedures/{division,voting-order,last-call}). */
export const PROCEDURES_DIVISION_REFUSALS = {
  /** Only a voting member of the group (or a chair) asks for a separate vote. */
  'division-members-only': spec(403),
  /** A clause named cannot be divided: named twice, not in the version, a heading, or every paragraph at once. */
  'division-clause-invalid': spec<{ why: 'duplicate' | 'not-in-version' | 'heading' | 'whole-text'; clauseId: string | null }>(409),
  /** The vote on the whole has begun (an adoption ballot is open): a separate vote is asked for before it. */
  'division-too-late': spec<{ version: number }>(409),
  /** The request was already put to a ballot or declined. */
  'division-not-pending': spec<{ status: string }>(409),
  /** The request was made on a version that is no longer the current one. */
  'division-version-superseded': spec<{ version: number; current: number }>(409),
  /** A separate vote is still to be decided, under ballot, or a deletion it voted waits for consolidation: the text cannot go to adoption yet. */
  'division-pending': spec<{ count: number }>(409),
  /** The order named is not the clause's undecided competing amendments, each once. */
  'voting-order-invalid': spec<{ why: 'too-few' | 'duplicate' | 'not-competing' | 'missing'; amendmentId: string | null }>(409),
  /** An amendment ahead of this one in the order of voting is still undecided: its ballot comes first. */
  'voting-order-ahead': spec<{ amendmentId: string; position: number; of: number }>(409),
  /** The version already had its last call. */
  'last-call-exists': spec<{ version: number }>(409),
  /** The window is shorter than the group's rule allows. */
  'last-call-too-short': spec<{ minimum: number }>(400),
} as const;
