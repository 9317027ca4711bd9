import { z } from 'zod';
import { CLAUSE_KINDS } from '@parley/domain';
import { CSV_LANGUAGES, lineText, text, uuid } from '../common';
import { createAmendmentRequest } from '../drafting/requests';
import { MAX_CLAUSE_TEXT, MAX_CLAUSES, COMMENT_KINDS } from '../drafting/vocabulary';
import { membersOnlyUntilInput } from '../procedures/publication';
import { fieldCode } from '../refusals/field-errors';
import { MAX_IMPORTED_AMENDMENTS, MAX_TEMPLATE_ROWS } from './vocabulary';

const versionNumber = /* @__PURE__ */ z.coerce.number().int().min(1).max(100_000);
const clauseKind = /* @__PURE__ */ z.enum(CLAUSE_KINDS);
const rationale = /* @__PURE__ */ text(10_000);
const clauseIndex = /* @__PURE__ */ z.number().int().min(0).max(MAX_CLAUSES - 1);

/**
 * A version as a Word or PDF file. `against`: a Word file whose differences from that earlier version
 * are Word revisions (tracked changes), each attributed to the author of the amendment that made it.
 * `lang`: the language of what Parley writes around the text (cover, headings); the text is as written.
 */
export const versionExportQuery = /* @__PURE__ */ z.strictObject({
  against: versionNumber.optional(),
  lang: z.enum(CSV_LANGUAGES).optional(),
});
export type VersionExportQuery = z.infer<typeof versionExportQuery>;

/** The language of what Parley writes in a file it makes (headings, column titles). */
export const fileLanguageQuery = /* @__PURE__ */ z.strictObject({ lang: z.enum(CSV_LANGUAGES).optional() });
export type FileLanguageQuery = z.infer<typeof fileLanguageQuery>;

/**
 * An amendment proposed by an import, by the index of the clause it changes in the imported clause
 * list. Without a rationale, it says it came from a tracked change of the Word file.
 */
export const importedAmendmentRequest = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('replace'), clauseIndex, text: text(MAX_CLAUSE_TEXT), rationale: rationale.optional() }),
  z.strictObject({ kind: z.literal('insert'), afterClauseIndex: clauseIndex.nullable(), clauseKind, text: text(MAX_CLAUSE_TEXT), rationale: rationale.optional() }),
  z.strictObject({ kind: z.literal('delete'), clauseIndex, rationale: rationale.optional() }),
]);
export type ImportedAmendmentRequest = z.infer<typeof importedAmendmentRequest>;

/**
 * A new document from a Word file, as the importer confirmed (and corrected) it: its clauses (the
 * text without the file's tracked changes), and the tracked changes as amendments the importer
 * proposes on version 1. Indexes name clauses of `clauses`.
 */
export const importDocumentRequest = /* @__PURE__ */ z
  .strictObject({
    title: lineText(300, 3),
    clauses: z
      .array(z.strictObject({ kind: clauseKind, text: text(MAX_CLAUSE_TEXT) }))
      .min(1)
      .max(MAX_CLAUSES, `At most ${MAX_CLAUSES} clauses`),
    amendments: z.array(importedAmendmentRequest).max(MAX_IMPORTED_AMENDMENTS).default([]),
    membersOnlyUntil: membersOnlyUntilInput.optional(),
  })
  .superRefine((d, ctx) => {
    d.amendments.forEach((a, i) => {
      const index = a.kind === 'insert' ? a.afterClauseIndex : a.clauseIndex;
      if (index !== null && index >= d.clauses.length)
        ctx.addIssue({ code: 'custom', path: ['amendments', i, a.kind === 'insert' ? 'afterClauseIndex' : 'clauseIndex'], ...fieldCode('clause-index-out-of-range', { clauses: d.clauses.length }) });
    });
  });
export type ImportDocumentRequest = z.infer<typeof importDocumentRequest>;

/** Amendments to an existing document read from a Word file's tracked changes, proposed together (all or none). */
export const importAmendmentsRequest = /* @__PURE__ */ z.strictObject({
  amendments: z.array(createAmendmentRequest).min(1).max(MAX_IMPORTED_AMENDMENTS),
});
export type ImportAmendmentsRequest = z.infer<typeof importAmendmentsRequest>;

/** Rows of a commenting template the focal point confirmed: each becomes a comment of their organisation. */
export const importCommentsRequest = /* @__PURE__ */ z.strictObject({
  rows: z
    .array(
      z.strictObject({
        /** The row of the uploaded table (1 for the first row under the header), for the record. */
        row: z.number().int().min(1).max(100_000),
        clauseId: uuid,
        kind: z.enum(COMMENT_KINDS),
        comment: text(10_000),
        proposedChange: text(10_000).nullable(),
      }),
    )
    .min(1)
    .max(MAX_TEMPLATE_ROWS),
});
export type ImportCommentsRequest = z.infer<typeof importCommentsRequest>;
