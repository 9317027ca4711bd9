import type { AuditEvent } from './audit-event';

/**
 * What the public log may withhold, and in what form — the one rule the server applies when it
 * serves events and the offline verifier applies when it checks them (docs/decisions/0019-withheld-changes-checkable.md).
 *
 * Only a vote on a roll-call ballot whose tallies are hidden until close is withheld, and only
 * while the ballot is open. Such a vote's change carries a random `nonce` (WITHHELD_NONCE_FIELD),
 * so its digest, which stays public, cannot be matched by trying the few possible choices; the
 * nonce is withheld with the change and published with it once the ballot closes, when anyone can
 * recompute the digest.
 */

/** Why an event's change is withheld from the public log for now: the only reason the server gives. */
export const WITHHELD_UNTIL_CLOSE = 'The choice is hidden until the ballot closes';

/** The actions whose change may be withheld: votes. */
export const WITHHOLDABLE_ACTIONS: ReadonlySet<string> = new Set(['vote.cast', 'vote.changed']);

/** The member of a withholdable change that makes its digest unguessable. */
export const WITHHELD_NONCE_FIELD = 'nonce';

/** A ballot's terms as its `ballot.opened` change records them (fixed when it opens). */
export interface WithholdingTerms {
  visibility?: unknown;
  tallies?: unknown;
}

/** Whether a ballot's terms hide its votes' choices until it closes: roll-call with tallies hidden until close. */
export function termsWithholdChoices(terms: WithholdingTerms): boolean {
  return terms.visibility === 'roll-call' && terms.tallies === 'hidden-until-close';
}

/** Why a line served as withheld is not in exactly the form the server withholds in; null when it is. */
export function withheldFormProblem(e: Pick<AuditEvent, 'action' | 'subjectType' | 'change' | 'withheld'>): string | null {
  if (!WITHHOLDABLE_ACTIONS.has(e.action) || e.subjectType !== 'ballot')
    return `the change is marked withheld, but the server never withholds a ${e.action} on a ${e.subjectType}: only votes on ballots`;
  if (e.withheld !== WITHHELD_UNTIL_CLOSE) return `the change is marked withheld for a reason the server never gives (${JSON.stringify(e.withheld)})`;
  const change: unknown = e.change;
  if (typeof change !== 'object' || change === null || Array.isArray(change) || Object.keys(change).length > 0)
    return 'the change is marked withheld, yet the line carries one: a withheld change is served empty';
  return null;
}

/**
 * What the chain walk must remember or check about withholding, beyond one event's own integrity:
 * that a ballot's opening says its votes may be withheld, or that this event is withheld on a ballot.
 */
export type WithholdingFact = { kind: 'opens-withholding-ballot'; ballotId: string } | { kind: 'withheld'; ballotId: string };

export function withholdingFact(e: Pick<AuditEvent, 'action' | 'subjectType' | 'subjectId' | 'change' | 'withheld'>): WithholdingFact | null {
  if (e.withheld !== undefined) return { kind: 'withheld', ballotId: e.subjectId };
  if (e.action === 'ballot.opened' && e.subjectType === 'ballot' && termsWithholdChoices(e.change ?? {}))
    return { kind: 'opens-withholding-ballot', ballotId: e.subjectId };
  return null;
}
