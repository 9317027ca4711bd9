import { checkParagraphs, EXPLANATION_AFTER_DAYS, explanationTiming, explanationWindow, paragraphLabels, paragraphList } from './explanations';

const adopted = new Date('2026-11-01T17:00:00Z');
const later = (days: number) => new Date(adopted.getTime() + days * 86_400_000);

describe('explanations of position: when a delegation may place one', () => {
  it('is before the decision while an adoption is under way on the version', () => {
    expect(explanationWindow({ underAdoption: true, adoptedAt: null }, adopted)).toEqual({ open: true, timing: 'before', closesAt: null });
  });

  it('is after the decision once the version is adopted, until the window closes', () => {
    expect(explanationWindow({ underAdoption: false, adoptedAt: adopted }, later(1))).toMatchObject({ open: true, timing: 'after' });
    expect(explanationWindow({ underAdoption: false, adoptedAt: adopted }, later(EXPLANATION_AFTER_DAYS))).toMatchObject({ open: true, timing: 'after' });
  });

  it('is closed once the days after adoption have passed: the record is then complete', () => {
    expect(explanationWindow({ underAdoption: false, adoptedAt: adopted }, later(EXPLANATION_AFTER_DAYS + 0.01))).toEqual({ open: false, why: 'window-closed', closedAt: later(EXPLANATION_AFTER_DAYS) });
  });

  it('is refused on a draft nobody is deciding on', () => {
    expect(explanationWindow({ underAdoption: false, adoptedAt: null }, adopted)).toEqual({ open: false, why: 'not-under-decision' });
  });

  it('reads before or after from the time against the adoption, whatever adopted it', () => {
    expect(explanationTiming(later(-1), adopted)).toBe('before');
    expect(explanationTiming(later(0), adopted)).toBe('after');
    expect(explanationTiming(later(-1), null)).toBe('before');
  });
});

describe('explanations of position: the paragraphs a statement names', () => {
  const version = new Map([
    ['h', 'heading'],
    ['p1', 'preamble'],
    ['o1', 'operative'],
    ['o2', 'operative'],
  ] as const);

  it('a disassociation must name at least one paragraph: one disassociates from something', () => {
    expect(checkParagraphs('disassociation', [], version)).toEqual({ why: 'disassociation-needs-paragraphs' });
  });

  it('a position or a reservation may be on the whole text', () => {
    expect(checkParagraphs('position', [], version)).toBeNull();
    expect(checkParagraphs('reservation', ['o2'], version)).toBeNull();
  });

  it('refuses a clause of another version or document, and a heading, which is not a paragraph', () => {
    expect(checkParagraphs('disassociation', ['elsewhere'], version)).toEqual({ why: 'not-a-paragraph', clauseId: 'elsewhere' });
    expect(checkParagraphs('disassociation', ['h'], version)).toEqual({ why: 'not-a-paragraph', clauseId: 'h' });
  });

  it('names each paragraph once', () => {
    expect(checkParagraphs('disassociation', ['o1', 'o1'], version)).toEqual({ why: 'duplicate-paragraph', clauseId: 'o1' });
  });

  it('labels paragraphs as UN texts do: PP for preambular, OP for operative, none for headings', () => {
    const labels = paragraphLabels([
      { id: 'h', kind: 'heading' },
      { id: 'p1', kind: 'preamble' },
      { id: 'p2', kind: 'preamble' },
      { id: 'o1', kind: 'operative' },
      { id: 'o2', kind: 'operative' },
    ]);
    expect([...labels.values()]).toEqual([null, 'PP1', 'PP2', 'OP1', 'OP2']);
    expect(paragraphList(['OP7'])).toBe('OP7');
    expect(paragraphList(['PP1', 'OP2', 'OP7'])).toBe('PP1, OP2 and OP7');
  });
});
