import { z } from 'zod';
import {
  BALLOT_OUTCOMES,
  CAPTURE_ALARM_CODES,
  CLAUSE_KINDS,
  CONFIRMATION_STATUSES,
  CONFIRMER_ROLES,
  COUNTING_UNITS,
  DECISION_RULES,
  MEMBERSHIP_KINDS,
  ORGANISATION_SUBTYPES,
  STAKEHOLDER_GROUPS,
  VOTE_CHOICES,
  type AffiliationSnapshot,
  type AuditEvent,
  type CaptureAlarm,
  type Clause,
  type CompositionCaps,
  type DiffPart,
  type ExplanationPart,
  type OrganisationSubtype,
  type VersionComparison,
} from '@parley/domain';

/*
 * The shapes libs/domain computes (snapshots, compositions, alarms, tallies, diffs) as zod schemas,
 * so responses that carry them are documented and checked. Each is annotated with its domain type:
 * a schema that drifts from the type fails to compile.
 */

export const stakeholderGroupValue = /* @__PURE__ */ z.enum(STAKEHOLDER_GROUPS);
export const organisationSubtypeValue = /* @__PURE__ */ z.enum(ORGANISATION_SUBTYPES as [OrganisationSubtype, ...OrganisationSubtype[]]);
export const membershipKindValue = /* @__PURE__ */ z.enum(MEMBERSHIP_KINDS);
export const decisionRuleValue = /* @__PURE__ */ z.enum(DECISION_RULES);
export const countingUnitValue = /* @__PURE__ */ z.enum(COUNTING_UNITS);
export const voteChoiceValue = /* @__PURE__ */ z.enum(VOTE_CHOICES);
export const ballotOutcomeValue = /* @__PURE__ */ z.enum(BALLOT_OUTCOMES);
export const clauseKindValue = /* @__PURE__ */ z.enum(CLAUSE_KINDS);
export const confirmationStatusValue = /* @__PURE__ */ z.enum(CONFIRMATION_STATUSES);
export const confirmerRoleValue = /* @__PURE__ */ z.enum(CONFIRMER_ROLES);
export const amendmentKindValue = /* @__PURE__ */ z.enum(['replace', 'insert', 'delete']);
/** Checks at compile time that a schema's output is the domain type, and keeps the schema's own type (so it can be extended). */
const conforms =
  <T>() =>
  <S extends z.ZodType<T>>(schema: S): S =>
    schema;

/** An ISO 8601 instant as the API writes it. */
export const instant = /* @__PURE__ */ z.string();

const idName = /* @__PURE__ */ z.object({ id: z.string(), name: z.string() });

export const affiliationSnapshotSchema = /* @__PURE__ */ conforms<AffiliationSnapshot>()(
  z
    .object({
      affiliationId: z.string(),
      organisationId: z.string(),
      organisationName: z.string(),
      stakeholderGroup: stakeholderGroupValue,
      subtype: organisationSubtypeValue,
      country: z.string().nullable(),
      title: z.string(),
      organisationVerified: z.boolean(),
      confirmation: z.object({ by: idName, as: confirmerRoleValue, at: instant }).nullable().optional(),
    })
    .meta({ id: 'AffiliationSnapshot' }),
);

export const compositionCapsSchema = /* @__PURE__ */ conforms<CompositionCaps>()(
  z.object({ maxStakeholderGroupShare: z.number(), maxVotingMembersPerOrganisation: z.number() }),
);

const compositionShare = /* @__PURE__ */ z.object({ count: z.number(), share: z.number() });
const organisationShare = /* @__PURE__ */ compositionShare.extend({
  organisationId: z.string(),
  organisationName: z.string(),
  stakeholderGroup: stakeholderGroupValue,
  subtype: organisationSubtypeValue,
});
export const populationCompositionSchema = /* @__PURE__ */ z.object({
  total: z.number(),
  byStakeholderGroup: z.record(stakeholderGroupValue, compositionShare),
  bySubtype: z.record(organisationSubtypeValue, compositionShare),
  byOrganisation: z.array(organisationShare),
  unconfirmed: compositionShare,
});
export const compositionSchema = /* @__PURE__ */ z
  .object({
    votingMembers: populationCompositionSchema,
    observers: populationCompositionSchema,
    chairs: populationCompositionSchema,
    caps: compositionCapsSchema,
    stakeholderGroupsAboveCap: z.array(stakeholderGroupValue),
    organisationsAboveCap: z.array(organisationShare),
  })
  .meta({ id: 'Composition' });

