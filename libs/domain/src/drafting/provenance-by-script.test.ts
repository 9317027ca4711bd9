import fc from 'fast-check';
import { accessNow, france, microsoft } from './paris-call.fixture';
import { type ProvenanceChain, traceProvenance } from './provenance';
import type { Clause } from './types';
import { textAfter, textBefore, wordDiff } from './word-diff';

/** One clause, drafted by a government, amended by a company: who wrote how many words, in each script. */
function amendedOnce(locale: string, before: string, after: string): ProvenanceChain {
  const v1: Clause[] = [{ id: 'c1', kind: 'operative', text: before }];
  const v2: Clause[] = [{ id: 'c1', kind: 'operative', text: after }];
  return { original: { clauses: v1, author: france }, revisions: [{ version: 2, clauses: v2, amendments: [{ amendmentId: 'am-1', clauseId: 'c1', author: microsoft }] }], locale };
}

const byGroup = (chain: ProvenanceChain) => Object.fromEntries(traceProvenance(chain).totals.byGroup.map((g) => [g.key, g.words]));

describe('provenance word counts by script', () => {
  it('counts Chinese words, not characters nor whole sentences, per stakeholder group', () => {
    const chain = amendedOnce('zh', '各国应加强网络安全领域的国际合作。', '各国应加强网络安全和数据保护领域的国际合作。');
    expect(byGroup(chain)).toEqual({ government: 9, 'private-sector': 3, 'civil-society': 0 });
    const segments = traceProvenance(chain).clauses[0].segments.map((s) => [s.text, s.words, s.origin.kind]);
    expect(segments).toEqual([
      ['各国应加强网络安全', 5, 'original'],
      ['和数据保护', 3, 'amendment'],
      ['领域的国际合作。', 4, 'original'],
    ]);
  });

  it('counts Arabic words with their clitics as one word each', () => {
    const before = 'يجب على الدول تعزيز التعاون الدولي في مجال الأمن السيبراني.';
    const chain = amendedOnce('ar', before, before.replace('الدولي ', 'الدولي والإقليمي '));
    expect(byGroup(chain)).toEqual({ government: 10, 'private-sector': 1, 'civil-society': 0 });
  });

  it('counts English words as before', () => {
    const chain = amendedOnce('en', 'Support efforts to strengthen cyber hygiene.', 'Support efforts to strengthen an advanced cyber hygiene for all actors.');
    expect(byGroup(chain)).toEqual({ government: 6, 'private-sector': 5, 'civil-society': 0 });
  });

  it('a later amendment in Chinese keeps the earlier authors of the words it does not touch', () => {
    const chain = amendedOnce('zh', '各国应加强网络安全领域的国际合作。', '各国应加强网络安全和数据保护领域的国际合作。');
    const v3: Clause[] = [{ id: 'c1', kind: 'operative', text: '各国应促进网络安全和数据保护领域的国际合作。' }];
    chain.revisions = [...chain.revisions, { version: 3, clauses: v3, amendments: [{ amendmentId: 'am-2', clauseId: 'c1', author: accessNow }] }];
    expect(byGroup(chain)).toEqual({ government: 8, 'private-sector': 3, 'civil-society': 1 });
  });

  it('a diff in any script rebuilds both texts exactly (property)', () => {
    const piece = fc.constantFrom('各国', '应', '加强', '网络安全', '和', '数据保护', '。', '，', 'الدولِ', 'والإقليمي', ' ', '، ', 'ICT-enabled', '3.2', '\n');
    const text = fc.array(piece, { maxLength: 14 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, text, fc.constantFrom('zh', 'ar', 'en'), (a, b, locale) => {
        const parts = wordDiff(a, b, locale);
        expect(textBefore(parts)).toBe(a);
        expect(textAfter(parts)).toBe(b);
      }),
      { numRuns: 500 },
    );
  });
});
