import { z } from 'zod';
import { BALLOT_OUTCOMES } from '@parley/domain';
import { event, id, isoTime } from './define';

const onVersion = { documentId: id, version: z.number() };

/** Division of the question, order of voting and last call (issue #19, decision record 0038), on each group's chain. */
export const PROCEDURES_DIVISION_EVENTS = {
  /** A voting member asked for a separate ballot on these clauses of the version (their labels then), with a reason. */
  'division.requested': event('division', z.strictObject({ ...onVersion, clauseIds: z.array(id), clauseLabels: z.array(z.string().nullable()), reason: z.string() })),
  /** A chair put the request to a separate ballot ("retain these paragraphs?"). */
  'division.put-to-ballot': event('division', z.strictObject({ ...onVersion, clauseIds: z.array(id), ballotId: id })),
  /** A chair declined the request, with a reason. */
  'division.declined': event('division', z.strictObject({ ...onVersion, reason: z.string() })),
  /** The separate ballot closed: the paragraphs are retained, or (failed) to be deleted by the next consolidation. */
  'division.decided': event('division', z.strictObject({ ...onVersion, ballotId: id, outcome: z.enum(BALLOT_OUTCOMES), result: z.enum(['retained', 'deleted']), clauseIds: z.array(id) })),
  /** A consolidation deleted the paragraphs of a failed division (`clauseIds`: those still in the text), credited to the ballot. */
  'division.applied': event('division', z.strictObject({ ...onVersion, ballotId: id, clauseIds: z.array(id) })),
  /** A chair set the order in which the amendments competing for a clause are voted, first voted first, with a reason. */
  'voting-order.set': event('voting-order', z.strictObject({ documentId: id, clauseId: id, amendmentIds: z.array(id), reason: z.string(), previous: z.array(id).nullable() })),
  /** A chair opened the version's last call: a fixed window for comments before the decision. */
  'last-call.opened': event('last-call', z.strictObject({ ...onVersion, days: z.number(), opensAt: isoTime, closesAt: isoTime, note: z.string().nullable() })),
} as const;
