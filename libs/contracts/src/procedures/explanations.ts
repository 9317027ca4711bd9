import { z } from 'zod';
import { EXPLANATION_KINDS, EXPLANATION_TIMINGS } from '@parley/domain';
import { text, uuid } from '../common';
import { instant } from '../api/domain-shapes';
import { actorRef } from '../drafting/actors';
import { allowedOrRefusal } from '../refusals/problem';

/**
 * Explanations of position (issue #19, decision record 0037): a delegation's position, reservation or
 * disassociation from named paragraphs, placed on a version under adoption or adopted. Not a vote.
 */
export const explanationKind = /* @__PURE__ */ z.enum(EXPLANATION_KINDS);

export const placeExplanationRequest = /* @__PURE__ */ z.strictObject({
  kind: explanationKind,
  /** The paragraphs (clause ids of this version) it is about; a disassociation names at least one. Empty: the whole text. */
  clauseIds: z.array(uuid).max(200).default([]),
  /** What the delegation says, for the record. */
  text: text(4000),
  /**
   * The delegation it is placed for. Optional: it is always the organisation of the speaker's current
   * affiliation; naming another organisation is refused, never silently corrected.
   */
  organisationId: uuid.optional(),
});
export type PlaceExplanationRequest = z.input<typeof placeExplanationRequest>;

export const explanationParagraph = /* @__PURE__ */ z.object({ clauseId: z.string(), label: z.string().nullable() });

export const explanationView = /* @__PURE__ */ z.object({
  id: z.string(),
  documentId: z.string(),
  version: z.number(),
  kind: explanationKind,
  /** The delegation, as named when the statement was placed. */
  organisationId: z.string(),
  organisationName: z.string(),
  /** The person who made it, with their affiliation as it was then (the stakeholder badge). */
  by: actorRef,
  paragraphs: z.array(explanationParagraph),
  text: z.string(),
  at: instant,
  /** Before or after the version's adoption, from its time against the version's adoptedAt. */
  timing: z.enum(EXPLANATION_TIMINGS),
});
export type ExplanationView = z.infer<typeof explanationView>;

/** Who disassociated from a paragraph of the version: "Japan disassociated from OP7". */
export const disassociationView = /* @__PURE__ */ z.object({
  clauseId: z.string(),
  label: z.string().nullable(),
  organisations: z.array(z.object({ organisationId: z.string(), organisationName: z.string() })),
});
export type DisassociationView = z.infer<typeof disassociationView>;

export const explanationsResponse = /* @__PURE__ */ z
  .object({
    documentId: z.string(),
    version: z.number(),
    adoptedAt: instant.nullable(),
    /** An adoption is under way on this version. */
    underAdoption: z.boolean(),
    /** Whether statements may be placed now, and whether they would be before or after the decision. */
    window: z.object({ open: z.boolean(), timing: z.enum(EXPLANATION_TIMINGS).nullable(), closesAt: instant.nullable() }),
    /** Oldest first. */
    explanations: z.array(explanationView),
    /** By paragraph, in the text's order. */
    disassociations: z.array(disassociationView),
    /** Whether the reader may place one now (true, or why not), and for which delegation. */
    can: z.object({ place: allowedOrRefusal, delegation: z.object({ organisationId: z.string(), organisationName: z.string() }).nullable() }),
  })
  .meta({ id: 'ExplanationsResponse' });
export type ExplanationsResponse = z.infer<typeof explanationsResponse>;
