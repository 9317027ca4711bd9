import { z } from 'zod';
import { allowedOrRefusal } from './refusals/problem';
import type { OrganisationSubtype } from '@parley/domain';
import { affiliationSnapshotSchema, instant, organisationSubtypeValue, stakeholderGroupValue } from './api/domain-shapes';
import { text, uuid } from './common';

/** Endorse an adopted version on behalf of an organisation you hold a current affiliation to. */
export const endorseRequest = /* @__PURE__ */ z.strictObject({ organisationId: uuid });
export type EndorseRequest = z.infer<typeof endorseRequest>;

export const withdrawEndorsementRequest = /* @__PURE__ */ z.strictObject({ reason: text(2000).optional() });
export type WithdrawEndorsementRequest = z.infer<typeof withdrawEndorsementRequest>;

/** A person at the moment they acted, with the affiliation they acted under. */
export const endorsementActor = /* @__PURE__ */ z.object({ id: z.string(), name: z.string(), snapshot: affiliationSnapshotSchema });
export type EndorsementActor = z.infer<typeof endorsementActor>;

const organisationBrief = { id: z.string(), name: z.string(), stakeholderGroup: stakeholderGroupValue, subtype: organisationSubtypeValue };

export const endorsementResponse = /* @__PURE__ */ z
  .object({
    id: z.string(),
    documentId: z.string(),
    version: z.number(),
    workingGroupId: z.string(),
    organisation: z.object({ ...organisationBrief, country: z.string().nullable(), verified: z.boolean() }),
    /** Who endorsed, with their affiliation to the organisation at that moment. */
    endorsedBy: endorsementActor,
    endorsedAt: instant,
    withdrawnAt: instant.nullable(),
    withdrawnBy: endorsementActor.nullable(),
    withdrawalReason: z.string().nullable(),
    /** Whether the viewer may withdraw it (a current delegate of the organisation). */
    canWithdraw: z.boolean(),
  })
  .meta({ id: 'EndorsementResponse' });
export type EndorsementResponse = z.infer<typeof endorsementResponse>;

export interface SignatoryCount {
  count: number;
}

/** Active endorsements counted by stakeholder group and, within it, by sub-type. */
export const signatoryCounts = /* @__PURE__ */ z.object({
  total: z.number(),
  byStakeholderGroup: z.array(
    z.object({
      stakeholderGroup: stakeholderGroupValue,
      count: z.number(),
      bySubtype: z.array(z.object({ subtype: organisationSubtypeValue, count: z.number() })),
    }),
  ),
});
export type SignatoryCounts = z.infer<typeof signatoryCounts>;

export const signatoriesResponse = /* @__PURE__ */ z
  .object({
    documentId: z.string(),
    title: z.string(),
    workingGroupId: z.string(),
    version: z.number(),
    adoptedAt: instant.nullable(),
    counts: signatoryCounts,
    /** The counts in words, in the Paris Call's manner: "12 states, 3 local governments, 40 companies and 25 civil-society organisations". */
    headline: z.string(),
    /** Active endorsements, in the order they were made. */
    signatories: z.array(endorsementResponse),
    /** Endorsements later withdrawn: kept on the record, never deleted. */
    withdrawn: z.array(endorsementResponse),
    /**
     * What the viewer may do: the organisations they may endorse for now (their current affiliations
     * whose organisation has not endorsed), or why they may not.
     */
    can: z.object({ endorse: allowedOrRefusal, organisations: z.array(z.object(organisationBrief)) }),
  })
  .meta({ id: 'SignatoriesResponse' });
export type SignatoriesResponse = z.infer<typeof signatoriesResponse>;

/** The categories the signatory headline counts, in the Paris Call's manner (civil society counted as one). */
export const SIGNATORY_CATEGORIES = ['states', 'localGovernments', 'intergovernmental', 'companies', 'businessAssociations', 'civilSociety'] as const;
export type SignatoryCategory = (typeof SIGNATORY_CATEGORIES)[number];

const CATEGORY_OF: Record<OrganisationSubtype, SignatoryCategory> = {
  national: 'states',
  local: 'localGovernments',
  intergovernmental: 'intergovernmental',
  company: 'companies',
  'business-association': 'businessAssociations',
  ngo: 'civilSociety',
  academia: 'civilSociety',
  'technical-community': 'civilSociety',
  individual: 'civilSociety',
};

/** The non-zero counts of the headline, in order ("12 states, 3 local governments, 40 companies…"); each language words them. */
export function signatoryHeadlineParts(counts: SignatoryCounts): { category: SignatoryCategory; count: number }[] {
  const totals = new Map<SignatoryCategory, number>();
  for (const g of counts.byStakeholderGroup)
    for (const s of g.bySubtype) totals.set(CATEGORY_OF[s.subtype], (totals.get(CATEGORY_OF[s.subtype]) ?? 0) + s.count);
  return SIGNATORY_CATEGORIES.filter((c) => (totals.get(c) ?? 0) > 0).map((category) => ({ category, count: totals.get(category)! }));
}
