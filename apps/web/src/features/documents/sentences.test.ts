import { passageBetween, sentencesOf } from './sentences';

describe('quoting a clause by keyboard', () => {
  const text = 'States should cooperate; they should refrain from harm. Does this apply to companies?  Yes.';

  it('offers each sentence and semicolon part, with offsets that point back into the clause', () => {
    const parts = sentencesOf(text);
    expect(parts.map((p) => p.text)).toEqual(['States should cooperate;', 'they should refrain from harm.', 'Does this apply to companies?', 'Yes.']);
    for (const p of parts) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('keeps a clause without final punctuation whole', () => {
    expect(sentencesOf('Prevent the theft of intellectual property')).toEqual([{ text: 'Prevent the theft of intellectual property', start: 0, end: 42 }]);
  });

  it('trims a selection and refuses one of whitespace only', () => {
    expect(passageBetween(text, 25, 7)).toEqual({ text: 'should cooperate;', start: 7, end: 24 });
    expect(passageBetween(text, 85, 87)).toBeNull();
  });
});
