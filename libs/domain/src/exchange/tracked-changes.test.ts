import fc from 'fast-check';
import { consolidate } from '../drafting/consolidate';
import { accessNow, cigref, clause, france, microsoft, parisCall } from '../drafting/paris-call.fixture';
import type { AcceptedAmendment, AmendmentKind, Authorship, Clause } from '../drafting/types';
import { acceptedParagraph, DIFFS_PER_SLICE, rejectedParagraph, trackChanges, trackChangesInSlices, type TrackedChain, type TrackedParagraph, type TrackedStep } from './tracked-changes';

const accepted = (ps: TrackedParagraph[]) => ps.map(acceptedParagraph).filter((t): t is string => t !== null);
const rejected = (ps: TrackedParagraph[]) => ps.map(rejectedParagraph).filter((t): t is string => t !== null);
const texts = (cs: readonly Clause[]) => cs.map((c) => c.text);
const lastOf = (chain: TrackedChain) => (chain.steps.length ? chain.steps[chain.steps.length - 1].clauses : chain.base.clauses);
const changesOf = (ps: TrackedParagraph[]) => ps.flatMap((p) => [...p.runs.map((r) => r.change), p.mark]).filter((c) => c !== null);

/** Every revision names the author of the amendment it came from (or, without one, the step's pen holder or maker). */
function expectAuthorsOfAmendments(chain: TrackedChain, ps: TrackedParagraph[]): void {
  const authorOf = new Map(chain.steps.flatMap((s) => s.amendments.map((a) => [a.amendmentId, a.author] as const)));
  for (const change of changesOf(ps)) {
    const s = chain.steps.find((x) => x.version === change.version)!;
    expect(change.author).toBe(change.amendmentId ? authorOf.get(change.amendmentId) : (s.chairsText?.penHolder ?? s.madeBy));
  }
}

const hygiene = clause('c13');
const hackBack = clause('c14');
const smes = 'Support efforts to strengthen an advanced cyber hygiene for all actors, including small and medium-sized enterprises.';
const v1 = parisCall;
const v2 = v1.map((c) => (c.id === 'c13' ? { ...c, text: smes } : c)).filter((c) => c.id !== 'c14');
const v3 = [...v2.slice(0, 8), { id: 'n1', kind: 'operative' as const, text: 'Encourage the coordinated disclosure of vulnerabilities.' }, ...v2.slice(8)].map((c) =>
  c.id === 'c13' ? { ...c, text: smes.replace('advanced', 'basic') } : c,
);
const chair: Authorship = { ...france, authorId: 'p-chair' };
// The chair's text moves the hygiene principle first among the principles and rewords one word of it.
const v4 = [...v3.slice(0, 6), { ...v3.find((c) => c.id === 'c13')!, text: smes.replace('advanced', 'good') }, ...v3.slice(6).filter((c) => c.id !== 'c13')];

const paris: TrackedChain = {
  base: { version: 1, clauses: v1 },
  steps: [
    {
      version: 2,
      clauses: v2,
      amendments: [
        { amendmentId: 'am-smes', clauseId: 'c13', author: microsoft },
        { amendmentId: 'am-no-hack-back', clauseId: 'c14', author: cigref },
      ],
    },
    {
      version: 3,
      clauses: v3,
      amendments: [
        { amendmentId: 'am-disclosure', clauseId: 'n1', author: accessNow },
        { amendmentId: 'am-basic', clauseId: 'c13', author: cigref },
      ],
    },
  ],
};

