import { z } from 'zod';
import { RECOMMENDATIONS } from '@parley/domain';
import { amendmentKindValue, diffPartSchema, instant } from '../api/domain-shapes';
import { text, uuid } from '../common';
import { actorRef } from '../drafting/actors';
import { ballotOptions } from '../drafting/requests';
import { AMENDMENT_STATUSES, MAX_CLAUSE_TEXT } from '../drafting/vocabulary';

/** At most this many amendments are merged into one streamlined proposal, or put to one recommendations ballot. */
export const MAX_STREAMLINED_SOURCES = 20;
export const MAX_RECOMMENDATIONS_PER_BALLOT = 100;

/** `POST /api/documents/:id/streamlined-proposals`: a chair or rapporteur merges open proposals at one place into one (decision 0034). */
export const streamlineRequest = /* @__PURE__ */ z.strictObject({
  sourceAmendmentIds: z.array(uuid).min(2).max(MAX_STREAMLINED_SOURCES),
  text: text(MAX_CLAUSE_TEXT),
  rationale: text(10_000),
});
export type StreamlineRequest = z.infer<typeof streamlineRequest>;

/** `POST /api/brackets/:id/streamlined-options`: a chair or rapporteur merges two or more options of one open bracket into one new option. */
export const streamlineOptionsRequest = /* @__PURE__ */ z.strictObject({
  sourceOptionIds: z.array(uuid).min(2).max(MAX_STREAMLINED_SOURCES),
  text: text(MAX_CLAUSE_TEXT),
  rationale: text(10_000),
});
export type StreamlineOptionsRequest = z.infer<typeof streamlineOptionsRequest>;

/** `POST /api/amendments/:id/recommendation`: the chair's recommendation, with its reasons; `targetAmendmentId` for `accept-as-modified` and `merged-into`. */
export const recommendationRequest = /* @__PURE__ */ z.strictObject({
  recommendation: z.enum(RECOMMENDATIONS),
  reason: text(5000),
  targetAmendmentId: uuid.optional(),
});
export type RecommendationRequest = z.infer<typeof recommendationRequest>;

/** `POST /api/documents/:id/recommendations-ballot`: one ballot adopting the recommendations on these amendments. */
export const recommendationsBallotRequest = /* @__PURE__ */ z.strictObject({
  amendmentIds: z.array(uuid).min(1).max(MAX_RECOMMENDATIONS_PER_BALLOT),
  ...ballotOptions,
});
export type RecommendationsBallotRequest = z.infer<typeof recommendationsBallotRequest>;

/** A recommendation as recorded: what, why, pointing at which amendment, by whom (with their affiliation then), when. */
export const recommendationView = /* @__PURE__ */ z
  .object({
    id: z.string(),
    recommendation: z.enum(RECOMMENDATIONS),
    reason: z.string(),
    targetAmendmentId: z.string().nullable(),
    givenBy: actorRef,
    givenAt: instant,
  })
  .meta({ id: 'RecommendationView' });
export type RecommendationView = z.infer<typeof recommendationView>;

/** A source of a streamlined proposal, or the proposal a source was merged into: enough to name and link it. */
export const amendmentLink = /* @__PURE__ */ z
  .object({ id: z.string(), kind: amendmentKindValue, status: z.enum(AMENDMENT_STATUSES), text: z.string().nullable(), author: actorRef, streamlined: z.boolean() })
  .meta({ id: 'AmendmentLink' });
export type AmendmentLink = z.infer<typeof amendmentLink>;

/** What streamlining and recommendations add to an amendment's read. */
export const amendmentNegotiation = /* @__PURE__ */ z
  .object({
    /** A chair's streamlined proposal: it merges `sources`. */
    streamlined: z.boolean(),
    sources: z.array(amendmentLink),
    /** Set when this amendment was merged into another (status `merged`). */
    mergedInto: amendmentLink.nullable(),
    /** The chair's current recommendation (null: none), and every earlier one, newest first. */
    recommendation: recommendationView.nullable(),
    recommendationHistory: z.array(recommendationView),
    /** Whether its outcome followed the recommendation; null while undecided or without one. */
    followedRecommendation: z.boolean().nullable(),
    /** The recommendations ballot it is (or was last) part of. */
    recommendationsBallotId: z.string().nullable(),
  })
  .meta({ id: 'AmendmentNegotiation' });
export type AmendmentNegotiation = z.infer<typeof amendmentNegotiation>;

/** One amendment of a recommendations ballot, as the ballot page and the record show it. */
export const recommendationsBallotItem = /* @__PURE__ */ z.object({
  amendmentId: z.string(),
  kind: amendmentKindValue,
  clauseId: z.string().nullable(),
  clauseLabel: z.string().nullable(),
  diff: z.array(diffPartSchema),
  author: actorRef,
  /** The recommendation put to the vote (the one in force when the ballot opened). */
  recommendation: recommendationView,
  status: z.enum(AMENDMENT_STATUSES),
  mergedInto: z.string().nullable(),
  /** Once the ballot closed: whether the amendment's outcome followed the recommendation. */
  followedRecommendation: z.boolean().nullable(),
});
export type RecommendationsBallotItem = z.infer<typeof recommendationsBallotItem>;

export const recommendationsBallotResponse = /* @__PURE__ */ z.object({ ballotId: z.string() }).meta({ id: 'RecommendationsBallotResponse' });
export type RecommendationsBallotResponse = z.infer<typeof recommendationsBallotResponse>;

/** One amendment of a version with the chair's recommendation, as the disposition report records it: the recommendation, the outcome, followed or not. */
export const recommendationRecordEntry = /* @__PURE__ */ recommendationsBallotItem.omit({ diff: true }).extend({ text: z.string().nullable() }).meta({ id: 'RecommendationRecordEntry' });
export type RecommendationRecordEntry = z.infer<typeof recommendationRecordEntry>;
