import type { Clause } from '../drafting/types';
import { clauseByReference, clauseReferences } from './clause-references';

/**
 * The ISO commenting template (decision 0044): a Word table, one row per comment, in the ISO column
 * order. Parley writes it with a version's comments and reads a completed one back as comments of the
 * uploader's organisation. These are its rules, independent of Word: the columns and their titles,
 * the comment types, and how a table of cell texts reads as rows to post or cells refused.
 */

export const TEMPLATE_COLUMN_ORDER = ['organisation', 'line', 'clause', 'paragraph', 'type', 'comment', 'proposedChange', 'observation'] as const;
export type TemplateColumnName = (typeof TEMPLATE_COLUMN_ORDER)[number];

export type TemplateCommentKind = 'general' | 'technical' | 'editorial' | 'clarification';
export type TemplateCommentType = 'ge' | 'te' | 'ed' | 'qu';
export type TemplateCellProblem = 'clause-unknown' | 'type-unknown' | 'comment-missing' | 'too-long' | 'control-characters';
/** The six UN languages (the contracts' UN_LANGUAGES; the domain names them itself). */
export type TemplateLanguage = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';

/** The longest a comment may be, its proposed change included (as a comment typed in Parley). */
export const MAX_TEMPLATE_COMMENT = 10_000;
/** How much of a refused cell a refusal quotes. */
const QUOTED = 200;

/** The column titles Parley writes (ISO's own English titles, and their translations). */
export const TEMPLATE_COLUMN_TITLES: Record<TemplateLanguage, Record<TemplateColumnName, string>> = {
  en: {
    organisation: 'MB/NC',
    line: 'Line number',
    clause: 'Clause/Subclause',
    paragraph: 'Paragraph/Figure/Table',
    type: 'Type of comment',
    comment: 'Comments',
    proposedChange: 'Proposed change',
    observation: 'Observations of the secretariat',
  },
  fr: {
    organisation: 'Organisation',
    line: 'Numéro de ligne',
    clause: 'Article/Paragraphe',
    paragraph: 'Paragraphe/Figure/Tableau',
    type: 'Type de commentaire',
    comment: 'Commentaires',
    proposedChange: 'Changement proposé',
    observation: 'Observations du secrétariat',
  },
  ar: {
    organisation: 'المنظمة',
    line: 'رقم السطر',
    clause: 'الفقرة/الفقرة الفرعية',
    paragraph: 'البند/الشكل/الجدول',
    type: 'نوع التعليق',
    comment: 'التعليقات',
    proposedChange: 'التغيير المقترح',
    observation: 'ملاحظات الأمانة',
  },
  zh: {
    organisation: '组织',
    line: '行号',
    clause: '段落/分段',
    paragraph: '项/图/表',
    type: '评论类型',
    comment: '评论',
    proposedChange: '拟议修改',
    observation: '秘书处意见',
  },
  ru: {
    organisation: 'Организация',
    line: 'Номер строки',
    clause: 'Пункт/подпункт',
    paragraph: 'Абзац/рисунок/таблица',
    type: 'Тип замечания',
    comment: 'Замечания',
    proposedChange: 'Предлагаемое изменение',
    observation: 'Замечания секретариата',
  },
  es: {
    organisation: 'Organización',
    line: 'Número de línea',
    clause: 'Párrafo/Apartado',
    paragraph: 'Inciso/Figura/Cuadro',
    type: 'Tipo de observación',
    comment: 'Observaciones',
    proposedChange: 'Cambio propuesto',
    observation: 'Observaciones de la secretaría',
  },
};

const TYPE_OF_KIND: Record<TemplateCommentKind, TemplateCommentType> = { general: 'ge', technical: 'te', editorial: 'ed', clarification: 'qu' };

/** The words a template's type cell may hold for each kind (compared without case or accents). */
const TYPE_WORDS: Record<TemplateCommentKind, readonly string[]> = {
  general: ['ge', 'general', 'عام', '一般', 'общее', 'общий'],
  technical: ['te', 'technical', 'technique', 'tecnico', 'فني', '技术', 'техническое', 'технический'],
  editorial: ['ed', 'editorial', 'redactionnel', 'تحريري', '编辑', 'редакционное', 'редакционный'],
  clarification: ['qu', 'clarification', 'question', 'aclaracion', 'pregunta', 'استيضاح', 'سوال', '澄清', '问题', 'вопрос', 'уточнение'],
};

