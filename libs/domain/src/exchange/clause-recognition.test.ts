import { clauseParagraphs, paragraphText, recogniseClause, recogniseClauses } from './clause-recognition';
import { content, del, heading, ins, listItem, para, run } from './import-fixtures';

describe('recogniseClause', () => {
  it.each([
    ['a heading style', heading('Principles of the Call.'), { kind: 'heading', recognisedBy: 'style', style: 'heading 1' }],
    ['a heading by its id when the name is translated', para('Principes', { styleId: 'Heading2', styleName: 'Titre 2' }), { kind: 'heading', recognisedBy: 'style' }],
    ['an outline level', para('Annex one.', { outlineLevel: 1 }), { kind: 'heading', recognisedBy: 'style' }],
    ['the Title style', para('Draft text', { styleId: 'Title', styleName: 'Title' }), { kind: 'heading', recognisedBy: 'style' }],
    ['Parley’s preamble style, even on a short unpunctuated line', para('Recalling the Charter', { styleId: 'ParleyPreamble', styleName: 'Parley preamble' }), { kind: 'preamble', recognisedBy: 'style' }],
    ['Parley’s operative style', para('Decides.', { styleId: 'ParleyOperative', styleName: 'Parley operative', numbered: true }), { kind: 'operative', recognisedBy: 'style' }],
    ['a numbered list item, even if it reads like a heading', listItem('Principles'), { kind: 'operative', recognisedBy: 'numbering', style: 'List Paragraph' }],
    ['a plain sentence is preambular', para('Recalling its resolutions,'), { kind: 'preamble', recognisedBy: 'text', style: null }],
    ['a short unpunctuated line is a heading', para('Principles'), { kind: 'heading', recognisedBy: 'text' }],
  ])('%s', (_what, paragraph, expected) => {
    expect(recogniseClause(paragraph, paragraphText(paragraph, 'rejected'))).toMatchObject(expected);
  });

  it('drops a number typed by hand, and reads nothing from a number alone or no text', () => {
    expect(recogniseClause(para('3. Decides to act.'), '3. Decides to act.')).toEqual({ kind: 'operative', text: 'Decides to act.', recognisedBy: 'text', style: null });
    expect(recogniseClause(para('3.'), '3.')).toBeNull();
    expect(recogniseClause(para(''), '')).toBeNull();
  });
});

describe('paragraphText', () => {
  it('rejects or accepts tracked changes, drops Parley’s bracket characters and reduces whitespace', () => {
    const p = para([run('Calls  upon '), run('[', null, 'ParleyBracket'), run('all ', del()), run('States', ins()), run(']', null, 'ParleyBracket'), run(' to act. ')]);
    expect(paragraphText(p, 'rejected')).toBe('Calls upon all to act.');
    expect(paragraphText(p, 'accepted')).toBe('Calls upon States to act.');
  });
});

describe('recogniseClauses', () => {
  it('reads an exported file back as its clauses: no options paragraphs, no bracket marks, the leading Title as the title', () => {
    const file = content([
      para('Paris Call', { styleId: 'Title', styleName: 'Title' }),
      heading('Principles'),
      para('Recalling the Charter,'),
      listItem([run('Protect '), run('[', null, 'ParleyBracket'), run('critical'), run(']', null, 'ParleyBracket'), run(' infrastructure.')]),
      para('Option A: vital', { styleId: 'ParleyOption', styleName: 'ParleyOption' }),
      para('Brackets open in this version', { styleId: 'ParleyAnnex', styleName: 'Parley annex' }),
      para('   '),
      { type: 'table', rows: [[[para('In a table.')]]] },
    ]);
    expect(clauseParagraphs(file).title).toBe('Paris Call');
    expect(recogniseClauses(file).map((c) => [c.kind, c.text])).toEqual([
      ['heading', 'Principles'],
      ['preamble', 'Recalling the Charter,'],
      ['operative', 'Protect critical infrastructure.'],
    ]);
    expect(clauseParagraphs(file).leftOut).toEqual(['tables-ignored']);
  });

  it('takes the title property when no Title paragraph leads, and names what the file had that is left out', () => {
    const file = content([para('Text.'), para([run('Emphasis', null, 'Strong')])], { comments: true, images: true, footnotes: true, moves: true }, 'From properties');
    expect(clauseParagraphs(file)).toMatchObject({ title: 'From properties', leftOut: ['comments-ignored', 'images-ignored', 'footnotes-ignored', 'formatting-ignored', 'moves-as-changes'] });
  });
});
