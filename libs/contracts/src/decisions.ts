import { z } from 'zod';
import { allowedOrRefusal } from './refusals/problem';
import { AMENDMENT_KINDS, BALLOT_SUBJECT_KINDS, COUNTING_UNITS, DECISION_RULES, VOTE_CHOICES } from '@parley/domain';
import {
  affiliationSnapshotSchema,
  ballotOutcomeValue,
  choiceCountsSchema,
  countingUnitValue,
  decisionRuleValue,
  instant,
  participationSchema,
  stakeholderGroupBreakdownSchema,
  voteChoiceValue,
} from './api/domain-shapes';
import { publishedResult } from './api/ballot-result';
import { personRef, workingGroupRef, type PersonRef } from './api/refs';
import { lineText, text, uuid } from './common';
import { ballotSubjectView } from './ballot-subject-view';

export * from './ballot-subject-view';

/**
 * What an adoption is on in each language (decision 0045), recorded when the ballot opens or the
 * silence procedure starts: the original language, the group's authentic languages then, and for
 * each authentic language other than the original the translations the version read (their ids).
 * Absent on procedures started before it.
 */
export const adoptionLanguageVersions = z.strictObject({
  originalLanguage: z.string(),
  authenticLanguages: z.array(z.string()),
  texts: z.array(z.strictObject({ language: z.string(), translationIds: z.array(z.string()) })),
});
export type AdoptionLanguageVersions = z.infer<typeof adoptionLanguageVersions>;

/**
 * What a ballot opened for a subject is about, in data rather than words, so each reader's language
 * can say it ("Amendment: replace clause 4. of “…” (version 1)"). Recorded when the ballot opens (the
 * document title and names as they were then); free motions have none and keep their written title.
 * The schema also reads it back from `ballot.opened` audit events, whose change is untrusted data.
 */
export const ballotSubjectDetails = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('amendment'),
    kind: z.enum(AMENDMENT_KINDS),
    /** The target clause's label ("4."); null when inserting at the start or when the clause has no label. */
    clauseLabel: z.string().max(50).nullable(),
    /** An insertion at the start of the text (no clause to insert after). */
    atStart: z.boolean(),
    documentTitle: z.string().max(500),
    version: z.number().int().positive(),
  }),
  z.object({ type: z.literal('adoption'), documentTitle: z.string().max(500), version: z.number().int().positive(), languageVersions: adoptionLanguageVersions.optional() }),
  z.object({ type: z.literal('chair-confirmation'), personName: z.string().max(300), organisationName: z.string().max(300), groupName: z.string().max(300) }),
  z.object({ type: z.literal('chair-removal'), personName: z.string().max(300), organisationName: z.string().max(300), groupName: z.string().max(300) }),
  /** A set of the chair's recommendations on `count` amendments of a document (decision 0034). */
  z.object({ type: z.literal('recommendations'), documentTitle: z.string().max(500), version: z.number().int().positive(), count: z.number().int().positive() }),
  /** A separate vote on clauses of a version ("retain these paragraphs?", decision 0038), their labels as they were. */
  z.object({ type: z.literal('division'), documentTitle: z.string().max(500), version: z.number().int().positive(), clauseLabels: z.array(z.string().max(50).nullable()).max(50) }),
]);
export type BallotSubjectDetails = z.infer<typeof ballotSubjectDetails>;

export const BALLOT_VISIBILITY = ['roll-call', 'secret'] as const;
export type BallotVisibilityKind = (typeof BALLOT_VISIBILITY)[number];

export const BALLOT_TALLIES = ['live', 'hidden-until-close'] as const;
export type BallotTallies = (typeof BALLOT_TALLIES)[number];

export const BALLOT_STATUSES = ['open', 'closed'] as const;
export type BallotStatus = (typeof BALLOT_STATUSES)[number];

/**
 * A chair opens a free motion here. Ballots on other subjects (amendments, adoption, chairs) are
 * opened by their own flows. Unset terms take the group's settings (rule and quorum) or the
 * defaults: one vote per person, roll-call, live tallies, no reason needed for `no`.
 */
