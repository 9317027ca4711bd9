import fc from 'fast-check';
import { consolidate } from './consolidate';
import { accessNow, cigref, clause, france, microsoft, parisCall } from './paris-call.fixture';
import { type ProvenanceChain, traceProvenance } from './provenance';
import type { AcceptedAmendment, AmendmentKind, Authorship, Clause } from './types';
import { countWords } from './word-diff';

const hygiene = clause('c13'); // "Support efforts to strengthen an advanced cyber hygiene for all actors." (11 words)
const principles = clause('c06'); // "Principles" (1 word)
const smes = 'Support efforts to strengthen an advanced cyber hygiene for all actors, including small and medium-sized enterprises.';
const disclosure = 'Encourage the coordinated disclosure of vulnerabilities.'; // 6 words

const v1: Clause[] = [principles, hygiene];
const v2: Clause[] = [principles, { ...hygiene, text: smes }];
const v3: Clause[] = [...v2, { id: 'n1', kind: 'operative', text: disclosure }];

const chain: ProvenanceChain = {
  original: { clauses: v1, author: france },
  revisions: [
    { version: 2, clauses: v2, amendments: [{ amendmentId: 'am-smes', clauseId: 'c13', author: microsoft }] },
    { version: 3, clauses: v3, amendments: [{ amendmentId: 'am-disclosure', clauseId: 'n1', author: accessNow }] },
  ],
};

const who = (p: ReturnType<typeof traceProvenance>, clauseId: string): [string, string][] =>
  (p.clauses.find((c) => c.clauseId === clauseId)?.segments ?? []).map((s) => [
    s.text,
    s.origin.kind === 'amendment' ? s.origin.amendmentId : s.origin.kind,
  ]);

