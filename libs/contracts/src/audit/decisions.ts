import { z } from 'zod';
import { BALLOT_OUTCOMES, BALLOT_SUBJECT_KINDS, COUNTING_UNITS, DECISION_RULES, STAKEHOLDER_GROUPS, VOTE_CHOICES } from '@parley/domain';
import type { BallotResult, ControlledBallotResult, ExplanationPart, Participation } from '@parley/domain';
import { BALLOT_TALLIES, BALLOT_VISIBILITY, ballotSubjectDetails } from '../decisions';
import { choiceCounts, event, id, isoTime, recorded, stakeholderGroupOf } from './define';

/** Under which organisation and stakeholder group the vote counts (the voter's snapshot in the frozen electorate). */
const countedUnder = z.strictObject({ organisationId: id, stakeholderGroup: stakeholderGroupOf });
/**
 * Proxy votes (decision record 0040), absent on votes cast by the voter themselves and on rows
 * written before proxies: `castFor` names the grantor whose vote the actor (the holder) cast, under
 * `proxyId`; `overridesProxyVote` marks the grantor's own vote replacing one their holder cast (the
 * proxy is not used again on that ballot). The trail is public; the choice is as the ballot's terms say.
 */
const proxyKeys = {
  castFor: z.strictObject({ id, name: z.string() }).optional(),
  proxyId: id.optional(),
  overridesProxyVote: z.strictObject({ proxyId: id, castBy: id }).optional(),
};
const rollCallVote = { choice: z.enum(VOTE_CHOICES), reason: z.string().nullable(), changes: z.number(), countedUnder, ...proxyKeys };

/**
 * A vote's change depends on its ballot's terms: a roll-call ballot with live tallies records the
 * choice; one whose tallies are hidden until close adds a random nonce (the public log withholds the
 * change until the ballot closes, and the nonce keeps its digest from being guessed); a secret ballot
 * records only a salted commitment, never the choice.
 */
export const voteChange = z.union([
  z.strictObject(rollCallVote),
  z.strictObject({ ...rollCallVote, nonce: z.string() }),
  z.strictObject({ commitment: z.string(), commitmentScheme: z.string(), changes: z.number(), countedUnder, ...proxyKeys }),
]);
export type VoteChange = z.infer<typeof voteChange>;

/** What a live push shows of a vote whose choice is not shown yet (a roll-call ballot with tallies hidden until close). */
export const voteWithoutChoice = z.strictObject({ changes: z.number(), countedUnder });

const unansweredClarificationWarning = z.strictObject({ commentId: id, clauseId: id, clauseLabel: z.string().nullable(), version: z.number(), authorId: id.nullable(), body: z.string() });

/**
 * What the chair was warned of and acknowledged when opening an adoption ballot (decision record
 * 0029): unanswered clarification questions, amendment ballots still open on the version, and
 * accepted amendments not yet consolidated into it. Rows written before that record carry only the
 * clarification questions (the two other lists are absent: nobody was warned of them).
 */
export const adoptionWarningsRecord = z.strictObject({
  unansweredClarifications: z.array(unansweredClarificationWarning),
  openAmendmentBallots: z.array(z.strictObject({ amendmentId: id, ballotId: id, clauseLabel: z.string().nullable(), closesAt: isoTime })).optional(),
  acceptedUnconsolidated: z.array(z.strictObject({ amendmentId: id, clauseLabel: z.string().nullable(), kind: z.string() })).optional(),
  /** Decision 0031: passages still bracketed, and chosen options not yet consolidated. */
  openBrackets: z.array(z.strictObject({ bracketId: id, clauseLabel: z.string().nullable(), passage: z.string() })).optional(),
  unappliedBracketChoices: z.array(z.strictObject({ bracketId: id, clauseLabel: z.string().nullable(), passage: z.string() })).optional(),
  /** Open ad refs on the version's clauses (decision record 0032); absent on rows written before it. */
  openAdRefs: z.array(z.strictObject({ adRefId: id, clauseId: id, clauseLabel: z.string().nullable(), organisationName: z.string(), expiresOn: z.string() })).optional(),
  /** The group's circulation period still running for the version (decision 0036); absent when it was over or on rows written before it. */
  circulationPeriod: z.strictObject({ availableSince: isoTime, endsAt: isoTime, days: z.number() }).optional(),
  /** The version's last call as warned of (decision 0038); absent when nothing was warned of or on rows written before it. */
  lastCall: z.strictObject({ requiredDays: z.number(), held: z.strictObject({ days: z.number(), opensAt: isoTime, closesAt: isoTime, open: z.boolean() }).nullable(), undisposed: z.array(id) }).optional(),
  /** Authentic language versions outdated or incomplete when the chair confirmed the warning (decision 0045); absent when none lagged or on rows written before it. */
  outdatedTranslations: z.array(z.strictObject({ language: z.string(), outdated: z.array(id), missing: z.array(id) })).optional(),
  confirmedByChair: z.literal(true),
});
export type AdoptionWarningsRecord = z.infer<typeof adoptionWarningsRecord>;

const ballotOpened = z.strictObject({
  title: z.string(),
  description: z.string().nullable(),
  subject: z.strictObject({ type: z.enum(BALLOT_SUBJECT_KINDS), id: id.nullable(), details: ballotSubjectDetails.optional() }),
  rule: z.enum(DECISION_RULES),
  countingUnit: z.enum(COUNTING_UNITS),
  quorum: z.number(),
  quorumPerStakeholderGroup: z.boolean(),
  visibility: z.enum(BALLOT_VISIBILITY),
  tallies: z.enum(BALLOT_TALLIES),
  requireReasonForNo: z.boolean(),
  openedAt: isoTime,
  closesAt: isoTime,
  electorate: z.strictObject({
    size: z.number(),
    byStakeholderGroup: z.partialRecord(z.enum(STAKEHOLDER_GROUPS), z.number()),
    voterIds: z.array(id),
    digest: z.string(),
  }),
  /** Adoption ballots opened past warnings the chair acknowledged. */
  warnings: adoptionWarningsRecord.optional(),
});

const ballotClosed = z.strictObject({
  closedBy: z.enum(['chair', 'closing-time']),
  closesAt: isoTime,
  closedAt: isoTime,
  /** Why a chair closed it before its closing time; null when it closed at its time (or by an operator); absent on rows written before decision 0029. */
  reason: z.string().nullable().optional(),
  outcome: z.enum(BALLOT_OUTCOMES),
  explanation: z.string(),
  explanationParts: recorded<ExplanationPart[]>(),
  quorumMet: z.boolean(),
  totals: choiceCounts,
  participation: recorded<Participation>(),
  byStakeholderGroup: recorded<BallotResult['byStakeholderGroup'] | ControlledBallotResult['byStakeholderGroup']>(),
  /** Secret ballots: which cells were withheld as too small to publish (decision record 0014). */
  disclosureControl: recorded<ControlledBallotResult['disclosureControl']>().optional(),
  resultDigest: z.string(),
});

/** Ballots and votes (each group's chain). */
export const DECISION_EVENTS = {
  'ballot.opened': event('ballot', ballotOpened),
  'ballot.closed': event('ballot', ballotClosed),
  'vote.cast': event('ballot', voteChange),
  'vote.changed': event('ballot', voteChange),
} as const;
