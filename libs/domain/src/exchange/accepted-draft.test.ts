import { acceptedDraft } from './accepted-draft';
import { content, del, heading, ins, listItem, para, run } from './import-fixtures';
import { readWordImport } from './import-proposals';

const version = [
  { id: 'h', kind: 'heading' as const, text: 'Principles' },
  { id: 'pp1', kind: 'preamble' as const, text: 'Recalling the Charter,' },
  { id: 'pp2', kind: 'preamble' as const, text: 'Noting the report of the Secretary-General,' },
  { id: 'op1', kind: 'operative' as const, text: 'Welcomes the report.' },
  { id: 'op2', kind: 'operative' as const, text: 'Calls upon States to protect rivers.' },
  { id: 'op3', kind: 'operative' as const, text: 'Requests a report.' },
  { id: 'op4', kind: 'operative' as const, text: 'Decides to remain seized.' },
];

describe('acceptedDraft', () => {
  it('accepts the tracked changes: a rewritten clause keeps its id, an inserted paragraph is new, a deleted one is gone', () => {
    const file = content([
      heading('Principles'),
      para([run('Recalling the Charter,', del('Ann'))], { markRevision: del('Ann') }),
      para('Noting the report of the Secretary-General,'),
      listItem('Welcomes the report.'),
      listItem([run('Calls upon States to protect rivers.', del('Ann')), run('Urges all parties to cease hostilities at once.', ins('Ann'))]),
      listItem('Requests a report.'),
      listItem([run('Invites donors to contribute.', ins('Bo'))], { markRevision: ins('Bo') }),
      listItem('Decides to remain seized.'),
    ]);
    expect(acceptedDraft(readWordImport(file), version)).toEqual([
      { clauseId: 'h', kind: 'heading', text: 'Principles', match: 'same' },
      { clauseId: 'pp2', kind: 'preamble', text: 'Noting the report of the Secretary-General,', match: 'same' },
      { clauseId: 'op1', kind: 'operative', text: 'Welcomes the report.', match: 'same' },
      { clauseId: 'op2', kind: 'operative', text: 'Urges all parties to cease hostilities at once.', match: 'changed' },
      { clauseId: 'op3', kind: 'operative', text: 'Requests a report.', match: 'same' },
      { clauseId: null, kind: 'operative', text: 'Invites donors to contribute.', match: 'new' },
      { clauseId: 'op4', kind: 'operative', text: 'Decides to remain seized.', match: 'same' },
    ]);
  });

  it('puts a paragraph inserted before every clause first', () => {
    const file = content([para([run('Guided by the Charter,', ins('Ann'))], { markRevision: ins('Ann') }), heading('Principles')]);
    expect(acceptedDraft(readWordImport(file), version).map((c) => [c.clauseId, c.text])).toEqual([
      [null, 'Guided by the Charter,'],
      ['h', 'Principles'],
    ]);
  });

  it('matches edits made without tracking by word similarity, and leaves an unlike paragraph new', () => {
    const file = content([
      heading('Principles'),
      para('Recalling the Charter of the United Nations,'),
      para('Noting the report of the Secretary-General,'),
      listItem('Welcomes the report.'),
      listItem('Calls upon all States to protect rivers and lakes.'),
      listItem('Establishes a fund for wetlands.'),
      listItem('Decides to remain seized.'),
    ]);
    expect(acceptedDraft(readWordImport(file), version).map((c) => [c.clauseId, c.match])).toEqual([
      ['h', 'same'],
      ['pp1', 'changed'],
      ['pp2', 'same'],
      ['op1', 'same'],
      ['op2', 'changed'],
      [null, 'new'],
      ['op4', 'same'],
    ]);
  });

  it('matches the accepted text first: a file carrying older tracked changes than the version keeps the clauses those changes made', () => {
    // The file shows version 1 → the current version as tracked changes (op5 inserted, op2 reworded), then the chair's own edit of op4.
    const current = [...version, { id: 'op5', kind: 'operative' as const, text: 'Invites donors to contribute.' }];
    const file = content([
      heading('Principles'),
      para('Recalling the Charter,'),
      para('Noting the report of the Secretary-General,'),
      listItem('Welcomes the report.'),
      listItem('Calls upon States to protect rivers.'),
      listItem('Requests a report.'),
      listItem([run('Decides to remain seized.', del('Chair')), run('Decides to remain actively seized of the matter.', ins('Chair'))]),
      listItem([run('Invites donors to contribute.', ins('Secretariat'))], { markRevision: ins('Secretariat') }),
    ]);
    expect(acceptedDraft(readWordImport(file), current).map((c) => [c.clauseId, c.match])).toEqual([
      ['h', 'same'],
      ['pp1', 'same'],
      ['pp2', 'same'],
      ['op1', 'same'],
      ['op2', 'same'],
      ['op3', 'same'],
      ['op4', 'changed'],
      ['op5', 'same'],
    ]);
  });
});
