import {
  findTemplateHeader,
  kindOfTemplateType,
  MAX_TEMPLATE_COMMENT,
  readCommentTemplate,
  splitProposedChange,
  TEMPLATE_COLUMN_ORDER,
  TEMPLATE_COLUMN_TITLES,
  templateTypeOf,
  withProposedChange,
} from './comment-template';

const clauses = [
  { id: 'h', kind: 'heading' as const },
  { id: 'p1', kind: 'preamble' as const },
  { id: 'o1', kind: 'operative' as const },
  { id: 'o2', kind: 'operative' as const },
];
const titles = TEMPLATE_COLUMN_ORDER.map((c) => TEMPLATE_COLUMN_TITLES.en[c]);
/** A row in the ISO column order from the cells that matter. */
const row = (clause: string, type: string, comment: string, proposed = '', organisation = '') => [organisation, '', clause, '', type, comment, proposed, ''];

describe('comment types', () => {
  it('gives each comment kind its template type and reads it back', () => {
    for (const kind of ['general', 'technical', 'editorial', 'clarification'] as const) expect(kindOfTemplateType(templateTypeOf(kind))).toBe(kind);
    expect(templateTypeOf('clarification')).toBe('qu');
  });

  it('reads types in any case, as English or French words, and refuses others', () => {
    expect(kindOfTemplateType(' TE ')).toBe('technical');
    expect(kindOfTemplateType('Ed')).toBe('editorial');
    expect(kindOfTemplateType('General')).toBe('general');
    expect(kindOfTemplateType('Général')).toBe('general');
    expect(kindOfTemplateType('technique')).toBe('technical');
    expect(kindOfTemplateType('Rédactionnel')).toBe('editorial');
    expect(kindOfTemplateType('editorial.')).toBe('editorial');
    expect(kindOfTemplateType('xx')).toBeNull();
    expect(kindOfTemplateType('')).toBeNull();
  });
});

describe('the template header', () => {
  it('is found by ISO’s English titles, with footnote numbers, under a title row', () => {
    const table = [['Comments on the draft'], ['MB/NC1', 'Line number (e.g. 17)', 'Clause/ Subclause (e.g. 3.1)', 'Paragraph/ Figure/ Table/', 'Type of comment2', 'Comments', 'Proposed change', 'Observations of the secretariat']];
    expect(findTemplateHeader(table)).toEqual({ row: 1, columns: { organisation: 0, line: 1, clause: 2, paragraph: 3, type: 4, comment: 5, proposedChange: 6, observation: 7 } });
  });

  it('is found by the French titles, in another order', () => {
    const fr = TEMPLATE_COLUMN_TITLES.fr;
    expect(findTemplateHeader([[fr.comment, fr.type, fr.clause, fr.proposedChange]])?.columns).toEqual({ comment: 0, type: 1, clause: 2, proposedChange: 3 });
    expect(findTemplateHeader([['Organisation', 'N° de ligne', 'Article', 'Type de commentaire', 'Commentaires', 'Modification proposée']])?.columns).toMatchObject({ organisation: 0, line: 1, clause: 2, type: 3, comment: 4, proposedChange: 5 });
  });

  it('is found by the titles Parley writes in each of the six languages, each title its own column', () => {
    const every = Object.fromEntries(TEMPLATE_COLUMN_ORDER.map((c, i) => [c, i]));
    for (const [language, said] of Object.entries(TEMPLATE_COLUMN_TITLES)) {
      expect([language, findTemplateHeader([TEMPLATE_COLUMN_ORDER.map((c) => said[c])])?.columns]).toEqual([language, every]);
    }
  });

  it('still reads templates written before the titles said the glossary’s words (Cláusula, 条款, Раздел, البند)', () => {
    const columns = { organisation: 0, line: 1, clause: 2, paragraph: 3, type: 4, comment: 5, proposedChange: 6, observation: 7 };
    const older = [
      ['Organización', 'Número de línea', 'Cláusula/Subcláusula', 'Párrafo/Figura/Tabla', 'Tipo de comentario', 'Comentarios', 'Cambio propuesto', 'Observaciones de la secretaría'],
      ['组织', '行号', '条款/分条款', '段落/图/表', '评论类型', '评论', '拟议修改', '秘书处意见'],
      ['Организация', 'Номер строки', 'Раздел/подраздел', 'Пункт/рисунок/таблица', 'Тип замечания', 'Замечания', 'Предлагаемое изменение', 'Замечания секретариата'],
      ['المنظمة', 'رقم السطر', 'البند/البند الفرعي', 'الفقرة/الشكل/الجدول', 'نوع التعليق', 'التعليقات', 'التغيير المقترح', 'ملاحظات الأمانة'],
    ];
    for (const header of older) expect([header[2], findTemplateHeader([header])?.columns]).toEqual([header[2], columns]);
    const es = TEMPLATE_COLUMN_TITLES.es;
    const reading = readCommentTemplate([[es.clause, es.type, es.comment, es.observation], ['OP1', 'ge', 'Conviene precisar.', 'Nota de la secretaría']], clauses)!;
    expect(reading.rows).toEqual([{ row: 1, clauseId: 'o1', clauseRef: 'OP1', kind: 'general', comment: 'Conviene precisar.', proposedChange: null }]);
  });

  it('needs the clause, type and comment columns', () => {
    expect(findTemplateHeader([['Clause', 'Comments', 'Proposed change']])).toBeNull();
    expect(readCommentTemplate([['Name', 'Country'], ['A', 'B']], clauses)).toBeNull();
  });
});

