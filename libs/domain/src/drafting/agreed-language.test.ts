import { citationProblem, claimOccurrences, type Occurrence, reopenedPrecedents } from './agreed-language';
import { accessNow, clause, france, microsoft } from './paris-call.fixture';
import { type PrecedentSource, type ProvenanceChain, traceProvenance } from './provenance';
import type { Clause } from './types';

const adopted: PrecedentSource = { documentId: 'doc-geneva', version: 3, clauseId: 'op7' };
const other: PrecedentSource = { documentId: 'doc-tallinn', version: 2, clauseId: 'op1' };
const agreed = 'reaffirming that international law applies to cyberspace';

const principles = clause('c06');
const hygiene = clause('c13'); // "Support efforts to strengthen an advanced cyber hygiene for all actors."
const quoting = `Support efforts to strengthen an advanced cyber hygiene for all actors, ${agreed}.`;

const v1: Clause[] = [principles, hygiene];
const v2: Clause[] = [principles, { ...hygiene, text: quoting }];

const cited: ProvenanceChain = {
  original: { clauses: v1, author: france },
  revisions: [
    {
      version: 2,
      clauses: v2,
      amendments: [{ amendmentId: 'am-quote', clauseId: 'c13', author: microsoft, citations: [{ passage: agreed, source: adopted }] }],
    },
  ],
};

const kinds = (p: ReturnType<typeof traceProvenance>, clauseId: string): [string, string][] =>
  (p.clauses.find((c) => c.clauseId === clauseId)?.segments ?? []).map((s) => [s.text, s.origin.kind]);

describe('citationProblem', () => {
  const source = { adopted: true, readable: true, clauseText: `The General Assembly, ${agreed}, calls upon States.` };

  it('accepts a passage quoted verbatim from an adopted clause and present in the proposed text', () => {
    expect(citationProblem(agreed, source, `Noting, ${agreed}.`)).toBeNull();
  });

  it('refuses a version that does not exist, is not adopted, or that the proposer may not read, alike', () => {
    const expected = { field: 'version', code: 'not-agreed-language' };
    expect(citationProblem(agreed, null, agreed)).toEqual(expected);
    expect(citationProblem(agreed, { ...source, adopted: false }, agreed)).toEqual(expected);
    // A members-only version the proposer cannot read: the same answer, and nothing about its clauses.
    expect(citationProblem(agreed, { ...source, readable: false, clauseText: null }, agreed)).toEqual(expected);
  });

  it('refuses a clause the adopted version does not have', () => {
    expect(citationProblem(agreed, { ...source, clauseText: null }, agreed)).toEqual({ field: 'clauseId', code: 'not-a-clause' });
  });

  it('refuses a passage not verbatim in the adopted clause: a forged or edited quote', () => {
    expect(citationProblem('reaffirming that international law shall apply', source, 'reaffirming that international law shall apply')).toEqual({
      field: 'passage',
      code: 'passage-not-in-source',
    });
    // Case and spacing count: verbatim means verbatim.
    expect(citationProblem(agreed.toUpperCase(), source, agreed.toUpperCase())).toMatchObject({ code: 'passage-not-in-source' });
  });

  it('refuses a passage the proposed text does not contain', () => {
    expect(citationProblem(agreed, source, 'Calls upon States to refrain from hack-back.')).toEqual({ field: 'passage', code: 'passage-not-in-text' });
  });

  it('refuses common words cited as agreed language: fewer than three words, unless the whole adopted clause', () => {
    const text = `The States and the actors agree to act, ${agreed}.`;
    for (const word of ['The', 'and', 'to', 'that law'])
      expect(citationProblem(word, { ...source, clauseText: `${word} ${source.clauseText}` }, text)).toEqual({ field: 'passage', code: 'passage-too-short' });
    // A clause of two words, quoted whole, is agreed language.
    expect(citationProblem('Calls upon', { ...source, clauseText: 'Calls upon' }, 'Calls upon States')).toBeNull();
    expect(citationProblem('that international law', source, text.replace('agree', 'agree that international law'))).toBeNull();
  });

  it('refuses a passage that starts or ends inside a word, in the adopted clause or in the proposed text', () => {
    // "law applies to cyber" is in the adopted clause only as part of "cyberspace".
    expect(citationProblem('law applies to cyber', source, 'The law applies to cyber attacks.')).toEqual({ field: 'passage', code: 'passage-not-in-source' });
    // In the proposed text only inside longer words: "reaffirming that international" inside "Unreaffirming that internationally".
    expect(citationProblem('reaffirming that international', source, 'Unreaffirming that internationally.')).toEqual({
      field: 'passage',
      code: 'passage-not-in-text',
    });
  });

  it('lets each citation claim one occurrence: the same passage cited twice needs it twice in the text', () => {
    const claimed: Occurrence[] = [];
    const once = `Noting, ${agreed}.`;
    expect(citationProblem(agreed, source, once, claimed)).toBeNull();
    expect(claimed).toEqual([{ start: 8, end: 8 + agreed.length }]);
    expect(citationProblem(agreed, source, once, claimed)).toEqual({ field: 'passage', code: 'passage-not-in-text' });
    // An overlapping passage cannot re-claim words either.
    expect(citationProblem('international law applies to cyberspace', source, once, claimed)).toEqual({ field: 'passage', code: 'passage-not-in-text' });
    const twice = `Noting, ${agreed}, and again ${agreed}.`;
    const both: Occurrence[] = [];
    expect(citationProblem(agreed, source, twice, both)).toBeNull();
    expect(citationProblem(agreed, source, twice, both)).toBeNull();
    expect(both.map((o) => o.start)).toEqual([8, twice.lastIndexOf(agreed)]);
  });

  it('claimOccurrences: the first occurrence on word boundaries not already claimed', () => {
    expect(claimOccurrences('the other the', ['the', 'the', 'the'])).toEqual([{ start: 0, end: 3 }, { start: 10, end: 13 }, null]);
  });
});

