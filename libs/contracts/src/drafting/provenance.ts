import { PROVENANCE_HEADLINE_SOURCES } from '@parley/domain';
import { z } from 'zod';
import { amendmentKindValue, clauseKindValue, instant, organisationSubtypeValue, stakeholderGroupValue } from '../api/domain-shapes';
import { actorRef } from './actors';
import { AMENDMENT_STATUSES } from './vocabulary';

export const provenanceOriginResponse = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('original'), version: z.literal(1), author: actorRef }),
  z.object({ kind: z.literal('amendment'), amendmentId: z.string(), version: z.number(), author: actorRef }),
]);
export type ProvenanceOriginResponse = z.infer<typeof provenanceOriginResponse>;

export const provenanceSegmentResponse = /* @__PURE__ */ z.object({ text: z.string(), words: z.number(), origin: provenanceOriginResponse });
export type ProvenanceSegmentResponse = z.infer<typeof provenanceSegmentResponse>;

export const clauseHistoryEntry = /* @__PURE__ */ z.object({
  amendmentId: z.string(),
  kind: amendmentKindValue,
  status: z.enum(AMENDMENT_STATUSES),
  author: actorRef,
  baseVersion: z.number(),
  ballotId: z.string().nullable(),
  decidedAt: instant.nullable(),
  appliedInVersion: z.number().nullable(),
});
export type ClauseHistoryEntry = z.infer<typeof clauseHistoryEntry>;

export const clauseProvenanceResponse = /* @__PURE__ */ z.object({
  clauseId: z.string(),
  kind: clauseKindValue,
  label: z.string().nullable(),
  words: z.number(),
  segments: z.array(provenanceSegmentResponse),
  history: z.array(clauseHistoryEntry),
});
export type ClauseProvenanceResponse = z.infer<typeof clauseProvenanceResponse>;

const wordShare = { words: z.number(), share: z.number() };

export const provenanceResponse = /* @__PURE__ */ z
  .object({
    documentId: z.string(),
    version: z.number(),
    clauses: z.array(clauseProvenanceResponse),
    totals: z.object({
      words: z.number(),
      byGroup: z.array(z.object({ key: stakeholderGroupValue, ...wordShare })),
      bySubtype: z.array(z.object({ key: organisationSubtypeValue, ...wordShare })),
      byOrganisation: z.array(z.object({ key: z.string(), organisationName: z.string(), stakeholderGroup: stakeholderGroupValue, ...wordShare })),
      /** Words by authors whose affiliation was unconfirmed when they acted: not counted under any organisation. */
      unconfirmed: z.object({ key: z.literal('unconfirmed'), ...wordShare }),
      original: z.number(),
      amended: z.number(),
    }),
    /** The largest share of the text and who held it: the original draft (and its organisation), or one stakeholder group's amendments. */
    headline: z
      .object({
        source: z.enum(PROVENANCE_HEADLINE_SOURCES),
        group: stakeholderGroupValue,
        organisationName: z.string().nullable(),
        words: z.number(),
        share: z.number(),
        percent: z.number(),
        text: z.string(),
      })
      .nullable(),
  })
  .meta({ id: 'ProvenanceResponse' });
export type ProvenanceResponse = z.infer<typeof provenanceResponse>;