/** The template's type of a comment kind (ge, te, ed; `qu` for Parley's clarification question). */
export const templateTypeOf = (kind: TemplateCommentKind): TemplateCommentType => TYPE_OF_KIND[kind];

/** Lower case, without accents, spaces collapsed: how titles and types are compared. */
const folded = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();

/** The comment kind a type cell names ("te", "Technical", "rédactionnel"), or null. */
export function kindOfTemplateType(cell: string): TemplateCommentKind | null {
  const word = folded(cell).replace(/[.:]$/u, '');
  for (const kind of Object.keys(TYPE_WORDS) as TemplateCommentKind[]) if (TYPE_WORDS[kind].includes(word)) return kind;
  return null;
}

/**
 * How each column's title reads, in the six languages (as Parley writes them, and English and French
 * as ISO's forms and their translations give them (folded; a title may carry a footnote number, "MB/NC1", or spaces around its slashes).
 */
const TITLE_PATTERNS: Record<TemplateColumnName, RegExp> = {
  organisation: /^(mb\/nc|organi[sz]ation|organisme|om\/cn|member body|المنظمة|组织|организация|organizacion)/u,
  line: /^(line|n(o|°|umero)? ?de ligne|ligne|numero de linea|رقم السطر|行号|номер строки)/u,
  clause: /^(clause|article|sub-?clause|clausula|parrafo\/apartado|البند\/البند الفرعي|الفقرة\/الفقرة الفرعية|条款|段落\/分段|раздел|пункт\/подпункт)/u,
  paragraph: /^(paragraph|parrafo|inciso|الفقرة|البند\/الشكل|段落|项\/|пункт|абзац)/u,
  type: /^(type|tipo|نوع|评论类型|тип)/u,
  comment: /^(comment|comentario|observaciones$|التعليقات|评论$|замечания$)/u,
  proposedChange: /^(proposed change|modification(s)? proposee|changement propose|cambio propuesto|التغيير المقترح|拟议修改|предлагаемое изменение)/u,
  observation: /^(observation|observacion|ملاحظات|秘书处意见|замечания секретариата)/u,
};

export type TemplateHeader = { row: number; columns: Partial<Record<TemplateColumnName, number>> };

/** The column a header cell titles, or null. */
function columnTitled(cell: string): TemplateColumnName | null {
  const title = folded(cell).replace(/ ?\/ ?/gu, '/');
  return TEMPLATE_COLUMN_ORDER.find((c) => TITLE_PATTERNS[c].test(title)) ?? null;
}

/** The first row of the table whose titles name the clause, type and comment columns (the first of each title counts), or null. */
export function findTemplateHeader(table: readonly (readonly string[])[]): TemplateHeader | null {
  for (let row = 0; row < table.length; row++) {
    const columns: TemplateHeader['columns'] = {};
    table[row].forEach((cell, i) => {
      const column = columnTitled(cell);
      if (column && columns[column] === undefined) columns[column] = i;
    });
    if (columns.clause !== undefined && columns.type !== undefined && columns.comment !== undefined) return { row, columns };
  }
  return null;
}

/** A row that reads as a comment: row 1 is the first under the header. */
export interface TemplateCommentRow {
  row: number;
  clauseId: string;
  clauseRef: string;
  kind: TemplateCommentKind;
  comment: string;
  proposedChange: string | null;
}

/** A cell that keeps its row from becoming a comment, and what it said (cut short). */
export interface TemplateCellRefusal {
  row: number;
  column: TemplateColumnName;
  problem: TemplateCellProblem;
  value: string;
}

export interface TemplateReading {
  rows: TemplateCommentRow[];
  refused: TemplateCellRefusal[];
}

/** A comment already on the version: a row repeating it (the template as Parley wrote it) is not posted again. */
export interface PostedComment {
  clauseId: string;
  body: string;
}