export const openBallotRequest = z.strictObject({
  workingGroupId: uuid,
  subjectType: z.literal('motion'),
  title: lineText(300, 3),
  description: text(20000).optional(),
  rule: z.enum(DECISION_RULES).optional(),
  countingUnit: z.enum(COUNTING_UNITS).optional(),
  /** Share (0..1) of the electorate that must take part; 0 for none. */
  quorum: z.number().min(0).max(1).optional(),
  quorumPerStakeholderGroup: z.boolean().optional(),
  visibility: z.enum(BALLOT_VISIBILITY).optional(),
  tallies: z.enum(BALLOT_TALLIES).optional(),
  requireReasonForNo: z.boolean().optional(),
  closesAt: z.iso.datetime({ offset: true }),
});
export type OpenBallotRequest = z.infer<typeof openBallotRequest>;

export const castVoteRequest = z.strictObject({
  choice: z.enum(VOTE_CHOICES),
  reason: text(4000).nullable().optional(),
  /** Cast for someone who gave you their vote by proxy (decision record 0040): the vote is theirs, counted under their affiliation. */
  forVoterId: uuid.optional(),
});
export type CastVoteRequest = z.infer<typeof castVoteRequest>;

/** A chair closes a ballot before its closing time, and says why (required then; recorded and shown on the ballot). */
export const closeBallotRequest = z.strictObject({
  reason: text(2000).optional(),
});
export type CloseBallotRequest = z.infer<typeof closeBallotRequest>;

