import { z } from 'zod';
import type { StatedRefusal } from './refusals/catalogue';
import type { AffiliationSnapshot, OrganisationSubtype, StakeholderGroup } from '@parley/domain';
import { text, uuid } from './common';

/** Endorse an adopted version on behalf of an organisation you hold a current affiliation to. */
export const endorseRequest = z.strictObject({ organisationId: uuid });
export type EndorseRequest = z.infer<typeof endorseRequest>;

export const withdrawEndorsementRequest = z.strictObject({ reason: text(2000).optional() });
export type WithdrawEndorsementRequest = z.infer<typeof withdrawEndorsementRequest>;

/** A person at the moment they acted, with the affiliation they acted under. */
export interface EndorsementActor {
  id: string;
  name: string;
  snapshot: AffiliationSnapshot;
}

export interface EndorsementResponse {
  id: string;
  documentId: string;
  version: number;
  workingGroupId: string;
  organisation: { id: string; name: string; stakeholderGroup: StakeholderGroup; subtype: OrganisationSubtype; country: string | null; verified: boolean };
  /** Who endorsed, with their affiliation to the organisation at that moment. */
  endorsedBy: EndorsementActor;
  endorsedAt: string;
  withdrawnAt: string | null;
  withdrawnBy: EndorsementActor | null;
  withdrawalReason: string | null;
  /** Whether the viewer may withdraw it (a current delegate of the organisation). */
  canWithdraw: boolean;
}

export interface SignatoryCount {
  count: number;
}

/** Active endorsements counted by stakeholder group and, within it, by sub-type. */
export interface SignatoryCounts {
  total: number;
  byStakeholderGroup: { stakeholderGroup: StakeholderGroup; count: number; bySubtype: { subtype: OrganisationSubtype; count: number }[] }[];
}

export interface SignatoriesResponse {
  documentId: string;
  title: string;
  workingGroupId: string;
  version: number;
  adoptedAt: string | null;
  counts: SignatoryCounts;
  /** The counts in words, in the Paris Call's manner: "12 states, 3 local governments, 40 companies and 25 civil-society organisations". */
  headline: string;
  /** Active endorsements, in the order they were made. */
  signatories: EndorsementResponse[];
  /** Endorsements later withdrawn: kept on the record, never deleted. */
  withdrawn: EndorsementResponse[];
  /**
   * What the viewer may do: the organisations they may endorse for now (their current affiliations
   * whose organisation has not endorsed), or why they may not.
   */
  can: { endorse: true | StatedRefusal; organisations: { id: string; name: string; stakeholderGroup: StakeholderGroup; subtype: OrganisationSubtype }[] };
}

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