const alarmPerson = /* @__PURE__ */ z.object({ personId: z.string(), name: z.string() });
const alarmChair = /* @__PURE__ */ alarmPerson.extend({ termId: z.string(), organisationName: z.string() });
const alarmParams = {
  'stakeholder-group-above-cap': z.object({
    stakeholderGroup: stakeholderGroupValue,
    count: z.number(),
    votingMembers: z.number(),
    share: z.number(),
    capShare: z.number(),
  }),
  'organisation-above-cap': z.object({
    organisationId: z.string(),
    organisationName: z.string(),
    stakeholderGroup: stakeholderGroupValue,
    count: z.number(),
    cap: z.number(),
    people: z.array(alarmPerson),
  }),
  'chairs-single-stakeholder-group': z.object({ stakeholderGroup: stakeholderGroupValue, chairs: z.array(alarmChair) }),
  'chairs-single-organisation': z.object({ organisationId: z.string(), organisationName: z.string(), chairs: z.array(alarmChair) }),
  'chair-unconfirmed': alarmChair.extend({ startedAt: instant }),
  'chair-term-expired': alarmChair.extend({ endsAt: instant }),
  'member-affiliation-ended': z.object({ people: z.array(alarmPerson.extend({ endedOn: z.string().nullable() })), count: z.number() }),
  'member-affiliation-unverified': z.object({
    people: z.array(alarmPerson.extend({ organisationId: z.string(), organisationName: z.string(), since: z.string().nullable() })),
    count: z.number(),
  }),
  'member-affiliation-unconfirmed': z.object({
    people: z.array(alarmPerson.extend({ organisationId: z.string(), organisationName: z.string() })),
    count: z.number(),
  }),
  'most-private-sector-members': z.object({
    workingGroupId: z.string(),
    workingGroupName: z.string(),
    count: z.number(),
    votingMembers: z.number(),
    groupsCompared: z.number(),
    tiedWith: z.array(z.string()),
  }),
} satisfies Record<(typeof CAPTURE_ALARM_CODES)[number], z.ZodType>;

const alarmOf = <C extends (typeof CAPTURE_ALARM_CODES)[number]>(code: C) =>
  z.object({
    code: z.literal(code),
    severity: z.enum(['info', 'warning', 'critical']),
    params: alarmParams[code],
    message: z.string(),
    since: instant.nullable(),
  });

export const captureAlarmSchema = /* @__PURE__ */ conforms<CaptureAlarm>()(
  z
    .discriminatedUnion('code', [
      alarmOf('stakeholder-group-above-cap'),
      alarmOf('organisation-above-cap'),
      alarmOf('chairs-single-stakeholder-group'),
      alarmOf('chairs-single-organisation'),
      alarmOf('chair-unconfirmed'),
      alarmOf('chair-term-expired'),
      alarmOf('member-affiliation-ended'),
      alarmOf('member-affiliation-unverified'),
      alarmOf('member-affiliation-unconfirmed'),
      alarmOf('most-private-sector-members'),
    ])
    .meta({ id: 'CaptureAlarm' }),
);

export const choiceCountsSchema = /* @__PURE__ */ z.object({ yes: z.number(), no: z.number(), abstain: z.number(), recuse: z.number(), notVoted: z.number() });
export const breakdownCountsSchema = /* @__PURE__ */ choiceCountsSchema.extend({ eligible: z.number() });
export const participationSchema = /* @__PURE__ */ z.object({ participants: z.number(), base: z.number(), ratio: z.number().nullable() });
export const stakeholderGroupBreakdownSchema = /* @__PURE__ */ breakdownCountsSchema.extend({ stakeholderGroup: stakeholderGroupValue });
export const subtypeBreakdownSchema = /* @__PURE__ */ breakdownCountsSchema.extend({
  stakeholderGroup: stakeholderGroupValue,
  subtype: organisationSubtypeValue,
});

export const diffPartSchema = /* @__PURE__ */ conforms<DiffPart>()(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() }));