const PROPOSED_CHANGE = '\n\nProposed change: ';

/** A comment's body with the proposed change appended, as posted (the author's words, the same for every reader). */
export const withProposedChange = (comment: string, proposedChange: string | null): string =>
  proposedChange ? `${comment}${PROPOSED_CHANGE}${proposedChange}` : comment;

/** A comment's body split back into its comment and proposed change (at the last "Proposed change:"), for the template's two columns. */
export function splitProposedChange(body: string): { comment: string; proposedChange: string | null } {
  const at = body.lastIndexOf(PROPOSED_CHANGE);
  return at < 0 ? { comment: body, proposedChange: null } : { comment: body.slice(0, at), proposedChange: body.slice(at + PROPOSED_CHANGE.length) };
}

// Controls but tab and line breaks, C1 controls, reordering characters and lone surrogates: what no text of Parley may hold.
const CONTROL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;

const cellText = (s: string | undefined) => (s ?? '').replace(/\r\n?/gu, '\n').normalize('NFC').trim();
const quoted = (s: string) => s.replace(new RegExp(CONTROL.source, 'gu'), '\uFFFD').slice(0, QUOTED);

/** What is wrong with a text cell, or null. */
function textProblem(s: string, max: number): TemplateCellProblem | null {
  if (CONTROL.test(s)) return 'control-characters';
  return s.length > max ? 'too-long' : null;
}

/**
 * A template's table (rows of cell texts) read against the version's clauses: each row under the
 * header a comment to post, or its bad cells. Rows with no type, comment or proposed change are
 * skipped (a blank row of the template, its clause prefilled), and so are rows repeating a comment
 * already posted on the clause. The organisation column is not read: the uploader's affiliation
 * names the organisation. Null when the table has no template header.
 */
export function readCommentTemplate(
  table: readonly (readonly string[])[],
  clauses: readonly Pick<Clause, 'id' | 'kind'>[],
  posted: readonly PostedComment[] = [],
): TemplateReading | null {
  const header = findTemplateHeader(table);
  if (!header) return null;
  const at = (cells: readonly string[], column: TemplateColumnName) => {
    const i = header.columns[column];
    return i === undefined ? '' : cellText(cells[i]);
  };
  const already = new Set(posted.map((p) => `${p.clauseId}\u0000${p.body.trim()}`));
  const clauseRefs = clauseReferences(clauses);
  const reading: TemplateReading = { rows: [], refused: [] };

  table.slice(header.row + 1).forEach((cells, i) => {
    const row = i + 1;
    const [clause, type, comment, proposed] = (['clause', 'type', 'comment', 'proposedChange'] as const).map((c) => at(cells, c));
    if (!type && !comment && !proposed) return;
    const refusals: TemplateCellRefusal[] = [];
    const refuse = (column: TemplateColumnName, problem: TemplateCellProblem, value: string) => refusals.push({ row, column, problem, value: quoted(value) });

    const clauseId = clauseByReference(clauses, clause);
    if (!clauseId) refuse('clause', 'clause-unknown', clause);
    const kind = kindOfTemplateType(type);
    if (!kind) refuse('type', 'type-unknown', type);
    const commentProblem = VISIBLE.test(comment) ? textProblem(comment, MAX_TEMPLATE_COMMENT) : 'comment-missing';
    if (commentProblem) refuse('comment', commentProblem, comment);
    // The proposed change is appended to the comment: together they are held to a comment's length.
    const proposedProblem = textProblem(proposed, commentProblem ? MAX_TEMPLATE_COMMENT : MAX_TEMPLATE_COMMENT - comment.length - PROPOSED_CHANGE.length);
    if (proposed && proposedProblem) refuse('proposedChange', proposedProblem, proposed);

    if (refusals.length > 0) return reading.refused.push(...refusals);
    const proposedChange = VISIBLE.test(proposed) ? proposed : null;
    if (already.has(`${clauseId}\u0000${withProposedChange(comment, proposedChange)}`)) return;
    reading.rows.push({ row, clauseId: clauseId!, clauseRef: clauseRefs.get(clauseId!)!, kind: kind!, comment, proposedChange });
  });
  return reading;
}
