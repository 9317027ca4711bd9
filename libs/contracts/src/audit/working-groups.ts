import { z } from 'zod';
import { BALLOT_SUBJECT_KINDS, DECISION_RULES, MEMBERSHIP_KINDS, type BallotSubjectKind, type DecisionRule } from '@parley/domain';
import { JOIN_POLICIES } from '../working-groups';
import { procedureRulesView } from '../procedures/rules';
import { affiliationSnapshot, earlier, event, id } from './define';
import { objectionInView } from './procedures-accreditation';

/** Under non-objection (decision 0039): the objections standing when the chair decided; absent on requests not circulated. */
const objectionsInView = z.array(objectionInView).optional();

const kind = z.enum(MEMBERSHIP_KINDS);
const person = { personId: id, name: z.string() };
/** A member's kind and whether they are the group's rapporteur. */
const role = z.strictObject({ kind, rapporteur: z.boolean() });

const groupCreated = z.strictObject({
  name: z.string(),
  mandate: z.string(),
  joinPolicy: z.enum(JOIN_POLICIES),
  requiresConfirmedAffiliations: z.boolean(),
  // Groups created before `recommendations` ballots (decision 0034) or `division` ballots (decision 0038) existed have no rule for them.
  decisionRules: z.strictObject(
    Object.fromEntries(BALLOT_SUBJECT_KINDS.map((k) => [k, k === 'recommendations' || k === 'division' ? z.enum(DECISION_RULES).optional() : z.enum(DECISION_RULES)])) as {
      [K in BallotSubjectKind]: K extends 'recommendations' | 'division' ? z.ZodOptional<z.ZodEnum<{ [R in DecisionRule]: R }>> : z.ZodEnum<{ [R in DecisionRule]: R }>;
    },
  ),
  quorum: z.number(),
  quorumPerStakeholderGroup: z.boolean(),
  caps: z.strictObject({ maxStakeholderGroupShare: z.number().nullable(), maxVotingMembersPerOrganisation: z.number().nullable() }),
  convener: z.strictObject({ personId: id, name: z.string().nullable(), snapshot: affiliationSnapshot }),
  /** Groups created before rules of procedure (issue #19) recorded none: they read the defaults. */
  procedureRules: procedureRulesView.optional(),
});

/** Working groups and who belongs to them (each group's chain). */
export const WORKING_GROUP_EVENTS = {
  'working-group.created': event(
    'working-group',
    groupCreated,
    // Before affiliation confirmation (decision 0017) groups did not require confirmed affiliations.
    earlier('eb02291 (2026-12-05)', groupCreated.omit({ requiresConfirmedAffiliations: true }), (old) => ({ ...old, requiresConfirmedAffiliations: false })),
  ),
  'membership.requested': event(
    'join-request',
    z.strictObject({ ...person, name: z.string().nullable(), kind, statement: z.string(), snapshot: affiliationSnapshot, joinPolicy: z.enum(JOIN_POLICIES) }),
  ),
  'membership.admitted': event(
    'membership',
    z.union([
      // The convener, as the group is created.
      z.strictObject({ ...person, name: z.string().nullable(), kind, snapshot: affiliationSnapshot, via: z.literal('convener') }),
      // At once, under the open join policy.
      z.strictObject({ ...person, name: z.string().nullable(), kind, snapshot: affiliationSnapshot, requestId: id, via: z.literal('open-policy') }),
      // On a chair's (or, while there is none, the convener's) decision on the request.
      z.strictObject({ ...person, kind, snapshot: affiliationSnapshot, requestId: id, reason: z.string().nullable(), via: z.enum(['chair', 'convener']), objectionsInView }),
    ]),
  ),
  'membership.refused': event(
    'join-request',
    z.strictObject({ ...person, kind, snapshot: affiliationSnapshot, reason: z.string(), via: z.enum(['chair', 'convener']), objectionsInView }),
  ),
  'membership.request-withdrawn': event('join-request', z.strictObject({ ...person, kind, snapshot: affiliationSnapshot, note: z.string().nullable() })),
  'membership.left': event(
    'membership',
    z.strictObject({
      ...person,
      name: z.string().nullable(),
      kind,
      admissionSnapshot: affiliationSnapshot,
      snapshot: affiliationSnapshot.nullable(),
      reason: z.string().nullable(),
      endedChairTermId: id.nullable(),
    }),
  ),
  'membership.removed': event(
    'membership',
    z.strictObject({ ...person, kind, admissionSnapshot: affiliationSnapshot, snapshot: affiliationSnapshot.nullable(), reason: z.string() }),
  ),
  'role.changed': event('membership', z.strictObject({ ...person, from: role, to: role, snapshot: affiliationSnapshot.nullable() })),
} as const;