const shareFraction = /* @__PURE__ */ z.object({ numerator: z.number(), denominator: z.number() });
const quorumCheck = /* @__PURE__ */ z.object({ participants: z.number(), base: z.number(), needed: z.number(), met: z.boolean() });
export const groupQuorumCheckSchema = /* @__PURE__ */ quorumCheck.extend({ stakeholderGroup: stakeholderGroupValue });
export const quorumResultSchema = /* @__PURE__ */ z.object({
  share: z.number(),
  fraction: shareFraction,
  perStakeholderGroup: z.boolean(),
  overall: quorumCheck,
  byStakeholderGroup: z.array(groupQuorumCheckSchema).nullable(),
  met: z.boolean(),
});
const decided = /* @__PURE__ */ z.enum(['passed', 'failed']);
const counts4 = { yes: z.number(), no: z.number(), abstain: z.number(), recuse: z.number() };
const chamberTally = /* @__PURE__ */ z.object({ stakeholderGroup: stakeholderGroupValue, ...counts4, passed: z.boolean() });
export const explanationPartSchema = /* @__PURE__ */ conforms<ExplanationPart>()(
  z
    .discriminatedUnion('code', [
      z.object({
        code: z.literal('quorum-not-met'),
        outcome: z.literal('no-quorum'),
        participants: z.number(),
        base: z.number(),
        recused: z.number(),
        needed: z.number(),
        share: shareFraction,
      }),
      z.object({
        code: z.literal('group-quorum-not-met'),
        outcome: z.literal('no-quorum'),
        share: shareFraction,
        groups: z.array(groupQuorumCheckSchema),
        withheldGroups: z.array(stakeholderGroupValue).optional(),
      }),
      z.object({ code: z.literal('nobody-took-part'), outcome: z.literal('failed'), electorate: z.number(), recused: z.number() }),
      z.object({ code: z.literal('majority'), outcome: decided, ...counts4 }),
      z.object({ code: z.literal('supermajority'), outcome: decided, ...counts4, needed: z.number() }),
      z.object({
        code: z.literal('chambered'),
        outcome: decided,
        groups: z.array(chamberTally),
        failedGroups: z.array(stakeholderGroupValue),
        withheldGroups: z.array(stakeholderGroupValue).optional(),
      }),
      z.object({ code: z.literal('consensus'), outcome: decided, ...counts4 }),
      z.object({ code: z.literal('groups-without-voters'), groups: z.array(stakeholderGroupValue) }),
      z.object({ code: z.literal('counted-by-organisation'), organisations: z.number(), people: z.number() }),
    ])
    .meta({ id: 'ExplanationPart' }),
);

export const clauseSchema = /* @__PURE__ */ conforms<Clause>()(z.object({ id: z.string(), kind: clauseKindValue, text: z.string() }));

const inBoth = {
  clauseId: z.string(),
  before: clauseSchema,
  after: clauseSchema,
  beforeLabel: z.string().nullable(),
  afterLabel: z.string().nullable(),
  diff: z.array(diffPartSchema),
};
export const versionComparisonSchema = /* @__PURE__ */ conforms<VersionComparison>()(
  z.object({
    clauses: z.array(
      z.discriminatedUnion('status', [
        z.object({ status: z.literal('unchanged'), ...inBoth }),
        z.object({ status: z.literal('changed'), ...inBoth }),
        z.object({ status: z.literal('moved'), ...inBoth, textChanged: z.boolean() }),
        z.object({
          status: z.literal('inserted'),
          clauseId: z.string(),
          before: z.null(),
          after: clauseSchema,
          beforeLabel: z.null(),
          afterLabel: z.string().nullable(),
          diff: z.array(diffPartSchema),
        }),
        z.object({
          status: z.literal('deleted'),
          clauseId: z.string(),
          before: clauseSchema,
          after: z.null(),
          beforeLabel: z.string().nullable(),
          afterLabel: z.null(),
          diff: z.array(diffPartSchema),
        }),
      ]),
    ),
    summary: z.object({ unchanged: z.number(), changed: z.number(), moved: z.number(), inserted: z.number(), deleted: z.number() }),
  }),
);

/** An audit event exactly as stored and exported (its change is whatever the act recorded). */
export const auditEventSchema = /* @__PURE__ */ conforms<AuditEvent>()(
  z
    .object({
      scope: z.string(),
      sequence: z.number(),
      occurredAt: instant,
      actorId: z.string().nullable(),
      actorName: z.string().nullable(),
      actorSnapshot: affiliationSnapshotSchema.nullable(),
      action: z.string(),
      subjectType: z.string(),
      subjectId: z.string(),
      change: z.record(z.string(), z.unknown()),
      changeDigest: z.string(),
      previousHash: z.string(),
      hash: z.string(),
      withheld: z.string().optional(),
    })
    .meta({ id: 'AuditEvent' }),
);
