import { accessNow, clause, france, microsoft } from '../drafting/paris-call.fixture';
import { traceProvenance, type ProvenanceChain } from '../drafting/provenance';
import type { Clause } from '../drafting/types';

const principles = clause('c06'); // "Principles" (1 word)
const hygiene = clause('c13'); // 11 words
const v1: Clause[] = [principles, hygiene];
const reworded = 'Support efforts to strengthen an advanced cyber hygiene for all actors, including small and medium-sized enterprises.';
const added = 'Encourage the coordinated disclosure of vulnerabilities by all actors without delay.'; // 11 words

const chairsRev1 = { label: 'Rev.1', office: 'chair' as const, penHolder: microsoft };

describe('provenance of a chair’s text', () => {
  const chain: ProvenanceChain = {
    original: { clauses: v1, author: france },
    revisions: [{ version: 2, clauses: [principles, { ...hygiene, text: reworded }, { id: 'n1', kind: 'operative', text: added }], amendments: [], chairsText: chairsRev1 }],
  };
  const p = traceProvenance(chain);

  it('attributes the words a chair’s text changed or added to the office and to the pen holder (with their affiliation as at the issue)', () => {
    const segments = p.clauses.find((c) => c.clauseId === 'c13')!.segments;
    expect(segments.map((s) => [s.text, s.origin.kind])).toEqual([
      ['Support efforts to strengthen an advanced cyber hygiene for all actors', 'original'],
      [', including small and medium-sized enterprises', 'chairs-text'],
      ['.', 'original'],
    ]);
    expect(segments[1].origin).toEqual({ kind: 'chairs-text', version: 2, label: 'Rev.1', office: 'chair', authorId: 'p-microsoft', snapshot: microsoft.snapshot });
    expect(p.clauses.find((c) => c.clauseId === 'n1')!.segments).toEqual([expect.objectContaining({ words: 11, origin: expect.objectContaining({ kind: 'chairs-text' }) })]);
  });

  it('counts the chair’s text under the pen holder’s stakeholder group and organisation, never hidden behind the office', () => {
    expect(p.totals).toMatchObject({ words: 28, original: 12, amended: 0, chairsText: 16 });
    expect(p.totals.byGroup.find((g) => g.key === 'private-sector')?.words).toBe(16);
    expect(p.totals.byOrganisation[0]).toMatchObject({ organisationName: 'Microsoft', stakeholderGroup: 'private-sector', words: 16 });
  });

  it('names the chair’s text, its office and its pen holder in the headline when it holds the largest share', () => {
    expect(p.headline).toMatchObject({
      source: 'chairs-text',
      group: 'private-sector',
      organisationName: 'Microsoft',
      words: 16,
      percent: 57,
      chairsText: { version: 2, label: 'Rev.1', office: 'chair' },
      text: "57% of the text was written in the Chair's text Rev.1 (pen: Microsoft, private sector)",
    });
  });

  it('keeps amendments applied in a later consolidation on top of the chair’s words', () => {
    const later = traceProvenance({
      ...chain,
      revisions: [
        ...chain.revisions,
        {
          version: 3,
          clauses: [principles, { ...hygiene, text: reworded }, { id: 'n1', kind: 'operative', text: added.replace('without delay', 'promptly') }],
          amendments: [{ amendmentId: 'am-promptly', clauseId: 'n1', author: accessNow }],
        },
      ],
    });
    const n1 = later.clauses.find((c) => c.clauseId === 'n1')!.segments.map((s) => s.origin.kind);
    expect(n1).toEqual(['chairs-text', 'amendment', 'chairs-text']);
  });

  it('still refuses an unexplained change in a version that is not a chair’s text', () => {
    expect(() =>
      traceProvenance({ original: chain.original, revisions: [{ version: 2, clauses: [principles, { ...hygiene, text: reworded }], amendments: [] }] }),
    ).toThrow(/no applied amendment/);
  });
});
