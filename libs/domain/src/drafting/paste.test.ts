import fc from 'fast-check';
import { clauseFromParagraph, clausesFromPastedText, pastedParagraphs } from './paste';
import { parisCall } from './paris-call.fixture';

describe('pastedParagraphs', () => {
  it.each([
    ['one paragraph per line when there are no blank lines', 'First.\r\nSecond.\n', ['First.', 'Second.']],
    ['blank lines separate paragraphs and wrapped lines are joined', 'A long\nwrapped line.\n\n  \nNext one.', ['A long wrapped line.', 'Next one.']],
    ['Windows line ends', 'One.\r\n\r\nTwo.', ['One.', 'Two.']],
    ['runs of spaces and tabs become one space', 'Too \t many   spaces.', ['Too many spaces.']],
    ['nothing but whitespace', ' \n\t\n ', []],
  ])('%s', (_what, text, expected) => {
    expect(pastedParagraphs(text)).toEqual(expected);
  });
});

describe('clausesFromPastedText', () => {
  it.each([
    ['a numbered paragraph is operative and loses its number', '4. Prevent ICT-enabled theft.', { kind: 'operative', text: 'Prevent ICT-enabled theft.' }],
    ['"12)" numbering', '12) Promote norms.', { kind: 'operative', text: 'Promote norms.' }],
    ['"(3)" numbering', '(3) Strengthen capacity.', { kind: 'operative', text: 'Strengthen capacity.' }],
    ['a lettered paragraph', 'a. Support hygiene.', { kind: 'operative', text: 'Support hygiene.' }],
    ['a bullet', '• Support hygiene.', { kind: 'operative', text: 'Support hygiene.' }],
    ['a short line without closing punctuation is a heading', 'Principles', { kind: 'heading', text: 'Principles' }],
    ['a short sentence is not a heading', 'We agree.', { kind: 'preamble', text: 'We agree.' }],
    ['a long unpunctuated line is not a heading', 'Recalling the shared responsibility of a wide variety of actors in their respective roles', { kind: 'preamble', text: 'Recalling the shared responsibility of a wide variety of actors in their respective roles' }],
    ['a year is not a number', '2018 was the year of the Call.', { kind: 'preamble', text: '2018 was the year of the Call.' }],
  ])('%s', (_what, text, expected) => {
    expect(clausesFromPastedText(text)).toEqual([expected]);
  });

  it('reads the Paris Call, pasted as a drafter would, as its headings, preamble and nine numbered principles', () => {
    let n = 0;
    const pasted = parisCall.map((c) => (c.kind === 'operative' ? `${++n}. ${c.text}` : c.text)).join('\n\n');
    expect(clausesFromPastedText(pasted)).toEqual(parisCall.map(({ kind, text }) => ({ kind, text })));
  });

  it('drops a number with nothing after it', () => {
    expect(clausesFromPastedText('1.\n\n2. Text.')).toEqual([{ kind: 'operative', text: 'Text.' }]);
  });

  it('never yields an empty clause, and every clause text is trimmed with single spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\n', '\t', '.', '1', ')', '(', '•', '\r') }), (text) => {
        for (const clause of clausesFromPastedText(text)) {
          expect(clause.text).not.toBe('');
          expect(clause.text).toBe(clause.text.trim());
          expect(clause.text).not.toMatch(/\s\s|[\n\t\r]/);
        }
      }),
    );
  });
});

describe('pasted paragraphs in Chinese and Arabic (decision 0047)', () => {
  it.each([
    ['原则', 'heading'],
    ['各国应加强网络安全领域的国际合作。', 'preamble'],
    ['各国、企业和民间社会应在预防恶意网络活动、保护关键基础设施和促进负责任国家行为方面加强合作并定期交流信息', 'preamble'],
    ['المبادئ', 'heading'],
    ['إذ تؤكد أهمية التعاون الدولي،', 'preamble'],
    ['هل يشمل ذلك القطاع الخاص؟', 'preamble'],
  ])('%j is read as a %s', (text, kind) => {
    expect(clauseFromParagraph(text)).toEqual({ kind, text });
  });
});