describe('traceProvenance', () => {
  it('attributes all of version 1 to the original draft', () => {
    const p = traceProvenance({ original: chain.original, revisions: [] });
    expect(p.version).toBe(1);
    expect(who(p, 'c13')).toEqual([[hygiene.text, 'original']]);
    expect(p.totals).toMatchObject({ words: 12, original: 12, amended: 0 });
    expect(p.totals.byGroup).toEqual([
      { key: 'government', words: 12, share: 1 },
      { key: 'private-sector', words: 0, share: 0 },
      { key: 'civil-society', words: 0, share: 0 },
    ]);
    expect(p.headline).toBeNull();
  });

  it('gives inserted words to the amendment and keeps the rest original', () => {
    const p = traceProvenance({ original: chain.original, revisions: chain.revisions.slice(0, 1) });
    expect(who(p, 'c13')).toEqual([
      ['Support efforts to strengthen an advanced cyber hygiene for all actors', 'original'],
      [', including small and medium-sized enterprises', 'am-smes'],
      ['.', 'original'],
    ]);
    expect(p.clauses.find((c) => c.clauseId === 'c13')?.segments[1]).toMatchObject({
      words: 5,
      origin: {
        kind: 'amendment',
        version: 2,
        authorId: 'p-microsoft',
        snapshot: { organisationName: 'Microsoft', stakeholderGroup: 'private-sector' },
      },
    });
    expect(p.totals.words).toBe(17);
    expect(p.headline?.text).toBe('71% of the text is from the original draft by France (government)');
  });

  it('counts words by group, sub-type and organisation, and leads with the original draft while it is the largest share', () => {
    const p = traceProvenance(chain);
    expect(p.version).toBe(3);
    expect(who(p, 'n1')).toEqual([[disclosure, 'am-disclosure']]);
    expect(p.totals).toMatchObject({ words: 23, original: 12, amended: 11 });
    expect(p.totals.byGroup.map((g) => [g.key, g.words])).toEqual([
      ['government', 12],
      ['private-sector', 5],
      ['civil-society', 6],
    ]);
    expect(p.totals.bySubtype.map((g) => [g.key, g.words])).toEqual([
      ['national', 12],
      ['company', 5],
      ['ngo', 6],
    ]);
    expect(p.totals.byOrganisation.map((o) => [o.organisationName, o.words, o.stakeholderGroup])).toEqual([
      ['France', 12, 'government'],
      ['Access Now', 6, 'civil-society'],
      ['Microsoft', 5, 'private-sector'],
    ]);
    expect(p.headline).toEqual({
      source: 'original',
      group: 'government',
      organisationName: 'France',
      words: 12,
      share: 12 / 23,
      percent: 52,
      text: '52% of the text is from the original draft by France (government)',
    });
  });

  it('names the largest group among amended words, as a share of the whole text, once amendments outweigh the original draft', () => {
    const p = traceProvenance({
      original: { clauses: [principles], author: france },
      revisions: [{ version: 2, clauses: [principles, { id: 'n1', kind: 'operative', text: disclosure }], amendments: [{ amendmentId: 'am-disclosure', clauseId: 'n1', author: accessNow }] }],
    });
    expect(p.headline).toEqual({
      source: 'amendments',
      group: 'civil-society',
      organisationName: null,
      words: 6,
      share: 6 / 7,
      percent: 86,
      text: '86% of the text was introduced by civil-society delegates',
    });
  });

  it('names the group, not the declared organisation, of an original draft whose author was unconfirmed', () => {
    const declared = { authorId: 'p-fake', snapshot: { ...microsoft.snapshot, affiliationId: 'aff-fake', confirmation: null } };
    const p = traceProvenance({
      original: { clauses: v1, author: declared },
      revisions: [{ version: 2, clauses: [...v1, { id: 'n1', kind: 'operative', text: disclosure }], amendments: [{ amendmentId: 'am-disclosure', clauseId: 'n1', author: accessNow }] }],
    });
    expect(p.headline).toMatchObject({ source: 'original', organisationName: null, text: '67% of the text is from the original draft by a private-sector delegate' });
  });

  it('never counts words of an author whose affiliation was unconfirmed under the organisation they declared: they are totalled apart', () => {
    const declared = { authorId: 'p-fake', snapshot: { ...microsoft.snapshot, affiliationId: 'aff-fake', confirmation: null } };
    const p = traceProvenance({ original: chain.original, revisions: [{ ...chain.revisions[0], amendments: [{ amendmentId: 'am-smes', clauseId: 'c13', author: declared }] }] });
    expect(p.totals.byOrganisation.map((o) => [o.organisationName, o.words])).toEqual([['France', 12]]);
    expect(p.totals.unconfirmed).toEqual({ key: 'unconfirmed', words: 5, share: 5 / 17 });
    // Still private-sector words: the group they declared shows, as composition counts it.
    expect(p.totals.byGroup.find((g) => g.key === 'private-sector')?.words).toBe(5);
  });

  it('gives words deleted and later restored to the amendment that restored them', () => {
    const p = traceProvenance({
      original: chain.original,
      revisions: [
        {
          version: 2,
          clauses: [principles, { ...hygiene, text: 'Support efforts to strengthen cyber hygiene for all actors.' }],
          amendments: [{ amendmentId: 'cut', clauseId: 'c13', author: cigref }],
        },
        { version: 3, clauses: v1, amendments: [{ amendmentId: 'restore', clauseId: 'c13', author: accessNow }] },
      ],
    });
    expect(who(p, 'c13')).toEqual([
      ['Support efforts to strengthen ', 'original'],
      ['an advanced ', 'restore'],
      ['cyber hygiene for all actors.', 'original'],
    ]);
    expect(p.totals.byOrganisation.map((o) => o.key)).not.toContain(cigref.snapshot.organisationId); // deleting writes no words
  });

  it('keeps the attribution of a clause an amendment left unchanged, even when it moved', () => {
    const p = traceProvenance({
      original: chain.original,
      revisions: [
        { version: 2, clauses: [hygiene, principles], amendments: [{ amendmentId: 'noop', clauseId: 'c13', author: microsoft }] },
      ],
    });
    expect(who(p, 'c13')).toEqual([[hygiene.text, 'original']]);
    expect(p.headline).toBeNull();
  });

  it('refuses a chain where a clause changed without an amendment', () => {
    expect(() => traceProvenance({ original: chain.original, revisions: [{ version: 2, clauses: v2, amendments: [] }] })).toThrow(
      'Version 2: clause "c13" changed but no applied amendment names it',
    );
  });

  it('leads with the 93% one company drafted, not the 5% government delegates introduced (as in the demo)', () => {
    const draft: Clause = { id: 'd1', kind: 'operative', text: Array.from({ length: 93 }, (_, i) => `word${i}`).join(' ') + '.' };
    const byGovernment: Clause = { id: 'g1', kind: 'operative', text: 'States shall report annually.' }; // 4 words
    const byGovernmentToo: Clause = { id: 'g2', kind: 'operative', text: 'Reviews.' }; // 1 word
    const byNgo: Clause = { id: 'n1', kind: 'operative', text: 'Protect journalists.' }; // 2 words
    const p = traceProvenance({
      original: { clauses: [draft], author: microsoft },
      revisions: [
        {
          version: 2,
          clauses: [draft, byGovernment, byGovernmentToo, byNgo],
          amendments: [
            { amendmentId: 'am-report', clauseId: 'g1', author: france },
            { amendmentId: 'am-reviews', clauseId: 'g2', author: france },
            { amendmentId: 'am-journalists', clauseId: 'n1', author: accessNow },
          ],
        },
      ],
    });
    expect(p.totals).toMatchObject({ words: 100, original: 93, amended: 7 });
    expect(p.totals.byGroup.map((g) => [g.key, g.words])).toEqual([
      ['government', 5],
      ['private-sector', 93],
      ['civil-society', 2],
    ]);
    expect(p.headline).toMatchObject({ source: 'original', group: 'private-sector', organisationName: 'Microsoft', percent: 93 });
    expect(p.headline?.text).toBe('93% of the text is from the original draft by Microsoft (private sector)');
  });
});

