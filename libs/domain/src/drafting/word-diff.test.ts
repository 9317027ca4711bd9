import fc from 'fast-check';
import { clause, parisCall } from './paris-call.fixture';
import {
  countWords,
  diffTokens,
  renderPlainDiff,
  textAfter,
  textBefore,
  tokenize,
  wordDiff,
  wordDiffStats,
  isUnchanged,
} from './word-diff';

const hygiene = clause('c13').text; // "Support efforts to strengthen an advanced cyber hygiene for all actors."
const publicCore = clause('c08').text;
const lifecycle = clause('c12').text;
const hackBack = clause('c14').text;

describe('tokenize', () => {
  it.each([
    ['ICT-enabled theft', ['ICT-enabled', ' ', 'theft']],
    ['non-State actors, including', ['non-State', ' ', 'actors', ',', ' ', 'including']],
    ['  the Internet.', ['  ', 'the', ' ', 'Internet', '.']],
    ["States' rights", ['States', "'", ' ', 'rights']], // a trailing apostrophe is punctuation
    ['the Call’s principles', ['the', ' ', 'Call’s', ' ', 'principles']],
    ['line\nbreak', ['line', '\n', 'break']],
    ['', []],
  ])('%j', (text, expected) => {
    expect(tokenize(text).map((t) => t.text)).toEqual(expected);
  });

  it('classifies words, punctuation and whitespace', () => {
    expect(tokenize('cyber hygiene.').map((t) => t.kind)).toEqual(['word', 'space', 'word', 'punctuation']);
  });

  it.each([
    [hygiene, 11],
    [clause('c10').text, 26], // "Prevent ICT-enabled theft of intellectual property, ..."
    [clause('c06').text, 1],
    ['', 0],
    ['—,. ', 0],
  ])('counts words in %j', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe('wordDiff', () => {
  it.each([
    ['identical text', hygiene, hygiene, hygiene],
    [
      'an inserted word',
      lifecycle,
      lifecycle.replace('their lifecycle', 'their entire lifecycle'),
      'Strengthen the security of digital processes, products and services, throughout their {+entire +}lifecycle and supply chain.',
    ],
    [
      'replaced words',
      hygiene,
      hygiene.replace('an advanced', 'a basic'),
      'Support efforts to strengthen [-an advanced-]{+a basic+} cyber hygiene for all actors.',
    ],
    [
      'deleted words',
      publicCore,
      publicCore.replace('intentionally and substantially ', ''),
      'Prevent activity that [-intentionally and substantially -]damages the general availability or integrity of the public core of the Internet.',
    ],
    [
      'a deleted aside between commas',
      hackBack,
      hackBack.replace(', including the private sector,', ''),
      'Take steps to prevent non-State actors[-, including the private sector,-] from hacking-back, for their own purposes or those of other non-State actors.',
    ],
    [
      'words appended before the full stop',
      hygiene,
      hygiene.replace('actors.', 'actors, including small and medium-sized enterprises.'),
      'Support efforts to strengthen an advanced cyber hygiene for all actors{+, including small and medium-sized enterprises+}.',
    ],
    ['only whitespace', 'cyber  hygiene', 'cyber hygiene', 'cyber[-  -]{+ +}hygiene'],
    ['from nothing', '', hygiene, `{+${hygiene}+}`],
    ['to nothing', hygiene, '', `[-${hygiene}-]`],
  ])('%s', (_case, before, after, rendered) => {
    const parts = wordDiff(before, after);
    expect(renderPlainDiff(parts)).toBe(rendered);
    expect(textBefore(parts)).toBe(before);
    expect(textAfter(parts)).toBe(after);
  });

  it('merges consecutive tokens of one operation into parts', () => {
    expect(wordDiff('all actors.', 'all State actors.')).toEqual([
      { op: 'equal', text: 'all ' },
      { op: 'insert', text: 'State ' },
      { op: 'equal', text: 'actors.' },
    ]);
  });

  it.each([
    [hygiene, hygiene, true, { inserted: 0, deleted: 0 }],
    [hygiene, hygiene.replace('an advanced', 'a basic'), false, { inserted: 2, deleted: 2 }],
    [publicCore, publicCore.replace('intentionally and substantially ', ''), false, { inserted: 0, deleted: 3 }],
  ])('stats and isUnchanged', (before, after, unchanged, stats) => {
    const parts = wordDiff(before, after);
    expect(isUnchanged(parts)).toBe(unchanged);
    expect(wordDiffStats(parts)).toEqual(stats);
  });
});

const vocabulary = [...new Set(parisCall.flatMap((c) => tokenize(c.text).map((t) => t.text)))];
const sentence = fc.array(fc.constantFrom(...vocabulary, ' ', '  ', '\n', ', '), { maxLength: 40 }).map((t) => t.join(''));
const anyText = fc.oneof(sentence, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom(...parisCall.map((c) => c.text)));

describe('wordDiff properties', () => {
  it('equal + insert parts rebuild the new text; equal + delete parts rebuild the old', () => {
    fc.assert(
      fc.property(anyText, anyText, (before, after) => {
        const parts = wordDiff(before, after);
        expect(textBefore(parts)).toBe(before);
        expect(textAfter(parts)).toBe(after);
      }),
      { numRuns: 500 },
    );
  });

  it('its equal + delete tokens are exactly the old text tokens, and equal + insert the new ones', () => {
    fc.assert(
      fc.property(anyText, anyText, (before, after) => {
        const changes = diffTokens(before, after);
        expect(changes.filter((c) => c.op !== 'insert').map((c) => c.token)).toEqual(tokenize(before));
        expect(changes.filter((c) => c.op !== 'delete').map((c) => c.token)).toEqual(tokenize(after));
      }),
      { numRuns: 300 },
    );
  });

  it('a text diffed with itself is all equal', () => {
    fc.assert(fc.property(anyText, (text) => isUnchanged(wordDiff(text, text))));
  });
});

describe('diffTokens on long unrelated texts (a member cannot make every read of an amendment take minutes)', () => {
  // 20,000 Chinese characters are 20,000 words: an unbounded Myers diff of two such texts takes minutes.
  const ideographs = (seed: number, n: number) => {
    let x = seed;
    return Array.from({ length: n }, () => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return String.fromCodePoint(0x4e00 + (x % 0x5000));
    }).join('');
  };
  const rebuild = (changes: ReturnType<typeof diffTokens>, keep: 'delete' | 'insert') =>
    changes.filter((c) => c.op === 'equal' || c.op === keep).map((c) => c.token.text).join('');

  it('keeps the shared start and end, and reads the unrelated middle as deleted then inserted whole, exactly', () => {
    const before = `序言。${ideographs(1, 20_000)}结尾。`;
    const after = `序言。${ideographs(2, 20_000)}结尾。`;
    const changes = diffTokens(before, after, 'zh');
    expect(rebuild(changes, 'delete')).toBe(before);
    expect(rebuild(changes, 'insert')).toBe(after);
    const ops = changes.map((c) => c.op).filter((op, i, all) => i === 0 || all[i - 1] !== op);
    expect(ops).toEqual(['equal', 'delete', 'insert', 'equal']);
  });

  it('still finds the few words an ordinary amendment changes in a long text', () => {
    const long = ideographs(3, 5_000);
    const changes = diffTokens(`${long}安全。`, `${long}网络安全。`, 'zh');
    expect(changes.filter((c) => c.op === 'insert').map((c) => c.token.text).join('')).toBe('网络');
    expect(changes.some((c) => c.op === 'delete')).toBe(false);
  });
});
