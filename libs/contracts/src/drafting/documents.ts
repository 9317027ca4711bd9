import { z } from 'zod';
import { agreedLanguagePedigree } from './agreed-language';
import { clauseKindValue, instant, versionComparisonSchema } from '../api/domain-shapes';
import { workingGroupRef } from '../api/refs';
import { actorRef, reasonParams } from './actors';
import { bracketChoicesReport } from '../negotiation/brackets';
import { REFUSAL_CODES } from '../refusals/catalogue';
import { DOCUMENT_STATUSES } from './vocabulary';
import { clauseNegotiation, negotiationCountsView, negotiationPermissions } from '../negotiation/clause-status';
import { chairsTextSummary } from '../negotiation/chairs-texts';
import { versionPublicationView } from '../procedures/publication';

/** What the signed-in reader may do here; computed by the API's drafting policy, never by the web. */
export const documentPermissions = /* @__PURE__ */ z.object({
  comment: z.boolean(),
  amend: z.boolean(),
  dispose: z.boolean(),
  consolidate: z.boolean(),
  openAmendmentBallot: z.boolean(),
  openAdoptionBallot: z.boolean(),
  /** Why the reader may not comment or amend, when they may not (for a hint in the page), in English. */
  reason: z.string().nullable(),
  /** The same reason in machine form, for a hint in the reader's language. */
  reasonCode: z.object({ code: z.enum(REFUSAL_CODES), params: reasonParams }).nullable(),
  /** Clause status and ad ref (decision record 0032). */
  negotiation: negotiationPermissions.optional(),
});
export type DocumentPermissions = z.infer<typeof documentPermissions>;

export const documentSummary = /* @__PURE__ */ z
  .object({
    id: z.string(),
    workingGroupId: z.string(),
    title: z.string(),
    status: z.enum(DOCUMENT_STATUSES),
    currentVersion: z.number(),
    adoptedVersion: z.number().nullable(),
    clauseCount: z.number(),
    createdAt: instant,
    createdBy: actorRef,
  })
  .meta({ id: 'DocumentSummary' });
export type DocumentSummary = z.infer<typeof documentSummary>;

export const documentListResponse = /* @__PURE__ */ z
  .object({
    items: z.array(documentSummary),
    /** Whether the reader may create a document in this group (a chair or rapporteur). */
    can: z.object({ create: z.boolean() }),
  })
  .meta({ id: 'DocumentListResponse' });
export type DocumentListResponse = z.infer<typeof documentListResponse>;

export const versionSummary = /* @__PURE__ */ z.object({
  number: z.number(),
  createdAt: instant,
  createdBy: actorRef,
  adoptedAt: instant.nullable(),
  frozen: z.boolean(),
  /** What the chair or rapporteur wrote when consolidating it; null for first versions and older ones. */
  note: z.string().nullable(),
  /** Set when the version was issued as a chair's text (decision 0033): its label, symbol, standing, office and pen holder. */
  chairsText: chairsTextSummary.nullable().optional(),
  /** Set when the version was issued members-only (decision 0041): until when, whether published, its fingerprint, and whether this reader is refused its text. */
  publication: versionPublicationView.nullable().optional(),
});
export type VersionSummary = z.infer<typeof versionSummary>;

export const clauseCounts = /* @__PURE__ */ z.object({
  /** Comments (with replies) made on this version of the clause. */
  comments: z.number(),
  /** Comments made on earlier versions of this clause. */
  earlierComments: z.number(),
  /** Clarification questions on this clause, on this version or earlier, with no disposition yet. */
  unansweredClarifications: z.number(),
});
export type ClauseCounts = z.infer<typeof clauseCounts>;

export const clauseAmendmentMarkers = /* @__PURE__ */ z.object({
  /** Amendments proposed or under ballot that replace or delete this clause, or insert after it. */
  open: z.number(),
  balloting: z.number(),
  /** Accepted, waiting for the next consolidation. */
  accepted: z.number(),
});
export type ClauseAmendmentMarkers = z.infer<typeof clauseAmendmentMarkers>;

export const clauseResponse = /* @__PURE__ */ z.object({
  id: z.string(),
  kind: clauseKindValue,
  text: z.string(),
  position: z.number(),
  /** "4." for the fourth operative clause; null for headings and preambular paragraphs. */
  label: z.string().nullable(),
  counts: clauseCounts,
  amendments: clauseAmendmentMarkers,
  /** Its negotiating status, open ad refs and brackets (decision record 0032). */
  negotiation: clauseNegotiation.optional(),
});
export type ClauseResponse = z.infer<typeof clauseResponse>;

const skipped = /* @__PURE__ */ z.object({ amendmentId: z.string(), reason: z.string(), note: z.string() });
export const consolidationReport = /* @__PURE__ */ z.object({
  applied: z.array(z.object({ amendmentId: z.string(), kind: z.enum(['replace', 'insert', 'delete']), clauseId: z.string() })),
  notApplied: z.array(skipped),
  outdated: z.array(skipped),
  carriedForward: z.array(z.string()),
  /** Options chosen when brackets were removed, applied or not (decision 0031); absent when none was waiting. */
  bracketChoices: bracketChoicesReport.optional(),
  /** Paragraphs deleted because their separate vote failed (decision 0038), credited to that ballot; absent when none was waiting. */
  divisionDeletions: z.array(z.object({ divisionId: z.string(), ballotId: z.string(), clauseIds: z.array(z.string()) })).optional(),
});
export type ConsolidationReport = z.infer<typeof consolidationReport>;

export const versionResponse = /* @__PURE__ */ versionSummary
  .extend({
    documentId: z.string(),
    workingGroupId: z.string(),
    isCurrent: z.boolean(),
    /** The adoption ballot open on this version, if any. */
    openAdoptionBallotId: z.string().nullable(),
    adoptionBallotId: z.string().nullable(),
    /** Adopted by a silence procedure (decision 0036): no ballot; no objection by its deadline. */
    adoptionSilence: z.object({ id: z.string(), deadline: instant }).nullable(),
    clauses: z.array(clauseResponse),
    /** For versions after the first: what the consolidation applied and what it left out. */
    consolidation: consolidationReport.nullable(),
    /** Accepted amendments the next consolidation would apply (0 on versions that are not current). */
    acceptedWaiting: z.number(),
    /** "41 of 52 paragraphs agreed, 6 ad ref, 5 bracketed" (decision record 0032). */
    negotiation: negotiationCountsView.optional(),
  })
  .meta({ id: 'VersionResponse' });
export type VersionResponse = z.infer<typeof versionResponse>;

export const documentResponse = /* @__PURE__ */ documentSummary
  .extend({ workingGroup: workingGroupRef, versions: z.array(versionSummary), version: versionResponse, can: documentPermissions })
  .meta({ id: 'DocumentResponse' });
export type DocumentResponse = z.infer<typeof documentResponse>;

export const compareResponse = /* @__PURE__ */ versionComparisonSchema
  .extend({
    documentId: z.string(),
    from: z.number(),
    to: z.number(),
    /** Clauses whose agreed wording (precedent in `from`) the later version changes or deletes: "reopens agreed language" (decision 0054). */
    reopensAgreedLanguage: z.array(z.object({ clauseId: z.string(), pedigree: agreedLanguagePedigree })),
  })
  .meta({ id: 'CompareResponse' });
export type CompareResponse = z.infer<typeof compareResponse>;