// Random histories: each version consolidated from random amendments by random delegates, over the Paris Call.
const authors: Authorship[] = [france, microsoft, cigref, accessNow];
const words = ['cyber', 'hygiene', 'States', 'non-State', 'actors', 'critical', 'infrastructure', ',', '.', 'the', 'Internet'];
interface Edit {
  kind: AmendmentKind;
  target: number;
  at: number;
  drop: number;
  added: string[];
  author: number;
}
const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('replace' as const, 'insert' as const, 'delete' as const),
  target: fc.nat(40),
  at: fc.nat(40),
  drop: fc.nat(3),
  added: fc.array(fc.constantFrom(...words), { maxLength: 4 }),
  author: fc.nat(authors.length - 1),
});
const historyArb = fc.array(fc.array(editArb, { maxLength: 4 }), { maxLength: 4 });

function buildChain(history: Edit[][]): ProvenanceChain {
  let clauses: Clause[] = parisCall;
  const revisions: ProvenanceChain['revisions'][number][] = [];
  history.forEach((edits, v) => {
    const authorOf = new Map<string, Authorship>();
    const amendments: AcceptedAmendment[] = edits.map((e, n) => {
      const id = `v${v + 2}-a${n}`;
      authorOf.set(id, authors[e.author]);
      const target = clauses[e.target % clauses.length];
      const tokens = target.text.split(' ');
      const cut = e.at % (tokens.length + 1);
      const text = [...tokens.slice(0, cut), ...e.added, ...tokens.slice(cut + e.drop)].join(' ');
      const acceptedAt = `2026-03-0${v + 1}T10:0${n}:00Z`;
      const base = { id, baseVersion: v + 1, acceptedAt };
      if (e.kind === 'insert')
        return { ...base, kind: 'insert', targetClauseId: target.id, text: e.added.join(' '), newClauseKind: 'operative' };
      if (e.kind === 'delete') return { ...base, kind: 'delete', targetClauseId: target.id };
      return { ...base, kind: 'replace', targetClauseId: target.id, text };
    });
    const result = consolidate(clauses, amendments, (a) => `n-${a.id}`);
    clauses = result.clauses;
    revisions.push({
      version: v + 2,
      clauses,
      amendments: result.applied.map((a) => ({
        amendmentId: a.amendmentId,
        clauseId: a.clauseId,
        author: authorOf.get(a.amendmentId) ?? france,
      })),
    });
  });
  return { original: { clauses: parisCall, author: france }, revisions };
}

describe('traceProvenance properties', () => {
  it('segments of each clause concatenate to exactly its text, and count its words', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const chainOf = buildChain(history);
        const last = chainOf.revisions.length ? chainOf.revisions[chainOf.revisions.length - 1].clauses : parisCall;
        const p = traceProvenance(chainOf);
        expect(p.clauses.map((c) => c.clauseId)).toEqual(last.map((c) => c.id));
        p.clauses.forEach((c, i) => {
          expect(c.segments.map((s) => s.text).join('')).toBe(last[i].text);
          expect(c.words).toBe(countWords(last[i].text));
        });
      }),
      { numRuns: 200 },
    );
  });

  it('total words equal the sum by stakeholder group, by sub-type and by organisation', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const p = traceProvenance(buildChain(history));
        const sum = (rows: { words: number }[]): number => rows.reduce((n, r) => n + r.words, 0);
        expect(sum(p.totals.byGroup)).toBe(p.totals.words);
        expect(sum(p.totals.bySubtype)).toBe(p.totals.words);
        expect(sum(p.totals.byOrganisation) + p.totals.unconfirmed.words).toBe(p.totals.words);
        expect(p.totals.original + p.totals.amended).toBe(p.totals.words);
        expect(sum(p.clauses)).toBe(p.totals.words);
      }),
      { numRuns: 200 },
    );
  });

  it('is fast for 300 clauses over three versions', () => {
    const base: Clause[] = Array.from({ length: 300 }, (_, i) => ({ ...parisCall[i % 15], id: `k${i}` }));
    const v2Big = base.map((c, i) => (i % 2 ? { ...c, text: `${c.text} Including critical infrastructure.` } : c));
    const v3Big = v2Big.map((c, i) => (i % 3 ? c : { ...c, text: c.text.replace(/ the /g, ' all ') }));
    const changed = (from: Clause[], to: Clause[], author: Authorship, version: number) =>
      to.filter((c, i) => c.text !== from[i].text).map((c) => ({ amendmentId: `v${version}-${c.id}`, clauseId: c.id, author }));
    const started = performance.now();
    const p = traceProvenance({
      original: { clauses: base, author: france },
      revisions: [
        { version: 2, clauses: v2Big, amendments: changed(base, v2Big, microsoft, 2) },
        { version: 3, clauses: v3Big, amendments: changed(v2Big, v3Big, accessNow, 3) },
      ],
    });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(p.totals.amended).toBeGreaterThan(0);
  });
});
