import { OFFICES, PROVENANCE_HEADLINE_SOURCES } from '@parley/domain';
import { z } from 'zod';
import { agreedLanguagePedigree } from './agreed-language';
import { amendmentKindValue, clauseKindValue, instant, organisationSubtypeValue, stakeholderGroupValue } from '../api/domain-shapes';
import { actorRef } from './actors';
import { AMENDMENT_STATUSES } from './vocabulary';

export const provenanceOriginResponse = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('original'), version: z.literal(1), author: actorRef }),
  z.object({ kind: z.literal('amendment'), amendmentId: z.string(), version: z.number(), author: actorRef }),
  /** Words a chair's text wrote: its office, and its pen holder (`author`) with their affiliation as at the issue. */
  z.object({ kind: z.literal('chairs-text'), version: z.number(), label: z.string(), office: z.enum(OFFICES), author: actorRef }),
  /**
   * Agreed language (decision 0054): words quoted from an adopted text, with its pedigree. `author`
   * inserted them (by amendment `amendmentId`, or in the chair's text of `version`) but did not write
   * them: they count under no stakeholder group or organisation.
   */
  z.object({
    kind: z.literal('precedent'),
    version: z.number(),
    pedigree: agreedLanguagePedigree,
    author: actorRef,
    amendmentId: z.string().nullable(),
  }),
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
  /** The delegations that disassociated from this paragraph of the version, with its label ("OP7"), when any did (decision 0037). */
  disassociation: z.object({ label: z.string(), organisations: z.array(z.string()) }).optional(),
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
      /** Words written in chair's texts (also counted under their pen holder's group and organisation). */
      chairsText: z.number().optional(),
      /** Words quoted from agreed language: precedent, counted under no group or organisation. */
      precedent: z.number().optional(),
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
        /** For a chair's text: which one, under which office; `group` and `organisationName` are its pen holder's. */
        chairsText: z.object({ version: z.number(), label: z.string(), office: z.enum(OFFICES) }).optional(),
      })
      .nullable(),
  })
  .meta({ id: 'ProvenanceResponse' });
export type ProvenanceResponse = z.infer<typeof provenanceResponse>;