describe('trackChanges on the Paris Call', () => {
  const ps = trackChanges(paris);

  it('accepting every revision gives the last version, rejecting every one gives the first', () => {
    expect(accepted(ps)).toEqual(texts(v3));
    expect(rejected(ps)).toEqual(texts(v1));
  });

  it('attributes each word to the amendment that wrote or removed it; words added then removed vanish', () => {
    const p = ps.find((x) => x.clauseId === 'c13')!;
    expect(p.mark).toBeNull();
    expect(p.runs.map((r) => [r.text, r.change && `${r.change.kind}:${r.change.amendmentId}`])).toEqual([
      ['Support efforts to strengthen an ', null],
      ['advanced', 'delete:am-basic'],
      ['basic', 'insert:am-basic'],
      [' cyber hygiene for all actors', null],
      [', including small and medium-sized enterprises', 'insert:am-smes'],
      ['.', null],
    ]);
    expect(p.runs[1].change?.author).toBe(cigref);
    expect(p.runs[4].change?.author).toBe(microsoft);
  });

  it('marks whole paragraphs inserted or deleted, by the author of the amendment', () => {
    const deleted = ps.find((x) => x.clauseId === 'c14')!;
    expect(deleted.mark).toMatchObject({ kind: 'delete', amendmentId: 'am-no-hack-back', author: cigref });
    expect(deleted.runs).toEqual([{ text: hackBack.text, change: deleted.mark }]);
    const inserted = ps.find((x) => x.clauseId === 'n1')!;
    expect(inserted.mark).toMatchObject({ kind: 'insert', amendmentId: 'am-disclosure', author: accessNow });
    expect(ps.map((x) => x.clauseId).indexOf('n1')).toBe(8);
    expectAuthorsOfAmendments(paris, ps);
  });

  it("shows a clause a chair's text moved as deleted where it was and inserted where it is, by the pen holder", () => {
    const chain: TrackedChain = { ...paris, steps: [...paris.steps, { version: 4, clauses: v4, amendments: [], chairsText: { label: 'Rev.1', office: 'chair', penHolder: chair } }] };
    const moved = trackChanges(chain);
    expect(accepted(moved)).toEqual(texts(v4));
    expect(rejected(moved)).toEqual(texts(v1));
    const copies = moved.filter((p) => p.clauseId === 'c13');
    expect(copies.map((p) => p.mark?.kind)).toEqual(['insert', 'delete']);
    expect(copies.map((p) => p.mark?.author)).toEqual([chair, chair]);
    // Where it was: a's words deleted by the pen holder; the word am-basic never reached a is gone.
    expect(copies[1].runs.map((r) => r.text).join('')).toBe(hygiene.text);
    // Where it is: microsoft's words still microsoft's, the pen holder's rewording theirs.
    expect(copies[0].runs.find((r) => r.text.includes('small'))?.change?.author).toBe(microsoft);
    expect(copies[0].runs.find((r) => r.text.includes('good'))?.change?.author).toBe(chair);
    expectAuthorsOfAmendments(chain, moved);
  });

  it('refuses a chain where a clause changed and nothing names who changed it', () => {
    expect(() => trackChanges({ base: paris.base, steps: [{ version: 2, clauses: v2, amendments: [] }] })).toThrow(/no applied amendment names it/);
  });

  it('changes nothing when a and b are the same version', () => {
    const same = trackChanges({ base: { version: 3, clauses: v3 }, steps: [] });
    expect(same.every((p) => p.mark === null && p.runs.every((r) => r.change === null))).toBe(true);
    expect(accepted(same)).toEqual(texts(v3));
  });
});

// Random chains over the Paris Call: amendments by random delegates consolidated as the drafting context does,
// and sometimes a chair's text that moves a clause and rewrites another.
const authors: Authorship[] = [france, microsoft, cigref, accessNow];
const words = ['cyber', 'hygiene', 'States', 'non-State', 'actors', 'critical', ',', '.', 'the', 'Internet'];
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
interface History {
  steps: { edits: Edit[]; move: { from: number; to: number; reword: number } | null }[];
  from: number;
}
const stepArb = fc.record({ edits: fc.array(editArb, { maxLength: 4 }), move: fc.option(fc.record({ from: fc.nat(40), to: fc.nat(40), reword: fc.nat(40) })) });
const historyArb: fc.Arbitrary<History> = fc.record({ steps: fc.array(stepArb, { maxLength: 5 }), from: fc.nat(5) });

