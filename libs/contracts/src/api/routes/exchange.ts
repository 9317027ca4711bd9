import { importAmendmentsRequest, importCommentsRequest, importDocumentRequest, fileLanguageQuery, versionExportQuery } from '../../exchange/requests';
import { commentTemplatePreview, docxImportPreview, importedAmendmentsResponse, importedCommentsResponse, importedDocumentResponse, versionImportPreview } from '../../exchange/views';
import { DOCX_MEDIA_TYPE, PDF_MEDIA_TYPE } from '../../exchange/vocabulary';
import { PROBLEMS, media, route, versionParam } from './route-spec';

const n = { n: versionParam };
const docx = (description: string) => media(DOCX_MEDIA_TYPE, description);
const pdf = (description: string) => media(PDF_MEDIA_TYPE, description);
const wordUpload = docx('A Word document (.docx), at most 10 MB, sent as the body.');

/**
 * Issue #22 (decision 0044): texts in and out as ministries exchange them. Exports read what the
 * reader may read (a members-only version is refused to others as on its page); imports show what
 * would be created, and create it only when the importer confirms.
 */
export const EXCHANGE_ROUTES = {
  'GET /api/documents/:id/versions/:n/export.docx': /* @__PURE__ */ route({
    params: n,
    query: versionExportQuery,
    status: 200,
    response: docx('The version as a Word document; with `against`, its differences from that version as tracked changes.'),
    problems: [400, 403, 404, 409],
  }),
  'GET /api/documents/:id/versions/:n/export.pdf': /* @__PURE__ */ route({
    params: n,
    query: fileLanguageQuery,
    status: 200,
    response: pdf('The version as a print-grade PDF: cover with its status, numbered paragraphs and lines, brackets, vote record and signatories once adopted.'),
    problems: [400, 403, 404, 409],
  }),
  'GET /api/documents/:id/versions/:n/dispositions.pdf': /* @__PURE__ */ route({
    params: n,
    query: fileLanguageQuery,
    status: 200,
    response: pdf('The disposition-of-comments report as PDF'),
    problems: [400, 403, 404, 409],
  }),
  'GET /api/documents/:id/versions/:n/comment-template.docx': /* @__PURE__ */ route({
    params: n,
    query: fileLanguageQuery,
    status: 200,
    response: docx('The version’s comments in the ISO commenting template (a Word table), with a blank row per clause to fill in.'),
    problems: [400, 403, 404, 409],
  }),
  'POST /api/documents/:id/versions/:n/comment-template': /* @__PURE__ */ route({
    params: n,
    upload: wordUpload,
    status: 200,
    response: commentTemplatePreview,
    problems: PROBLEMS.upload,
  }),
  'POST /api/documents/:id/versions/:n/comment-template/comments': /* @__PURE__ */ route({
    params: n,
    body: importCommentsRequest,
    status: 201,
    response: importedCommentsResponse,
    problems: PROBLEMS.write,
  }),
  'POST /api/working-groups/:id/documents/import-preview': /* @__PURE__ */ route({ upload: wordUpload, status: 200, response: docxImportPreview, problems: PROBLEMS.upload }),
  'POST /api/working-groups/:id/documents/import': /* @__PURE__ */ route({ body: importDocumentRequest, status: 201, response: importedDocumentResponse, problems: PROBLEMS.write }),
  'POST /api/documents/:id/import-preview': /* @__PURE__ */ route({ upload: wordUpload, status: 200, response: versionImportPreview, problems: PROBLEMS.upload }),
  'POST /api/documents/:id/amendments/import': /* @__PURE__ */ route({ body: importAmendmentsRequest, status: 201, response: importedAmendmentsResponse, problems: PROBLEMS.write }),
} as const;
