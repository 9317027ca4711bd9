import type { SearchResult } from '@parley/contracts';
import { searchResultLink } from './search-links';

const result = (over: Partial<SearchResult>): SearchResult => ({
  kind: 'comment',
  id: 'c1',
  title: null,
  passage: { text: '', marks: [] },
  status: null,
  openBrackets: null,
  language: null,
  author: null,
  affiliation: null,
  target: { workingGroup: { id: 'g1', name: 'Group' }, document: { id: 'd1', title: 'Text' }, version: 2, clauseId: 'k1', auditEvent: null },
  at: '2026-12-07T00:00:00.000Z',
  ...over,
});

describe('where a search result leads', () => {
  it('a comment opens in its version, at its clause', () => {
    expect(searchResultLink(result({}))).toBe('/documents/d1?v=2&clause=k1&comment=c1');
  });

  it('an audit sentence opens its event in the audit log, not the document it names', () => {
    const page = '/audit/events/wg%3Ag1/7';
    const r = result({ kind: 'audit', id: 'wg:g1/7', target: { ...result({}).target, auditEvent: { scope: 'wg:g1', sequence: 7, page } } });
    expect(searchResultLink(r)).toBe(page);
  });
});
