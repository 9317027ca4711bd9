import { z } from 'zod';
import { JOIN_POLICIES } from '../working-groups';
import { procedureRulesView } from '../procedures/rules';
import { affiliationSnapshot, event, id, isoTime } from './define';

/** An objection as an admission or a refusal records it: the chair decided with it in view. */
export const objectionInView = z.strictObject({ objectionId: id, personId: id, name: z.string(), snapshot: affiliationSnapshot, reason: z.string() });

/** The applicant the objection is about. */
const applicant = { requestId: id, applicantId: id, applicantName: z.string() };
const objector = { objectionId: id, personId: id, name: z.string(), snapshot: affiliationSnapshot };
const rulesState = z.strictObject({ joinPolicy: z.enum(JOIN_POLICIES), procedureRules: procedureRulesView });

/** Accreditation by non-objection and the group's rules of procedure (issue #19, decision record 0039), each group's chain. */
export const ACCREDITATION_EVENTS = {
  /** A request made under the non-objection policy is circulated to members until `endsAt`. */
  'join-request.circulated': event('join-request', z.strictObject({ personId: id, name: z.string(), hours: z.number(), endsAt: isoTime })),
  'join-request.objection-raised': event('join-request-objection', z.strictObject({ ...applicant, ...objector, reason: z.string() })),
  'join-request.objection-withdrawn': event('join-request-objection', z.strictObject({ ...applicant, ...objector, reason: z.string(), note: z.string().nullable() })),
  /** A chair (or the convener before any chair) changes the join policy or the rules of procedure; requests already pending keep theirs. */
  'working-group.rules-changed': event('working-group', z.strictObject({ before: rulesState, after: rulesState, note: z.string().nullable() })),
} as const;