function edited(text: string, e: Edit): string {
  const tokens = text.split(' ');
  const cut = e.at % (tokens.length + 1);
  return [...tokens.slice(0, cut), ...e.added, ...tokens.slice(cut + e.drop)].join(' ');
}

function buildChain({ steps, from }: History): TrackedChain {
  const versions: TrackedStep[] = [];
  let clauses: Clause[] = parisCall;
  steps.forEach(({ edits, move }, v) => {
    const version = v + 2;
    const authorOf = new Map<string, Authorship>();
    const amendments: AcceptedAmendment[] = edits.map((e, n) => {
      const id = `v${version}-a${n}`;
      authorOf.set(id, authors[e.author]);
      const target = clauses[e.target % clauses.length];
      const base = { id, baseVersion: version - 1, acceptedAt: `2026-03-0${version}T10:0${n}:00Z` };
      if (e.kind === 'insert') return { ...base, kind: 'insert', targetClauseId: target.id, text: e.added.join(' ') || 'New', newClauseKind: 'operative' };
      if (e.kind === 'delete') return { ...base, kind: 'delete', targetClauseId: target.id };
      return { ...base, kind: 'replace', targetClauseId: target.id, text: edited(target.text, e) || 'Empty' };
    });
    const result = consolidate(clauses, amendments, (a) => `n-${a.id}`);
    clauses = result.clauses;
    const step: TrackedStep = {
      version,
      clauses,
      amendments: result.applied.map((a) => ({ amendmentId: a.amendmentId, clauseId: a.clauseId, author: authorOf.get(a.amendmentId)! })),
    };
    if (move && clauses.length > 1) {
      const moving = clauses[move.from % clauses.length];
      const rest = clauses.filter((c) => c !== moving);
      const at = move.to % (rest.length + 1);
      clauses = [...rest.slice(0, at), moving, ...rest.slice(at)].map((c, i) => (i === move.reword % rest.length && !step.amendments.some((x) => x.clauseId === c.id) ? { ...c, text: `${c.text} as chaired` } : c));
      step.clauses = clauses;
      step.chairsText = { label: `Rev.${version}`, office: 'chair', penHolder: chair };
    }
    versions.push(step);
  });
  const start = Math.min(from, versions.length);
  return { base: { version: start + 1, clauses: start === 0 ? parisCall : versions[start - 1].clauses }, steps: versions.slice(start) };
}

describe('trackChanges properties (seeded random edit chains)', () => {
  const settings = { seed: 22, numRuns: 150 };

  it('kept and inserted runs give b exactly; kept and deleted runs give a exactly', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const chain = buildChain(history);
        const ps = trackChanges(chain);
        expect(accepted(ps)).toEqual(texts(lastOf(chain)));
        expect(rejected(ps)).toEqual(texts(chain.base.clauses));
      }),
      settings,
    );
  });

  it("each revision's author is its amendment's author (or the chair's text's pen holder)", () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const chain = buildChain(history);
        expectAuthorsOfAmendments(chain, trackChanges(chain));
      }),
      settings,
    );
  });

  it('a paragraph inserted or deleted whole has only revisions of its own kind', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        for (const p of trackChanges(buildChain(history)))
          if (p.mark) expect(p.runs.every((r) => r.change?.kind === p.mark!.kind)).toBe(true);
      }),
      settings,
    );
  });
});

describe('trackChangesInSlices', () => {
  it('pauses between slices of word diffs and ends with the same paragraphs as trackChanges', () => {
    const chain = buildChain({ steps: Array.from({ length: 3 }, (_, v) => ({ edits: Array.from({ length: 4 }, (_, n) => ({ kind: 'replace' as const, target: v * 4 + n, at: 2, drop: 1, added: ['cyber'], author: n % 4 })), move: null })), from: 0 });
    const slices = trackChangesInSlices(chain);
    let pauses = 0;
    let next = slices.next();
    for (; !next.done; next = slices.next()) pauses++;
    expect(pauses).toBe(Math.floor(12 / DIFFS_PER_SLICE));
    expect(next.value).toEqual(trackChanges(chain));
  });
});
