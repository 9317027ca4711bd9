/**
 * Files in and out (issue #22, decision 0044): Word documents and PDF. The media types, and the
 * limits an upload is held to before anything in it is read.
 */
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_MEDIA_TYPE = 'application/pdf';

/** The largest Word file accepted (bytes): larger uploads are refused with 413 before they are read. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** The most a Word file may expand to once unzipped (bytes, all parts together): beyond, it is refused as a zip bomb. */
export const MAX_UNZIPPED_BYTES = 60 * 1024 * 1024;
/** The most a part Parley parses (the document's XML, its styles) may be once unzipped (bytes): parsing is CPU and memory (decision 0044). */
export const MAX_DOCX_XML_PART_BYTES = 5 * 1024 * 1024;
/** The most parts (files) a Word file may hold. */
export const MAX_DOCX_PARTS = 2000;
/** The most amendments one import proposes at once. */
export const MAX_IMPORTED_AMENDMENTS = 300;
/** The most comments one commenting template posts at once. */
export const MAX_TEMPLATE_ROWS = 1000;

/**
 * The ISO commenting template's comment types (ge general, te technical, ed editorial), and Parley's
 * own fourth, `qu`, for a clarification question. Every comment kind has one type and back.
 */
export const TEMPLATE_COMMENT_TYPES = ['ge', 'te', 'ed', 'qu'] as const;
export type TemplateCommentType = (typeof TEMPLATE_COMMENT_TYPES)[number];

/** The columns of a commenting template, in the ISO order. `line` and `observation` are read but not required. */
export const TEMPLATE_COLUMNS = ['organisation', 'line', 'clause', 'paragraph', 'type', 'comment', 'proposedChange', 'observation'] as const;
export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];

/** Why one row of an uploaded commenting template cannot become a comment. */
export const TEMPLATE_ROW_PROBLEMS = ['clause-unknown', 'type-unknown', 'comment-missing', 'too-long', 'control-characters'] as const;
export type TemplateRowProblem = (typeof TEMPLATE_ROW_PROBLEMS)[number];

/** What an imported Word file had that Parley leaves out (shown to the importer before anything is created). */
export const IMPORT_WARNINGS = ['comments-ignored', 'images-ignored', 'tables-ignored', 'footnotes-ignored', 'formatting-ignored', 'moves-as-changes', 'untracked-differences'] as const;
export type ImportWarning = (typeof IMPORT_WARNINGS)[number];

/** How the importer read a paragraph's kind: from its Word style, its list numbering, or its text (as pasted text is read). */
export const RECOGNISED_BY = ['style', 'numbering', 'text'] as const;
export type RecognisedBy = (typeof RECOGNISED_BY)[number];

/**
 * What a refused upload was, read from its first bytes (`upload-not-docx`'s `found`): a code each
 * language says in its own words (the API's English in refusal-text/exchange.text.ts, the web's in i18n).
 */
export const UPLOAD_FILE_KINDS = ['pdf', 'rtf', 'png', 'jpeg', 'gif', 'gzip', 'rar', 'sevenZip', 'doc', 'zip', 'damagedZip', 'other'] as const;
export type UploadFileKind = (typeof UPLOAD_FILE_KINDS)[number];