export const ballotListQuery = z.strictObject({
  status: z.enum(BALLOT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type BallotListQuery = z.infer<typeof ballotListQuery>;

export const rollCallQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(400).optional(),
});
export type RollCallQuery = z.infer<typeof rollCallQuery>;

// ---------- responses ----------

export const ballotPersonRef = personRef;
export type BallotPersonRef = PersonRef;

/** The terms a ballot was opened with; they never change. */
export const ballotTerms = /* @__PURE__ */ z.object({
  rule: decisionRuleValue,
  countingUnit: countingUnitValue,
  /** Share (0..1) of the electorate that must take part; null when there is no quorum. */
  quorum: z.number().nullable(),
  quorumPerStakeholderGroup: z.boolean(),
  visibility: z.enum(BALLOT_VISIBILITY),
  tallies: z.enum(BALLOT_TALLIES),
  requireReasonForNo: z.boolean(),
});
export type BallotTerms = z.infer<typeof ballotTerms>;

export const ballotSummary = /* @__PURE__ */ ballotTerms
  .extend({
    id: z.string(),
    workingGroupId: z.string(),
    /** `details` says what the ballot is about, for a title in the reader's language; null on free motions and on ballots opened before it was recorded. */
    subject: z.object({ type: z.enum(BALLOT_SUBJECT_KINDS), id: z.string().nullable(), details: ballotSubjectDetails.nullable() }),
    /** As written when the ballot opened (English for ballots the system opened on a subject). */
    title: z.string(),
    status: z.enum(BALLOT_STATUSES),
    openedAt: instant,
    closesAt: instant,
    closedAt: instant.nullable(),
    outcome: ballotOutcomeValue.nullable(),
    electorateSize: z.number(),
    /** Voters who have voted (never what they chose). */
    votesCast: z.number(),
  })
  .meta({ id: 'BallotSummary' });
export type BallotSummary = z.infer<typeof ballotSummary>;

/** A running tally, aggregated in the database (counting units: people, or organisations). */
export const runningTally = /* @__PURE__ */ z.object({
  countingUnit: countingUnitValue,
  totals: choiceCountsSchema,
  participation: participationSchema,
  byStakeholderGroup: z.array(stakeholderGroupBreakdownSchema),
});
export type RunningTally = z.infer<typeof runningTally>;

export const myVote = /* @__PURE__ */ z.object({
  /** Null on a secret ballot: no endpoint returns a secret choice, not even to its voter. */
  choice: voteChoiceValue.nullable(),
  reason: z.string().nullable(),
  castAt: instant,
  changedAt: instant,
  changes: z.number(),
  /** Cast for the voter by the holder of their proxy (decision record 0040); absent when they cast it themselves. */
  castBy: personRef.optional(),
});
export type MyVote = z.infer<typeof myVote>;

export const rollCallEntryResponse = /* @__PURE__ */ z.object({
  voter: personRef,
  /** The voter's affiliation frozen when the ballot opened (the one counted). */
  snapshot: affiliationSnapshotSchema,
  voted: z.boolean(),
  /** Null when the voter has not voted, or while tallies are hidden until close. */
  choice: voteChoiceValue.nullable(),
  reason: z.string().nullable(),
  changedAt: instant.nullable(),
  /** Who cast it by proxy for the voter (decision record 0040); null when the voter cast it, or has not voted. */
  castBy: personRef.nullable(),
});
export type RollCallEntryResponse = z.infer<typeof rollCallEntryResponse>;

export const rollCallPage = /* @__PURE__ */ z
  .object({
    /** False while tallies are hidden until close: who voted is shown, not what. */
    choicesVisible: z.boolean(),
    items: z.array(rollCallEntryResponse),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'RollCallPage' });
export type RollCallPage = z.infer<typeof rollCallPage>;

export const ballotResponse = /* @__PURE__ */ ballotSummary
  .extend({
    workingGroup: workingGroupRef,
    description: z.string().nullable(),
    /** What is being decided, read where it lives (the amendment's diff, the version's clauses, the nominee's declarations); null for free motions. */
    subjectView: ballotSubjectView.nullable(),
    openedBy: personRef.extend({ snapshot: affiliationSnapshotSchema.nullable() }),
    closedBy: personRef.nullable(),
    /** Why the chair closed it before its closing time (null otherwise, and for ballots closed before reasons were asked). */
    closeReason: z.string().nullable(),
    /** Recorded when the ballot opened (e.g. unanswered clarification questions). */
    warnings: z.unknown(),
    /** Null when tallies are hidden until close, on a secret ballot, or once closed (see result). */
    runningTally: runningTally.nullable(),
    /** The signed-in person's place in this ballot. */
    me: z
      .object({
        inElectorate: z.boolean(),
        /** The snapshot they vote under (frozen when the ballot opened). */
        snapshot: affiliationSnapshotSchema.nullable(),
        vote: myVote.nullable(),
        /** The votes they hold by proxy on this ballot (decision record 0040): whose, the grantor's vote as cast so far, and whether they may cast it now; absent when they hold none. */
        proxyVotes: z.optional(z.array(
          z.object({
            proxyId: z.string(),
            grantor: personRef,
            /** The grantor's affiliation frozen when the ballot opened (the one counted). */
            snapshot: affiliationSnapshotSchema,
            /** What was cast for or by the grantor, as they would see it; `castByGrantor` when the grantor voted themselves (their vote wins). */
            vote: myVote.nullable(),
            castByGrantor: z.boolean(),
            can: allowedOrRefusal,
          }),
        )),
      })
      .nullable(),
    /** What the signed-in person may do now: true, or the reason why not. */
    can: z.object({ vote: allowedOrRefusal, close: allowedOrRefusal }),
    /** First page of the roll call (roll-call ballots only). */
    rollCall: rollCallPage.nullable(),
    result: publishedResult.nullable(),
  })
  .meta({ id: 'BallotResponse' });
export type BallotResponse = z.infer<typeof ballotResponse>;

export const voteResponse = /* @__PURE__ */ z
  .object({
    ballotId: z.string(),
    /** `vote.cast` for a first vote, `vote.changed` for a change. */
    action: z.enum(['vote.cast', 'vote.changed']),
    vote: myVote,
  })
  .meta({ id: 'VoteResponse' });
export type VoteResponse = z.infer<typeof voteResponse>;

export const ballotListResponse = /* @__PURE__ */ z
  .object({ items: z.array(ballotSummary), nextCursor: z.string().nullable() })
  .meta({ id: 'BallotListResponse' });
export type BallotListResponse = z.infer<typeof ballotListResponse>;
