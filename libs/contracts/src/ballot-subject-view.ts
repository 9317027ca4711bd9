import { z } from 'zod';
import { AMENDMENT_KINDS } from '@parley/domain';
import { affiliationSnapshotSchema, clauseKindValue, diffPartSchema, instant } from './api/domain-shapes';
import { actorRef } from './drafting/actors';
import { recommendationView, recommendationsBallotItem } from './negotiation/streamlining';
import { AMENDMENT_STATUSES } from './drafting/vocabulary';
import { declarationResponse } from './identity';
import { CHAIR_NOMINATION_STATUSES } from './working-group-vocabulary';

/** A person with the affiliation they held when they acted (nominated, proposed, co-sponsored). */
const personWithSnapshot = /* @__PURE__ */ z.object({ id: z.string(), name: z.string(), snapshot: affiliationSnapshotSchema });

/** An amendment put to the vote: its change against the clause, who proposed and backs it, where it lives. */
export const amendmentSubjectView = /* @__PURE__ */ z.object({
  type: z.literal('amendment'),
  amendmentId: z.string(),
  status: z.enum(AMENDMENT_STATUSES),
  kind: z.enum(AMENDMENT_KINDS),
  documentId: z.string(),
  documentTitle: z.string(),
  /** The version it applies to. */
  version: z.number(),
  /** The clause replaced, deleted or inserted after (null: an insertion at the start). */
  clauseId: z.string().nullable(),
  newClauseKind: clauseKindValue.nullable(),
  /** Word diff from the clause's text to the proposed text (an insertion: all inserted; a deletion: all deleted). */
  diff: z.array(diffPartSchema),
  author: actorRef,
  cosponsors: z.array(z.object({ person: actorRef, at: instant })),
  /** The version the accepted amendment was consolidated into, once it was. */
  appliedInVersion: z.number().nullable(),
  /** The chair's recommendation on it, shown apart from the decision (decision 0034); absent on older reads. */
  recommendation: recommendationView.nullable().optional(),
});

/** A set of the chair's recommendations put to one ballot: each amendment with the recommendation voted on and, once closed, what followed. */
export const recommendationsSubjectView = /* @__PURE__ */ z.object({
  type: z.literal('recommendations'),
  documentId: z.string(),
  documentTitle: z.string(),
  version: z.number(),
  items: z.array(recommendationsBallotItem),
});

/** A separate vote on clauses of a version (decision 0038): "retain these paragraphs?"; failed, they are deleted by the next consolidation. */
export const divisionSubjectView = /* @__PURE__ */ z.object({
  type: z.literal('division'),
  divisionId: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  version: z.number(),
  clauses: z.array(z.object({ clauseId: z.string(), label: z.string().nullable(), text: z.string() })),
  reason: z.string(),
  requestedBy: actorRef,
  /** `retained` or `deleted` once the ballot closed; null while it runs. */
  result: z.enum(['retained', 'deleted']).nullable(),
  /** The version that deleted the paragraphs, once one did. */
  consolidatedInVersion: z.number().nullable(),
});

/** A version put to adoption: its clauses, and where comments and amendments on it stand. */
export const adoptionSubjectView = /* @__PURE__ */ z.object({
  type: z.literal('adoption'),
  documentId: z.string(),
  documentTitle: z.string(),
  version: z.number(),
  /** Whether this version is now the adopted text. */
  adopted: z.boolean(),
  clauses: z.array(z.object({ id: z.string(), kind: clauseKindValue, label: z.string().nullable(), text: z.string() })),
  counts: z.object({
    comments: z.number(),
    unansweredClarifications: z.number(),
    /** Amendments to this version proposed or under ballot. */
    openAmendments: z.number(),
    /** Accepted amendments to this version not yet consolidated. */
    acceptedWaiting: z.number(),
    /** Amendments the consolidation that made this version applied (0 for version 1). */
    applied: z.number(),
  }),
});

/** A chair confirmation: who would chair, with their declared interests, who nominated them, and for how long. */
export const chairConfirmationSubjectView = /* @__PURE__ */ z.object({
  type: z.literal('chair-confirmation'),
  nominationId: z.string(),
  /** Where the nomination stands: `confirmed` once the passed ballot started the term, `lapsed` when it passed too late to. */
  nominationStatus: z.enum(CHAIR_NOMINATION_STATUSES),
  nominee: personWithSnapshot,
  declarations: z.array(declarationResponse),
  statement: z.string().nullable(),
  /** ISO day the term would end; null for no end date. */
  termEndsOn: z.string().nullable(),
  nominatedBy: personWithSnapshot,
});

/** A chair removal: the chair, their declared interests, who moved the removal and why. */
export const chairRemovalSubjectView = /* @__PURE__ */ z.object({
  type: z.literal('chair-removal'),
  chairTermId: z.string(),
  chair: personWithSnapshot,
  declarations: z.array(declarationResponse),
  termStartedAt: instant,
  /** Null on ballots without a recorded motion. */
  proposedBy: personWithSnapshot.nullable(),
  reason: z.string().nullable(),
});

/**
 * What a ballot decides, read from where it lives when the ballot is read (the amendment's current
 * status, the nominee's declarations today); null for free motions or a subject no longer found.
 */
export const ballotSubjectView = /* @__PURE__ */ z
  .discriminatedUnion('type', [amendmentSubjectView, adoptionSubjectView, chairConfirmationSubjectView, chairRemovalSubjectView, recommendationsSubjectView, divisionSubjectView])
  .meta({ id: 'BallotSubjectView' });
export type BallotSubjectView = z.infer<typeof ballotSubjectView>;
export type AmendmentSubjectView = z.infer<typeof amendmentSubjectView>;
export type AdoptionSubjectView = z.infer<typeof adoptionSubjectView>;
export type ChairConfirmationSubjectView = z.infer<typeof chairConfirmationSubjectView>;
export type ChairRemovalSubjectView = z.infer<typeof chairRemovalSubjectView>;
export type RecommendationsSubjectView = z.infer<typeof recommendationsSubjectView>;
export type DivisionSubjectView = z.infer<typeof divisionSubjectView>;