describe('reading a completed template', () => {
  it('reads rows as comments, numbering rows from 1 under the header, skipping blank rows', () => {
    const reading = readCommentTemplate([titles, row('OP2', 'te', 'Say "shall".', 'shall'), row('PP1', '', ''), row('', '', ''), row('H1', 'ed', ' Typo. ')], clauses);
    expect(reading).toEqual({
      rows: [
        { row: 1, clauseId: 'o2', clauseRef: 'OP2', kind: 'technical', comment: 'Say "shall".', proposedChange: 'shall' },
        { row: 4, clauseId: 'h', clauseRef: 'H1', kind: 'editorial', comment: 'Typo.', proposedChange: null },
      ],
      refused: [],
    });
  });

  it('ignores the organisation column: a row naming another organisation reads the same', () => {
    const reading = readCommentTemplate([titles, row('OP1', 'ge', 'Fine.', '', 'Another Ministry')], clauses)!;
    expect(reading.rows).toHaveLength(1);
    expect(reading.rows[0]).not.toHaveProperty('organisation');
  });

  it('refuses each bad cell with its row and column, and posts nothing of that row', () => {
    const reading = readCommentTemplate([titles, row('OP9', 'xx', 'Fine.'), row('OP1', 'te', ''), row('OP1', 'te', 'Bell\u0007'), row('Annex', 'ge', 'ok')], clauses)!;
    expect(reading.rows).toEqual([]);
    expect(reading.refused).toEqual([
      { row: 1, column: 'clause', problem: 'clause-unknown', value: 'OP9' },
      { row: 1, column: 'type', problem: 'type-unknown', value: 'xx' },
      { row: 2, column: 'comment', problem: 'comment-missing', value: '' },
      { row: 3, column: 'comment', problem: 'control-characters', value: 'Bell\uFFFD' },
      { row: 4, column: 'clause', problem: 'clause-unknown', value: 'Annex' },
    ]);
  });

  it('refuses texts longer than a comment, the proposed change counted with it, quoting 200 characters', () => {
    const long = 'a'.repeat(MAX_TEMPLATE_COMMENT + 1);
    const half = 'b'.repeat(MAX_TEMPLATE_COMMENT / 2);
    const reading = readCommentTemplate([titles, row('OP1', 'ge', long), row('OP1', 'ge', half, half), row('OP1', 'ge', 'c'.repeat(MAX_TEMPLATE_COMMENT - 100), '')], clauses)!;
    expect(reading.refused).toEqual([
      { row: 1, column: 'comment', problem: 'too-long', value: 'a'.repeat(200) },
      { row: 2, column: 'proposedChange', problem: 'too-long', value: 'b'.repeat(200) },
    ]);
    expect(reading.rows.map((r) => r.row)).toEqual([3]);
  });

  it('does not post again a comment the version already has (the template as Parley wrote it)', () => {
    const posted = [{ clauseId: 'o1', body: withProposedChange('Already said.', 'New words') }];
    const reading = readCommentTemplate([titles, row('OP1', 'ge', 'Already said.', 'New words'), row('OP2', 'ge', 'Already said.', 'New words')], clauses, posted)!;
    expect(reading.rows.map((r) => r.clauseRef)).toEqual(['OP2']);
  });
});

describe('the proposed change in a comment', () => {
  it('is appended under "Proposed change:" and split back', () => {
    const body = withProposedChange('Too vague.', 'shall ensure');
    expect(body).toBe('Too vague.\n\nProposed change: shall ensure');
    expect(splitProposedChange(body)).toEqual({ comment: 'Too vague.', proposedChange: 'shall ensure' });
    expect(splitProposedChange('Just a comment.')).toEqual({ comment: 'Just a comment.', proposedChange: null });
    expect(withProposedChange('Only this.', null)).toBe('Only this.');
  });
});
