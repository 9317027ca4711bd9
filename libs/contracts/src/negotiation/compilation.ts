import { z } from 'zod';
import { STAKEHOLDER_GROUPS } from '@parley/domain';
import { clauseKindValue, instant } from '../api/domain-shapes';
import { clauseNegotiation } from './clause-status';

/**
 * The compilation text of a version (issue #18, decision record 0032): its clauses with, inline,
 * every open amendment and every open bracket with its options, each attributed by person,
 * organisation and stakeholder group as at the act; filterable by stakeholder group.
 */
export const compilationQuery = /* @__PURE__ */ z.strictObject({
  /** Only the proposals (amendments, brackets, options) of people of this stakeholder group, as at the act. */
  group: z.enum(STAKEHOLDER_GROUPS).optional(),
});
export type CompilationQuery = z.infer<typeof compilationQuery>;

/** Who proposed something, as the compilation names them: the person, their organisation and stakeholder group at the act (null when they had no affiliation). */
export const compilationActor = /* @__PURE__ */ z.object({
  id: z.string(),
  name: z.string(),
  organisationName: z.string().nullable(),
  stakeholderGroup: z.enum(STAKEHOLDER_GROUPS).nullable(),
});
export type CompilationActor = z.infer<typeof compilationActor>;

/** An open bracket of the clause with its options (the passage as it stands is the first alternative). */
export const compilationBracket = /* @__PURE__ */ z.object({
  id: z.string(),
  passage: z.string(),
  /** Where the passage is in the clause text of this version; null when it is no longer there. */
  start: z.number().nullable(),
  end: z.number().nullable(),
  reason: z.string(),
  requestedBy: compilationActor,
  /** Every option, attributed; `mergedInto` names the option streamlining merged it into (null while it stands on its own). */
  options: z.array(z.object({ id: z.string(), text: z.string(), rationale: z.string().nullable(), proposedBy: compilationActor, mergedInto: z.string().nullable() })),
});
export type CompilationBracket = z.infer<typeof compilationBracket>;

export const compilationAmendment = /* @__PURE__ */ z.object({
  id: z.string(),
  kind: z.enum(['replace', 'insert', 'delete']),
  status: z.enum(['proposed', 'balloting']),
  /** The proposed text (null for a deletion). */
  text: z.string().nullable(),
  rationale: z.string(),
  author: compilationActor,
  createdAt: instant,
  /** The co-sponsors (their affiliation when they co-sponsored), and their stakeholder groups, once each. */
  cosponsors: z.array(compilationActor),
  cosponsorGroups: z.array(z.enum(STAKEHOLDER_GROUPS)),
});
export type CompilationAmendment = z.infer<typeof compilationAmendment>;

export const compilationClause = /* @__PURE__ */ z.object({
  id: z.string(),
  kind: clauseKindValue,
  position: z.number(),
  label: z.string().nullable(),
  text: z.string(),
  negotiation: clauseNegotiation,
  /** Open amendments replacing or deleting this clause, or inserting a clause after it. */
  amendments: z.array(compilationAmendment),
  /** Open brackets in this clause, each with its options (filtered to the group's when a group is asked for). */
  brackets: z.array(compilationBracket),
});
export type CompilationClause = z.infer<typeof compilationClause>;

export const compilationResponse = /* @__PURE__ */ z
  .object({
    documentId: z.string(),
    title: z.string(),
    workingGroupId: z.string(),
    version: z.number(),
    isCurrent: z.boolean(),
    group: z.enum(STAKEHOLDER_GROUPS).nullable(),
    /** Amendments inserting a clause at the very start. */
    atStart: z.array(compilationAmendment),
    clauses: z.array(compilationClause),
    totals: z.object({ amendments: z.number(), brackets: z.number(), options: z.number() }),
  })
  .meta({ id: 'Compilation' });
export type CompilationResponse = z.infer<typeof compilationResponse>;
