import { z } from 'zod';
import { CLAUSE_KINDS } from '@parley/domain';
import { COMMENT_KINDS } from '../drafting/vocabulary';
import { IMPORT_WARNINGS, RECOGNISED_BY, TEMPLATE_COLUMNS, TEMPLATE_ROW_PROBLEMS } from './vocabulary';

const clauseKind = /* @__PURE__ */ z.enum(CLAUSE_KINDS);

/** A paragraph of an imported Word file read as a clause: its kind, how that was recognised, and its text without tracked changes. */
export const importedClauseView = /* @__PURE__ */ z.object({
  kind: clauseKind,
  text: z.string(),
  recognisedBy: z.enum(RECOGNISED_BY),
  /** The paragraph's Word style name ("Heading 1", "List Paragraph"), when it has one. */
  style: z.string().nullable(),
});
export type ImportedClauseView = z.infer<typeof importedClauseView>;

/** Who made a tracked change in Word (the file's own words: informational, never an identity). */
const wordAuthor = /* @__PURE__ */ z.string().nullable();

/** A tracked change of the file, as the amendment it would become, by clause index in the preview's clause list. */
export const importedProposalView = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('replace'), clauseIndex: z.number(), text: z.string(), wordAuthor }),
  z.object({ kind: z.literal('insert'), afterClauseIndex: z.number().nullable(), clauseKind, text: z.string(), wordAuthor }),
  z.object({ kind: z.literal('delete'), clauseIndex: z.number(), wordAuthor }),
]);
export type ImportedProposalView = z.infer<typeof importedProposalView>;

/** What a Word file would become as a new document: nothing is created until the importer confirms. */
export const docxImportPreview = /* @__PURE__ */ z
  .object({
    /** The file's title (its Title paragraph or document property), if it has one. */
    title: z.string().nullable(),
    clauses: z.array(importedClauseView),
    /** The file's tracked changes, as amendments the importer would propose on version 1. */
    proposals: z.array(importedProposalView),
    warnings: z.array(z.enum(IMPORT_WARNINGS)),
  })
  .meta({ id: 'DocxImportPreview' });
export type DocxImportPreview = z.infer<typeof docxImportPreview>;

/** One paragraph of the file (tracked changes rejected) matched to a clause of the current version. */
export const matchedClauseView = /* @__PURE__ */ z.object({
  /** The clause of the current version it is; null when the file has a paragraph the version does not. */
  clauseId: z.string().nullable(),
  kind: clauseKind,
  text: z.string(),
  /** same: as in the version; changed: edited without tracking; new: not in the version. */
  match: z.enum(['same', 'changed', 'new']),
});
export type MatchedClauseView = z.infer<typeof matchedClauseView>;

/** A proposal read from the file against the current version, ready to send as an amendment. */
export const versionProposalView = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('replace'), targetClauseId: z.string(), text: z.string(), wordAuthor, tracked: z.boolean() }),
  z.object({ kind: z.literal('insert'), afterClauseId: z.string().nullable(), clauseKind, text: z.string(), wordAuthor, tracked: z.boolean() }),
  z.object({ kind: z.literal('delete'), targetClauseId: z.string(), wordAuthor, tracked: z.boolean() }),
]);
export type VersionProposalView = z.infer<typeof versionProposalView>;

/** What a Word file says about the current version of a document: its changes as amendments to propose. */
export const versionImportPreview = /* @__PURE__ */ z
  .object({
    documentId: z.string(),
    /** The current version the proposals are written against. */
    basedOn: z.number(),
    clauses: z.array(matchedClauseView),
    /** Clauses of the version the file does not have (deleted without tracking). */
    missing: z.array(z.string()),
    proposals: z.array(versionProposalView),
    /** The file with its tracked changes accepted, matched to the version's clauses: a chair's text ready to issue (decision 0044). */
    draft: z.array(matchedClauseView),
    warnings: z.array(z.enum(IMPORT_WARNINGS)),
  })
  .meta({ id: 'VersionImportPreview' });
export type VersionImportPreview = z.infer<typeof versionImportPreview>;

export const importedDocumentResponse = /* @__PURE__ */ z
  .object({ documentId: z.string(), version: z.number(), amendmentIds: z.array(z.string()) })
  .meta({ id: 'ImportedDocument' });
export type ImportedDocumentResponse = z.infer<typeof importedDocumentResponse>;

export const importedAmendmentsResponse = /* @__PURE__ */ z
  .object({ documentId: z.string(), amendmentIds: z.array(z.string()) })
  .meta({ id: 'ImportedAmendments' });
export type ImportedAmendmentsResponse = z.infer<typeof importedAmendmentsResponse>;

/** A row of an uploaded commenting template that reads as a comment. */
export const templateRowView = /* @__PURE__ */ z.object({
  row: z.number(),
  clauseId: z.string(),
  /** The clause as the template names it ("OP3", "PP2"). */
  clauseRef: z.string(),
  kind: z.enum(COMMENT_KINDS),
  comment: z.string(),
  proposedChange: z.string().nullable(),
});
export type TemplateRowView = z.infer<typeof templateRowView>;

/** A cell of an uploaded commenting template that cannot become part of a comment: row (1 under the header), column, why. */
export const templateRowRefusalView = /* @__PURE__ */ z.object({
  row: z.number(),
  column: z.enum(TEMPLATE_COLUMNS),
  problem: z.enum(TEMPLATE_ROW_PROBLEMS),
  /** What the cell said (cut to 200 characters). */
  value: z.string(),
});
export type TemplateRowRefusalView = z.infer<typeof templateRowRefusalView>;

/** What an uploaded commenting template would post, for the focal point to confirm; nothing is posted yet. */
export const commentTemplatePreview = /* @__PURE__ */ z
  .object({
    documentId: z.string(),
    version: z.number(),
    /** The organisation the comments would be attributed to (the uploader's current affiliation). */
    organisation: z.object({ id: z.string(), name: z.string() }),
    rows: z.array(templateRowView),
    refused: z.array(templateRowRefusalView),
  })
  .meta({ id: 'CommentTemplatePreview' });
export type CommentTemplatePreview = z.infer<typeof commentTemplatePreview>;

export const importedCommentsResponse = /* @__PURE__ */ z
  .object({ documentId: z.string(), version: z.number(), commentIds: z.array(z.string()) })
  .meta({ id: 'ImportedComments' });
export type ImportedCommentsResponse = z.infer<typeof importedCommentsResponse>;