describe('traceProvenance with agreed language', () => {
  it('makes the quoted words precedent of their source, inserted by the amendment author, counted under nobody', () => {
    const p = traceProvenance(cited);
    expect(kinds(p, 'c13')).toEqual([
      ['Support efforts to strengthen an advanced cyber hygiene for all actors', 'original'],
      [', ', 'amendment'],
      [agreed, 'precedent'],
      ['.', 'original'],
    ]);
    const quoted = p.clauses.find((c) => c.clauseId === 'c13')!.segments[2];
    expect(quoted).toMatchObject({ words: 7, origin: { kind: 'precedent', version: 2, source: adopted, amendmentId: 'am-quote', authorId: 'p-microsoft' } });
    expect(p.totals).toMatchObject({ words: 19, original: 12, amended: 0, precedent: 7, chairsText: 0 });
    // Microsoft inserted the words but did not write them: no private-sector words, no organisation, no headline.
    expect(p.totals.byGroup.find((g) => g.key === 'private-sector')).toEqual({ key: 'private-sector', words: 0, share: 0 });
    expect(p.totals.byOrganisation.map((o) => o.organisationName)).toEqual(['France']);
    expect(p.headline).toBeNull();
  });

  it('counts words around the quote, and a citation the text does not carry, as the amendment author’s', () => {
    const p = traceProvenance({
      ...cited,
      revisions: [
        { ...cited.revisions[0], amendments: [{ ...cited.revisions[0].amendments[0], citations: [{ passage: 'not in the text', source: adopted }] }] },
      ],
    });
    expect(p.totals).toMatchObject({ precedent: 0, amended: 7 });
  });

  it('makes only the claimed occurrence precedent: a quote of common words does not launder every "the" of a new clause', () => {
    const common = 'for all actors';
    const text = `For all the States, for all actors, and for all actors of the world.`;
    const p = traceProvenance({
      original: { clauses: v1, author: france },
      revisions: [
        {
          version: 2,
          clauses: [principles, hygiene, { id: 'n1', kind: 'operative', text }],
          amendments: [{ amendmentId: 'am-common', clauseId: 'n1', author: microsoft, citations: [{ passage: common, source: adopted }] }],
        },
      ],
    });
    expect(kinds(p, 'n1')).toEqual([
      ['For all the States, ', 'amendment'],
      [common, 'precedent'],
      [', and for all actors of the world.', 'amendment'],
    ]);
    expect(p.totals.precedent).toBe(3);
  });

  it('keeps precedent through later versions and gives a chair’s text its quotes', () => {
    const chair = { label: 'Rev.1', office: 'chair' as const, penHolder: accessNow };
    const v3: Clause[] = [principles, { ...hygiene, text: quoting }, { id: 'n9', kind: 'operative', text: `Recalling, ${agreed}.` }];
    const p = traceProvenance({
      ...cited,
      revisions: [
        ...cited.revisions,
        { version: 3, clauses: v3, amendments: [], chairsText: { ...chair, citations: [{ clauseId: 'n9', passage: agreed, source: other }] } },
      ],
    });
    expect(kinds(p, 'c13')[2]).toEqual([agreed, 'precedent']);
    expect(p.clauses.find((c) => c.clauseId === 'n9')!.segments).toMatchObject([
      { text: 'Recalling, ', origin: { kind: 'chairs-text' } },
      { text: agreed, origin: { kind: 'precedent', source: other, amendmentId: null, authorId: accessNow.authorId, version: 3 } },
      { text: '.', origin: { kind: 'chairs-text' } },
    ]);
    expect(p.totals.precedent).toBe(14);
    expect(p.totals.byGroup.find((g) => g.key === 'civil-society')!.words).toBe(1); // "Recalling": the pen holder's own word
  });

  it('leaves words the diff keeps with their origin even inside a cited passage', () => {
    // Citing wording already in the clause cannot take the original author's words away from them.
    const p = traceProvenance({
      original: { clauses: v1, author: france },
      revisions: [
        {
          version: 2,
          clauses: [principles, { ...hygiene, text: 'Support efforts to strengthen an advanced cyber hygiene for all actors everywhere.' }],
          amendments: [
            { amendmentId: 'am', clauseId: 'c13', author: microsoft, citations: [{ passage: 'cyber hygiene for all actors everywhere', source: adopted }] },
          ],
        },
      ],
    });
    expect(kinds(p, 'c13')).toEqual([
      ['Support efforts to strengthen an advanced cyber hygiene for all actors', 'original'],
      [' everywhere', 'precedent'],
      ['.', 'original'],
    ]);
  });
});

