import { content, del, heading, ins, listItem, para, run } from './import-fixtures';
import { matchClauses, proposalsAgainstVersion, readWordImport, wordSimilarity } from './import-proposals';

const tracked = content([
  heading('Principles'),
  para('Recalling the Charter,'),
  listItem([run('Calls upon States to '), run('protect', del('Ann')), run('restore', ins('Ann')), run(' rivers.')]),
  listItem([run('Requests a report.', del('Bo'))], { markRevision: del('Bo') }),
  listItem([run('Invites donors.', ins('Cy'))], { markRevision: ins('Cy') }),
  listItem('Decides to remain seized.'),
]);

describe('readWordImport', () => {
  it('gives the text with tracked changes rejected as clauses, and each change as a proposal by clause index', () => {
    const read = readWordImport(tracked);
    expect(read.clauses.map((c) => [c.kind, c.text])).toEqual([
      ['heading', 'Principles'],
      ['preamble', 'Recalling the Charter,'],
      ['operative', 'Calls upon States to protect rivers.'],
      ['operative', 'Requests a report.'],
      ['operative', 'Decides to remain seized.'],
    ]);
    expect(read.proposals).toEqual([
      { kind: 'replace', clauseIndex: 2, text: 'Calls upon States to restore rivers.', wordAuthor: 'Ann' },
      { kind: 'delete', clauseIndex: 3, wordAuthor: 'Bo' },
      { kind: 'insert', afterClauseIndex: 3, clauseKind: 'operative', text: 'Invites donors.', wordAuthor: 'Cy' },
    ]);
    expect(read.warnings).toEqual([]);
  });

  it('inserts before every clause when the file starts with an inserted paragraph, and names several authors', () => {
    const read = readWordImport(content([para([run('New first paragraph.', ins('Ann'))]), para([run('Old', del('Ann')), run('New', ins('Bo')), run(' text.')])]));
    expect(read.proposals).toEqual([
      { kind: 'insert', afterClauseIndex: null, clauseKind: 'preamble', text: 'New first paragraph.', wordAuthor: 'Ann' },
      { kind: 'replace', clauseIndex: 0, text: 'New text.', wordAuthor: 'Ann; Bo' },
    ]);
  });

  it('proposes nothing for a file without tracked changes', () => {
    expect(readWordImport(content([heading('A'), para('Some text.')])).proposals).toEqual([]);
  });
});

describe('wordSimilarity and matchClauses', () => {
  it('scores shared words', () => {
    expect(wordSimilarity('Calls upon States', 'calls upon States')).toBe(1);
    expect(wordSimilarity('one two three four', 'one two five six')).toBe(0.5);
    expect(wordSimilarity('alpha', 'beta')).toBe(0);
  });

  it('matches equal texts first, then by order and similarity, leaving new paragraphs unmatched', () => {
    const version = ['Principles', 'Recalling the Charter,', 'Calls upon States to protect rivers.', 'Decides to remain seized.'];
    const file = ['Principles', 'Calls upon all States to protect rivers.', 'Something else entirely.', 'Decides to remain seized.'];
    expect(matchClauses(file, version)).toEqual([0, 2, -1, 3]);
  });

  it('does not match across a matched neighbour (order is kept)', () => {
    expect(matchClauses(['Alpha beta gamma.', 'One.', 'Two.'], ['One.', 'Alpha beta gamma delta.', 'Two.'])).toEqual([-1, 0, 2]);
  });
});

describe('proposalsAgainstVersion', () => {
  const version = [
    { id: 'h', kind: 'heading' as const, text: 'Principles' },
    { id: 'pp', kind: 'preamble' as const, text: 'Recalling the Charter,' },
    { id: 'op1', kind: 'operative' as const, text: 'Calls upon States to protect rivers.' },
    { id: 'op2', kind: 'operative' as const, text: 'Requests a report.' },
    { id: 'op3', kind: 'operative' as const, text: 'Decides to remain seized.' },
  ];

  it('turns tracked changes into proposals on the matched clauses', () => {
    const result = proposalsAgainstVersion(readWordImport(tracked), version);
    expect(result.clauses.map((c) => [c.clauseId, c.match])).toEqual([
      ['h', 'same'],
      ['pp', 'same'],
      ['op1', 'same'],
      ['op2', 'same'],
      ['op3', 'same'],
    ]);
    expect(result.missing).toEqual([]);
    expect(result.proposals).toEqual([
      { kind: 'replace', targetClauseId: 'op1', text: 'Calls upon States to restore rivers.', wordAuthor: 'Ann', tracked: true },
      { kind: 'delete', targetClauseId: 'op2', wordAuthor: 'Bo', tracked: true },
      { kind: 'insert', afterClauseId: 'op2', clauseKind: 'operative', text: 'Invites donors.', wordAuthor: 'Cy', tracked: true },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('flags differences made without tracking: a changed clause, a new paragraph, a missing clause', () => {
    const file = content([
      heading('Principles'),
      para('Recalling the Charter of the United Nations,'),
      listItem('Calls upon States to protect rivers.'),
      listItem('Welcomes the new fund.'),
      listItem('Decides to remain seized.'),
    ]);
    const result = proposalsAgainstVersion(readWordImport(file), version);
    expect(result.clauses.map((c) => c.match)).toEqual(['same', 'changed', 'same', 'new', 'same']);
    expect(result.missing).toEqual(['op2']);
    expect(result.proposals).toEqual([
      { kind: 'replace', targetClauseId: 'pp', text: 'Recalling the Charter of the United Nations,', wordAuthor: null, tracked: false },
      { kind: 'insert', afterClauseId: 'op1', clauseKind: 'operative', text: 'Welcomes the new fund.', wordAuthor: null, tracked: false },
      { kind: 'delete', targetClauseId: 'op2', wordAuthor: null, tracked: false },
    ]);
    expect(result.warnings).toEqual(['untracked-differences']);
  });
});
