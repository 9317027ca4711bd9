import { z } from 'zod';
import {
  breakdownCountsSchema,
  choiceCountsSchema,
  countingUnitValue,
  decisionRuleValue,
  ballotOutcomeValue,
  explanationPartSchema,
  organisationSubtypeValue,
  participationSchema,
  quorumResultSchema,
  stakeholderGroupBreakdownSchema,
  stakeholderGroupValue,
  subtypeBreakdownSchema,
} from './domain-shapes';

/** A breakdown row whose counts are withheld: the electorate it holds is public, its choices are not. */
const withheld = { yes: z.null(), no: z.null(), abstain: z.null(), recuse: z.null(), notVoted: z.null(), withheld: z.literal(true) };
const withheldStakeholderGroupRow = /* @__PURE__ */ z.object({ eligible: z.number(), stakeholderGroup: stakeholderGroupValue, ...withheld });
const withheldSubtypeRow = /* @__PURE__ */ z.object({
  eligible: z.number(),
  stakeholderGroup: stakeholderGroupValue,
  subtype: organisationSubtypeValue,
  ...withheld,
});

const organisationBreakdown = /* @__PURE__ */ breakdownCountsSchema.extend({
  organisationId: z.string(),
  organisationName: z.string(),
  stakeholderGroup: stakeholderGroupValue,
  subtype: organisationSubtypeValue,
  /** The people behind the row, always counted per person (shows packing under the `organisation` unit). */
  voters: breakdownCountsSchema,
});

/**
 * The stored result. On a secret ballot only totals and breakdowns by stakeholder group and
 * sub-type are published (byOrganisation is empty), under disclosure control: a row that could
 * tell someone's vote has `withheld: true` and null counts, and `disclosureControl` says the
 * threshold and which rows (decision record 0014). The roll call is never part of it (see the
 * roll-call list).
 */
export const publishedResult = /* @__PURE__ */ z
  .object({
    countingUnit: countingUnitValue,
    electorate: z.object({ size: z.number(), people: z.number(), organisations: z.number() }),
    totals: choiceCountsSchema,
    participation: participationSchema,
    byStakeholderGroup: z.array(z.union([stakeholderGroupBreakdownSchema, withheldStakeholderGroupRow])),
    bySubtype: z.array(z.union([subtypeBreakdownSchema, withheldSubtypeRow])),
    byOrganisation: z.array(organisationBreakdown),
    /** Votes from people outside the electorate, which were not counted. */
    ignoredVoterIds: z.array(z.string()),
    rule: decisionRuleValue,
    /** Null when the ballot has no quorum. */
    quorum: quorumResultSchema.nullable(),
    quorumMet: z.boolean(),
    outcome: ballotOutcomeValue,
    /** English sentence; the same content as `explanationParts`. */
    explanation: z.string(),
    explanationParts: z.array(explanationPartSchema),
    disclosureControl: z
      .object({ threshold: z.number(), withheldStakeholderGroups: z.array(stakeholderGroupValue), withheldSubtypes: z.array(organisationSubtypeValue) })
      .optional(),
  })
  .meta({ id: 'PublishedResult' });
export type PublishedResult = z.infer<typeof publishedResult>;
