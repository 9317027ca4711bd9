import { z } from 'zod';
import {
  affiliationSnapshotSchema,
  auditEventSchema,
  compositionCapsSchema,
  instant,
  membershipKindValue,
  organisationSubtypeValue,
  populationCompositionSchema,
  stakeholderGroupValue,
} from './api/domain-shapes';
import { personRef, workingGroupRef } from './api/refs';
import { ballotSummary } from './decisions';
import { COMMENT_KINDS } from './drafting/vocabulary';
import { auditEventLinks } from './transparency';
import { workingGroupSummary } from './working-group-responses';

/**
 * The front door in one round trip: what is happening on the platform (public), and for a signed-in
 * person what needs them. Every list is short and bounded (HOME_LIMITS); a list's `total` says how
 * many there are in all, so the page can say "and 12 more" and link to the full view.
 */
export const HOME_LIMITS = {
  workingGroups: 6,
  ballots: 5,
  adoptedTexts: 4,
  endorsements: 5,
  recentActs: 8,
  mine: 5,
} as const;

/** No parameters: the page is the same for everyone, plus the personal part for the person signed in. */
export const homeQuery = /* @__PURE__ */ z.strictObject({});
export type HomeQuery = z.infer<typeof homeQuery>;

/** A short list and how many there are in all. */
const bounded = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });
export interface Bounded<T> {
  items: T[];
  total: number;
}

/**
 * A group as the front door shows it: the group list's summary without the mandate, and of its
 * composition only the voting members by stakeholder group (the bar) and the caps; the rest (by
 * organisation, sub-type, observers, chairs) is on the group's page. Alarms as the list gives them.
 */
export const homeWorkingGroup = /* @__PURE__ */ workingGroupSummary.omit({ mandate: true, composition: true }).extend({
  composition: z.object({ votingMembers: populationCompositionSchema.pick({ total: true, byStakeholderGroup: true }), caps: compositionCapsSchema }),
});
export type HomeWorkingGroup = z.infer<typeof homeWorkingGroup>;

/** An open ballot with its working group's name (never a choice: secret or hidden tallies stay so). */
export const homeBallot = /* @__PURE__ */ ballotSummary.extend({ workingGroup: workingGroupRef });
export type HomeBallot = z.infer<typeof homeBallot>;

export const homeAdoptedText = /* @__PURE__ */ z.object({
  documentId: z.string(),
  title: z.string(),
  version: z.number(),
  adoptedAt: instant,
  workingGroup: workingGroupRef,
  /** Organisations endorsing it now (withdrawn endorsements not counted). */
  signatories: z.number(),
});
export type HomeAdoptedText = z.infer<typeof homeAdoptedText>;

export const homeEndorsement = /* @__PURE__ */ z.object({
  id: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  version: z.number(),
  workingGroupId: z.string(),
  organisation: z.object({
    id: z.string(),
    name: z.string(),
    stakeholderGroup: stakeholderGroupValue,
    subtype: organisationSubtypeValue,
    verified: z.boolean(),
  }),
  endorsedBy: personRef,
  endorsedAt: instant,
});
export type HomeEndorsement = z.infer<typeof homeEndorsement>;

/** A comment that waits for a disposition from a chair or rapporteur of its group (clarification questions first). */
export const homeCommentToAnswer = /* @__PURE__ */ z.object({
  id: z.string(),
  documentId: z.string(),
  documentTitle: z.string(),
  version: z.number(),
  clauseId: z.string(),
  kind: z.enum(COMMENT_KINDS),
  /** The start of the comment, cut at a word boundary. */
  excerpt: z.string(),
  author: personRef.extend({ snapshot: affiliationSnapshotSchema }),
  createdAt: instant,
  workingGroup: workingGroupRef,
});
export type HomeCommentToAnswer = z.infer<typeof homeCommentToAnswer>;

export const homeJoinRequest = /* @__PURE__ */ z.object({
  id: z.string(),
  workingGroup: workingGroupRef,
  person: personRef,
  kind: membershipKindValue,
  snapshot: affiliationSnapshotSchema,
  /** The start of the statement, cut at a word boundary. */
  statement: z.string(),
  requestedAt: instant,
});
export type HomeJoinRequest = z.infer<typeof homeJoinRequest>;

/** What needs the signed-in person now. */
export const homeMine = /* @__PURE__ */ z.object({
  /** Open ballots whose electorate they are in, that they can vote on now and have not voted on; soonest close first. */
  ballotsToVote: bounded(homeBallot),
  /** Comments without a disposition in the groups where they chair or are rapporteur; clarifications first, then oldest first. */
  commentsToAnswer: bounded(homeCommentToAnswer),
  /** Pending join requests in the groups where they decide them (a chair, or the convener while no chair is confirmed); oldest first. */
  joinRequestsToDecide: bounded(homeJoinRequest),
  /** Their own place in working groups: groups they belong to now (member or observer), and their requests still pending. */
  groups: z.object({ joined: z.number(), requested: z.number() }),
});
export type HomeMine = z.infer<typeof homeMine>;

export const homeResponse = /* @__PURE__ */ z
  .object({
    /** Active working groups with composition, chairs and alarms; most alarms first. */
    workingGroups: bounded(homeWorkingGroup),
    /** Open ballots, soonest close first. */
    ballotsClosingSoon: bounded(homeBallot),
    /** Latest adopted versions, newest first. */
    adoptedTexts: z.array(homeAdoptedText),
    /** Latest endorsements still standing, newest first. */
    endorsements: z.array(homeEndorsement),
    /** The latest acts of every chain, as the public audit log serves them (withheld changes stay withheld). */
    recentActs: z.object({ items: z.array(auditEventSchema), links: z.array(auditEventLinks) }),
    /** Null for a visitor. */
    me: homeMine.nullable(),
  })
  .meta({ id: 'HomeResponse' });
export type HomeResponse = z.infer<typeof homeResponse>;
