/**
 * The one tokenizer for word diffs, provenance and word counts: `Intl.Segmenter` word segments for
 * the text's locale (Chinese and Japanese split into words without spaces, Thai by dictionary,
 * Arabic words keep their clitics and marks), refined so that Latin-script texts keep the tokens
 * they always had. Every character of the text is in exactly one token, so texts rebuild exactly.
 */
export type TokenKind = 'word' | 'punctuation' | 'space';

/** A piece of text: a word, one punctuation mark (or symbol), or a run of whitespace. */
export interface TextToken {
  text: string;
  kind: TokenKind;
}

/** Locale used when a text's language is not known; ICU's word rules and CJK dictionaries apply to every locale. */
export const DEFAULT_SEGMENTATION_LOCALE = 'en';

const segmenters = new Map<string, Intl.Segmenter>();

/** One segmenter per locale: building one loads ICU break rules and dictionaries, which is costly. */
export function wordSegmenter(locale: string = DEFAULT_SEGMENTATION_LOCALE): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** Within a word-like segment: letters, marks and digits, and what is not ("3.2", "e.g", "a_b" split as before). */
const INSIDE_WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|[^]/gu;
const WORD_START = /^[\p{L}\p{M}\p{N}]/u;
/** The usual word-like segment: nothing but letters, marks and digits (the segmenter's "3.2" or "e.g" are not). */
const PLAIN_WORD = /^[\p{L}\p{M}\p{N}]+$/u;
const SPACE = /^\s+$/u;
/** Joins two words written without a space into one word: "non-State", "ICT-enabled" (apostrophes are joined by the segmenter). */
const JOINER = /^['’\-‐]$/u;

function kindOf(text: string): TokenKind {
  return WORD_START.test(text) ? 'word' : SPACE.test(text) ? 'space' : 'punctuation';
}

/**
 * Splits a text into tokens whose concatenation is exactly the text. Words come from
 * `Intl.Segmenter(locale, { granularity: 'word' })`; a word-like segment is split where it holds
 * something other than letters, marks, digits and inner apostrophes; words joined by a hyphen or an
 * apostrophe are one word ("non-State"); consecutive whitespace is one token.
 */
export function tokenize(text: string, locale?: string): TextToken[] {
  const tokens: TextToken[] = [];
  const push = (piece: string, kind: TokenKind): void => {
    const last = tokens[tokens.length - 1];
    if (kind === 'space' && last?.kind === 'space') {
      last.text += piece;
    } else if (kind === 'word' && last?.kind === 'punctuation' && JOINER.test(last.text) && tokens[tokens.length - 2]?.kind === 'word') {
      tokens.pop();
      tokens[tokens.length - 1].text += last.text + piece;
    } else {
      tokens.push({ text: piece, kind });
    }
  };
  for (const { segment, isWordLike } of wordSegmenter(locale).segment(text)) {
    if (isWordLike) {
      if (PLAIN_WORD.test(segment)) push(segment, 'word');
      else for (const [piece] of segment.matchAll(INSIDE_WORD)) push(piece, kindOf(piece));
    } else if (segment === ' ' || SPACE.test(segment)) push(segment, 'space');
    else if (segment.length === 1) push(segment, kindOf(segment));
    else for (const piece of splitNonWord(segment)) push(piece, kindOf(piece));
  }
  return tokens;
}

/** A non-word segment that is not whitespace: one token per character, except marks and joiners that belong to it. */
function splitNonWord(segment: string): string[] {
  return Array.from(segment.matchAll(/\s+|[^\s](?:\p{M}|\u200d|\ufe0f)*/gu), ([piece]) => piece);
}

/** Number of words in a text (punctuation and whitespace do not count), segmented as `tokenize` does. */
export function countWords(text: string, locale?: string): number {
  let words = 0;
  for (const token of tokenize(text, locale)) if (token.kind === 'word') words++;
  return words;
}
