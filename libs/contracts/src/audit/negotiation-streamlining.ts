import { z } from 'zod';
import { AMENDMENT_KINDS, BALLOT_OUTCOMES, CLAUSE_KINDS, RECOMMENDATIONS } from '@parley/domain';
import { event, id } from './define';

const onDocument = { documentId: id };

/** Streamlining and the chair's recommendations (decision 0034), on each group's chain. */
export const NEGOTIATION_STREAMLINING_EVENTS = {
  /** A chair or rapporteur merged `sources` into this new proposal (its text and rationale), authored by them. */
  'amendment.streamlined': event(
    'amendment',
    z.strictObject({
      ...onDocument,
      kind: z.enum(AMENDMENT_KINDS),
      baseVersion: z.number(),
      targetClauseId: id.nullable(),
      targetText: z.string().nullable(),
      text: z.string(),
      newClauseKind: z.enum(CLAUSE_KINDS).nullable(),
      rationale: z.string(),
      sources: z.array(id),
    }),
  ),
  /** This amendment was merged into `mergedInto`: by streamlining (no ballot), or by a passed recommendations ballot. */
  'amendment.merged': event('amendment', z.strictObject({ ...onDocument, mergedInto: id, ballotId: id.nullable() })),
  /** A chair or rapporteur merged options of this bracket (`sources`, each now `mergedInto` the new one) into one new option, attributed to them. */
  'bracket.options-streamlined': event(
    'bracket',
    z.strictObject({ ...onDocument, clauseId: id, optionId: id, text: z.string(), rationale: z.string(), sources: z.array(id) }),
  ),
  /** The chair recorded a recommendation on this amendment (replacing `previous`, kept on record). */
  'amendment.recommendation-given': event(
    'amendment',
    z.strictObject({
      ...onDocument,
      recommendationId: id,
      recommendation: z.enum(RECOMMENDATIONS),
      reason: z.string(),
      targetAmendmentId: id.nullable(),
      previous: z.enum(RECOMMENDATIONS).nullable(),
    }),
  ),
  /** A chair put the recommendations on these amendments to one ballot. */
  'recommendations.put-to-ballot': event(
    'document',
    z.strictObject({ ...onDocument, ballotId: id, items: z.array(z.strictObject({ amendmentId: id, recommendationId: id, recommendation: z.enum(RECOMMENDATIONS) })) }),
  ),
  /** The recommendations ballot closed: what happened to each amendment, and whether it followed its recommendation. */
  'recommendations.decided': event(
    'document',
    z.strictObject({
      ...onDocument,
      ballotId: id,
      outcome: z.enum(BALLOT_OUTCOMES),
      items: z.array(
        z.strictObject({ amendmentId: id, recommendation: z.enum(RECOMMENDATIONS), status: z.enum(['accepted', 'rejected', 'merged', 'proposed']), mergedInto: id.nullable(), followed: z.boolean().nullable() }),
      ),
    }),
  ),
};
