import { z } from 'zod';
import { agreedLanguagePedigree, citationResponse } from './agreed-language';
import { amendmentKindValue, clauseKindValue, diffPartSchema, instant, stakeholderGroupValue } from '../api/domain-shapes';
import { amendmentNegotiation } from '../negotiation/streamlining';
import { actorRef } from './actors';
import { amendmentStatusReason } from './amendment-status';
import { AMENDMENT_STATUSES } from './vocabulary';
import { personTranslation, writtenLanguage } from './written-language';

export const cosponsorResponse = /* @__PURE__ */ z.object({ person: actorRef, at: instant });
export type CosponsorResponse = z.infer<typeof cosponsorResponse>;

export const amendmentResponse = /* @__PURE__ */ z
  .object({
    id: z.string(),
    documentId: z.string(),
    kind: amendmentKindValue,
    /** The version it was written against. */
    baseVersion: z.number(),
    /** The version it now applies to (later than baseVersion when it was carried forward). */
    appliesToVersion: z.number(),
    /** The clause replaced or deleted, or the one the insertion goes after (null: at the start). */
    targetClauseId: z.string().nullable(),
    targetLabel: z.string().nullable(),
    /** The target clause's text in the version it applies to (null for an insertion). */
    targetText: z.string().nullable(),
    /** The text proposed (null for a deletion). */
    text: z.string().nullable(),
    newClauseKind: clauseKindValue.nullable(),
    /** Word-level diff from the target's text to the proposed text. */
    diff: z.array(diffPartSchema),
    rationale: z.string(),
    /** The language its text and rationale were written in; null when unknown (decision 0047). */
    writtenLanguage: writtenLanguage.nullable(),
    /** Translations of the rationale participants added, oldest first: never official. */
    rationaleTranslations: z.array(personTranslation),
    /** Agreed language the proposed text quotes, as the proposer cited it (decision 0054). */
    citations: z.array(citationResponse),
    /** The adopted texts whose agreed wording, now in the target clause, this amendment changes or deletes: "reopens agreed language". */
    reopensAgreedLanguage: z.array(agreedLanguagePedigree),
    status: z.enum(AMENDMENT_STATUSES),
    /** Why it is outdated or rejected, in English. */
    statusNote: z.string().nullable(),
    /** The same, in machine form: what a translated page says. */
    statusReason: amendmentStatusReason.nullable(),
    author: actorRef,
    createdAt: instant,
    cosponsors: z.array(cosponsorResponse),
    /** Stakeholder groups of co-sponsors other than the author's: support across groups. */
    crossGroupSupport: z.array(stakeholderGroupValue),
    ballotId: z.string().nullable(),
    decidedAt: instant.nullable(),
    appliedInVersion: z.number().nullable(),
    /** Other open amendments rewriting the same clause of the same version. */
    competingWith: z.array(z.string()),
    /** Streamlining and the chair's recommendation (decision 0034). */
    negotiation: amendmentNegotiation,
    /** `recommend`: the chair may record a recommendation on it now. */
    can: z.object({ cosponsor: z.boolean(), withdrawCosponsorship: z.boolean(), withdraw: z.boolean(), openBallot: z.boolean(), recommend: z.boolean(), translate: z.boolean() }),
  })
  .meta({ id: 'AmendmentResponse' });
export type AmendmentResponse = z.infer<typeof amendmentResponse>;

export const amendmentPage = /* @__PURE__ */ z
  .object({
    items: z.array(amendmentResponse),
    nextCursor: z.string().nullable(),
    /** Every group of two or more competing open amendments in the document (ids, ordered). */
    competingGroups: z.array(z.array(z.string())),
  })
  .meta({ id: 'AmendmentPage' });
export type AmendmentPage = z.infer<typeof amendmentPage>;
