import fc from 'fast-check';
import { parisCall } from './paris-call.fixture';
import { countWords, tokenize, wordSegmenter } from './word-segments';
import { renderPlainDiff, textAfter, textBefore, wordDiff, wordDiffStats } from './word-diff';

/** The tokenizer Parley had before Intl.Segmenter (decision 0047): Latin-script texts must still split exactly like this. */
const FORMER = /[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*|\s+|[^]/gu;
const former = (text: string) => Array.from(text.matchAll(FORMER), ([t]) => t);

const zhBefore = '各国应加强网络安全领域的国际合作。';
const arBefore = 'يجب على الدول تعزيز التعاون الدولي في مجال الأمن السيبراني.';

describe('tokenize with Intl.Segmenter', () => {
  it('splits Chinese, written without spaces, into words', () => {
    expect(tokenize(zhBefore, 'zh').map((t) => t.text)).toEqual(['各国', '应', '加强', '网络', '安全', '领域', '的', '国际', '合作', '。']);
    expect(tokenize(zhBefore, 'zh').map((t) => t.kind).slice(-2)).toEqual(['word', 'punctuation']);
  });

  it('keeps an Arabic word whole with its clitics and its vowel marks, and the Arabic comma apart', () => {
    expect(tokenize('وعلى الدولِ الأعضاءِ، أن تعزّز', 'ar').map((t) => t.text)).toEqual(['وعلى', ' ', 'الدولِ', ' ', 'الأعضاءِ', '،', ' ', 'أن', ' ', 'تعزّز']);
  });

  it('keeps English and French tokens as they were: hyphenated words whole, numbers and abbreviations split at their dots', () => {
    for (const text of ['non-State actors, e.g. ICT-enabled theft (article 3.2)', "l'Internet et l’État — «ouvert»", 'a_b  \n\n c'])
      expect(tokenize(text, 'fr').map((t) => t.text)).toEqual(former(text));
    for (const clause of parisCall) expect(tokenize(clause.text).map((t) => t.text)).toEqual(former(clause.text));
  });

  it('tokenises Latin-script text exactly as the former tokenizer did (property)', () => {
    const char = fc.constantFrom(...'abcXYZ019 .,;:-‐\'’"()\n\t_éàçß«»!?/…—–'.split(''), 'e\u0301', 'Ω', 'ж');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }).map((a) => a.join('')), fc.constantFrom('en', 'fr', 'es', 'ru'), (text, locale) => {
        expect(tokenize(text, locale).map((t) => t.text)).toEqual(former(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every character: the tokens of any text rebuild it exactly (property, all scripts)', () => {
    const scripts = fc.constantFrom('网络安全的国际合作', 'التعاونَ الدوليَّ، ', 'безопасность ', 'ภาษาไทย', 'non-State ', '3.2', '。，', '\u200d', '👩‍⚖️', '\r\n', ' ', 'ـ', '\u0301');
    fc.assert(
      fc.property(fc.array(fc.oneof(scripts, fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), { maxLength: 8 }).map((a) => a.join('')), fc.constantFrom('zh', 'ar', 'en', 'fr', 'ru', 'es'), (text, locale) => {
        const tokens = tokenize(text, locale);
        expect(tokens.map((t) => t.text).join('')).toBe(text);
        expect(tokens.every((t) => t.text.length > 0)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('builds one segmenter per locale', () => {
    expect(wordSegmenter('zh')).toBe(wordSegmenter('zh'));
    expect(wordSegmenter('zh')).not.toBe(wordSegmenter('ar'));
  });
});

describe('word diffs by script', () => {
  it('marks exactly the words a Chinese amendment inserts', () => {
    const after = '各国应加强网络安全和数据保护领域的国际合作。';
    const parts = wordDiff(zhBefore, after, 'zh');
    expect(renderPlainDiff(parts)).toBe('各国应加强网络安全{+和数据保护+}领域的国际合作。');
    expect(wordDiffStats(parts, 'zh')).toEqual({ inserted: 3, deleted: 0 });
    expect(textBefore(parts)).toBe(zhBefore);
    expect(textAfter(parts)).toBe(after);
  });

  it('marks exactly the word a Chinese amendment replaces, not the whole sentence', () => {
    expect(renderPlainDiff(wordDiff(zhBefore, '各国应促进网络安全领域的国际合作。', 'zh'))).toBe('各国应[-加强-]{+促进+}网络安全领域的国际合作。');
  });

  it('marks an inserted Arabic word with its clitic, and a replaced word with its marks, whole', () => {
    expect(renderPlainDiff(wordDiff(arBefore, arBefore.replace('الدولي ', 'الدولي والإقليمي '), 'ar'))).toBe(
      'يجب على الدول تعزيز التعاون الدولي {+والإقليمي +}في مجال الأمن السيبراني.',
    );
    expect(renderPlainDiff(wordDiff('وعلى الدولِ أن تعزّز التعاونَ الدوليَّ.', 'وعلى الدولِ أن تعزّز التعاونَ الإقليميَّ.', 'ar'))).toBe(
      'وعلى الدولِ أن تعزّز التعاونَ [-الدوليَّ-]{+الإقليميَّ+}.',
    );
  });

  it('counts words in Chinese, Arabic and English the same way', () => {
    expect(countWords(zhBefore, 'zh')).toBe(9);
    expect(countWords(arBefore, 'ar')).toBe(10);
    expect(countWords('Support efforts to strengthen an advanced cyber hygiene for all actors.', 'en')).toBe(11);
  });
});