describe('precedent after later changes', () => {
  const later = (text: string): ProvenanceChain => ({
    ...cited,
    revisions: [
      ...cited.revisions,
      { version: 3, clauses: [principles, { ...hygiene, text }], amendments: [{ amendmentId: 'am-later', clauseId: 'c13', author: france }] },
    ],
  });

  it('carries precedent to agreed wording moved unchanged within the clause', () => {
    const moved = `${agreed}: support efforts to strengthen an advanced cyber hygiene for all actors.`;
    const p = traceProvenance(later(moved));
    expect(kinds(p, 'c13').find(([, k]) => k === 'precedent')).toEqual([agreed, 'precedent']);
    expect(p.totals.precedent).toBe(7);
  });

  it('once a quote is altered, its remaining words are no longer precedent: they are its inserter’s', () => {
    const p = traceProvenance(later(quoting.replace('applies', 'may apply')));
    expect(p.totals.precedent).toBe(0);
    const segments = p.clauses.find((c) => c.clauseId === 'c13')!.segments;
    expect(segments.filter((x) => x.origin.kind === 'amendment').map((x) => [x.text, (x.origin as { amendmentId: string }).amendmentId])).toEqual([
      [', reaffirming that international law ', 'am-quote'],
      ['may apply', 'am-later'],
      [' to cyberspace', 'am-quote'],
    ]);
  });

  it('a bracket put around a quote ends its precedent too', () => {
    expect(traceProvenance(later(quoting.replace(agreed, `[${agreed}]`))).totals.precedent).toBe(0);
    expect(traceProvenance(later(quoting.replace('actors', 'stakeholders'))).totals.precedent).toBe(7);
  });
});

describe('reopenedPrecedents', () => {
  const before = traceProvenance(cited).clauses.find((c) => c.clauseId === 'c13')!;

  it('flags a change to the quoted words', () => {
    expect(reopenedPrecedents(before, quoting.replace('applies', 'may apply'))).toEqual([adopted]);
  });

  it('flags words inserted inside the quote', () => {
    expect(reopenedPrecedents(before, quoting.replace('international law', 'international law, where appropriate,'))).toEqual([adopted]);
  });

  it('flags deleting the clause', () => {
    expect(reopenedPrecedents(before, null)).toEqual([adopted]);
  });

  it('does not flag changes outside the quote, nor a clause without precedent', () => {
    expect(reopenedPrecedents(before, quoting.replace('advanced', 'basic'))).toEqual([]);
    expect(reopenedPrecedents(before, quoting)).toEqual([]);
    const plain = traceProvenance({ original: { clauses: v1, author: france }, revisions: [] }).clauses.find((c) => c.clauseId === 'c13')!;
    expect(reopenedPrecedents(plain, null)).toEqual([]);
  });

  it('flags edits at the edge of the quote: a word glued to it, brackets around it', () => {
    expect(reopenedPrecedents(before, quoting.replace('cyberspace', 'cyberspace-based'))).toEqual([adopted]);
    expect(reopenedPrecedents(before, quoting.replace(agreed, `[${agreed}]`))).toEqual([adopted]);
    expect(reopenedPrecedents(before, quoting.replace(agreed, `[ ${agreed} ]`))).toEqual([adopted]);
    expect(reopenedPrecedents(before, quoting.replace(agreed, `un${agreed}`))).toEqual([adopted]);
    // A word put before it, with a space, does not touch it.
    expect(reopenedPrecedents(before, quoting.replace(agreed, `firmly ${agreed}`))).toEqual([]);
  });

  it('does not flag agreed wording moved unchanged within the clause', () => {
    expect(reopenedPrecedents(before, `${agreed}, support efforts to strengthen an advanced cyber hygiene for all actors.`)).toEqual([]);
    // Moved but bracketed: reopened.
    expect(reopenedPrecedents(before, `[${agreed}], support efforts to strengthen an advanced cyber hygiene for all actors.`)).toEqual([adopted]);
  });

  it('names each source once', () => {
    const twice = traceProvenance({
      ...cited,
      revisions: [{ ...cited.revisions[0], clauses: [principles, { ...hygiene, text: `${agreed}; ${agreed}.` }] }],
    }).clauses.find((c) => c.clauseId === 'c13')!;
    expect(reopenedPrecedents(twice, 'Nothing agreed.')).toEqual([adopted]);
  });
});
