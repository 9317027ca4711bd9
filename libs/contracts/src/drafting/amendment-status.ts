import { z } from 'zod';
import { RECOMMENDATIONS, type NotAppliedReason } from '@parley/domain';
import { amendmentKindValue, explanationPartSchema } from '../api/domain-shapes';

const NOT_APPLIED_REASONS = [
  'duplicate-amendment-id',
  'target-not-found',
  'target-deleted',
  'target-already-amended',
  'new-clause-id-taken',
] as const satisfies readonly NotAppliedReason[];

/**
 * Why an amendment is outdated or rejected, in machine form (`statusNote` says it in English):
 * - `target-changed` / `target-deleted`: its clause changed, or was deleted, after version `since`;
 * - `not-applied`: accepted, but consolidation into `version` could not apply it (`reason`);
 * - `competing-amendment-accepted`: another amendment to the same clause of `version` was accepted;
 * - `version-adopted`: `version` was adopted while it was proposed;
 * - `ballot-failed`: its ballot failed or lacked a quorum, with the ballot's explanation;
 * - `merged-into`: merged into another proposal (`amendmentId`): the chair's streamlined proposal (`streamlined`), or by a recommendations ballot (`ballotId`);
 * - `recommendation-adopted`: decided by a ballot adopting the chair's recommendations (`ballotId`).
 */
export const amendmentStatusReason = /* @__PURE__ */ z
  .discriminatedUnion('code', [
    z.object({ code: z.literal('target-changed'), params: z.object({ since: z.number() }) }),
    z.object({ code: z.literal('target-deleted'), params: z.object({ since: z.number(), kind: amendmentKindValue }) }),
    z.object({ code: z.literal('not-applied'), params: z.object({ version: z.number(), reason: z.enum(NOT_APPLIED_REASONS) }) }),
    z.object({
      code: z.literal('competing-amendment-accepted'),
      params: z.object({
        acceptedAmendmentId: z.string(),
        clauseLabel: z.string().nullable(),
        version: z.number(),
        authorName: z.string(),
        organisationName: z.string(),
      }),
    }),
    z.object({ code: z.literal('version-adopted'), params: z.object({ version: z.number() }) }),
    z.object({
      code: z.literal('ballot-failed'),
      params: z.object({ ballotId: z.string(), outcome: z.enum(['failed', 'no-quorum']), explanationParts: z.array(explanationPartSchema) }),
    }),
    z.object({ code: z.literal('merged-into'), params: z.object({ amendmentId: z.string(), streamlined: z.boolean(), ballotId: z.string().nullable() }) }),
    z.object({ code: z.literal('recommendation-adopted'), params: z.object({ ballotId: z.string(), recommendation: z.enum(RECOMMENDATIONS) }) }),
  ])
  .meta({ id: 'AmendmentStatusReason' });
export type AmendmentStatusReason = z.infer<typeof amendmentStatusReason>;
