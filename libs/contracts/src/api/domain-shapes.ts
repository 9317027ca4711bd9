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

export const stakeholderGroupValue = z.enum(STAKEHOLDER_GROUPS);
export const organisationSubtypeValue = z.enum(ORGANISATION_SUBTYPES as [OrganisationSubtype, ...OrganisationSubtype[]]);
export const membershipKindValue = z.enum(MEMBERSHIP_KINDS);
export const decisionRuleValue = z.enum(DECISION_RULES);
export const countingUnitValue = z.enum(COUNTING_UNITS);
export const voteChoiceValue = z.enum(VOTE_CHOICES);
export const ballotOutcomeValue = z.enum(BALLOT_OUTCOMES);
export const clauseKindValue = z.enum(CLAUSE_KINDS);
export const confirmationStatusValue = z.enum(CONFIRMATION_STATUSES);
export const confirmerRoleValue = z.enum(CONFIRMER_ROLES);
export const amendmentKindValue = z.enum(['replace', 'insert', 'delete']);
/** Checks at compile time that a schema's output is the domain type, and keeps the schema's own type (so it can be extended). */
const conforms =
  <T>() =>
  <S extends z.ZodType<T>>(schema: S): S =>
    schema;

/** An ISO 8601 instant as the API writes it. */
export const instant = z.string();

const idName = z.object({ id: z.string(), name: z.string() });

export const affiliationSnapshotSchema = conforms<AffiliationSnapshot>()(
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

export const compositionCapsSchema = conforms<CompositionCaps>()(
  z.object({ maxStakeholderGroupShare: z.number(), maxVotingMembersPerOrganisation: z.number() }),
);

const compositionShare = z.object({ count: z.number(), share: z.number() });
const organisationShare = compositionShare.extend({
  organisationId: z.string(),
  organisationName: z.string(),
  stakeholderGroup: stakeholderGroupValue,
  subtype: organisationSubtypeValue,
});
export const populationCompositionSchema = z.object({
  total: z.number(),
  byStakeholderGroup: z.record(stakeholderGroupValue, compositionShare),
  bySubtype: z.record(organisationSubtypeValue, compositionShare),
  byOrganisation: z.array(organisationShare),
  unconfirmed: compositionShare,
});
export const compositionSchema = z
  .object({
    votingMembers: populationCompositionSchema,
    observers: populationCompositionSchema,
    chairs: populationCompositionSchema,
    caps: compositionCapsSchema,
    stakeholderGroupsAboveCap: z.array(stakeholderGroupValue),
    organisationsAboveCap: z.array(organisationShare),
  })
  .meta({ id: 'Composition' });

const alarmPerson = z.object({ personId: z.string(), name: z.string() });
const alarmChair = alarmPerson.extend({ termId: z.string(), organisationName: z.string() });
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

export const captureAlarmSchema = conforms<CaptureAlarm>()(
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

export const choiceCountsSchema = z.object({ yes: z.number(), no: z.number(), abstain: z.number(), recuse: z.number(), notVoted: z.number() });
export const breakdownCountsSchema = choiceCountsSchema.extend({ eligible: z.number() });
export const participationSchema = z.object({ participants: z.number(), base: z.number(), ratio: z.number().nullable() });
export const stakeholderGroupBreakdownSchema = breakdownCountsSchema.extend({ stakeholderGroup: stakeholderGroupValue });
export const subtypeBreakdownSchema = breakdownCountsSchema.extend({ stakeholderGroup: stakeholderGroupValue, subtype: organisationSubtypeValue });

export const diffPartSchema = conforms<DiffPart>()(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() }));

const shareFraction = z.object({ numerator: z.number(), denominator: z.number() });
const quorumCheck = z.object({ participants: z.number(), base: z.number(), needed: z.number(), met: z.boolean() });
export const groupQuorumCheckSchema = quorumCheck.extend({ stakeholderGroup: stakeholderGroupValue });
export const quorumResultSchema = z.object({
  share: z.number(),
  fraction: shareFraction,
  perStakeholderGroup: z.boolean(),
  overall: quorumCheck,
  byStakeholderGroup: z.array(groupQuorumCheckSchema).nullable(),
  met: z.boolean(),
});
const decided = z.enum(['passed', 'failed']);
const counts4 = { yes: z.number(), no: z.number(), abstain: z.number(), recuse: z.number() };
const chamberTally = z.object({ stakeholderGroup: stakeholderGroupValue, ...counts4, passed: z.boolean() });
export const explanationPartSchema = conforms<ExplanationPart>()(
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

export const clauseSchema = conforms<Clause>()(z.object({ id: z.string(), kind: clauseKindValue, text: z.string() }));

const inBoth = {
  clauseId: z.string(),
  before: clauseSchema,
  after: clauseSchema,
  beforeLabel: z.string().nullable(),
  afterLabel: z.string().nullable(),
  diff: z.array(diffPartSchema),
};
export const versionComparisonSchema = conforms<VersionComparison>()(
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
export const auditEventSchema = conforms<AuditEvent>()(
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
