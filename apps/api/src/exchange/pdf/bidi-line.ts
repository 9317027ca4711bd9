import bidiFactory from 'bidi-js';
import type { Face } from './line-breaking';
import { fontFor, hasRtl, scriptRuns, type FontName } from './script-runs';

const bidi = bidiFactory();

/** A piece of a printed line as pdfkit draws it: one font, its characters in the order to hand to pdfkit. */
export interface VisualPiece {
  text: string;
  font: FontName;
}

const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u;
const mirrored = (ch: string): string => bidi.getMirroredCharacter(ch) ?? ch;

/** A line's runs cut by font, in reading (logical) order: what a line without right-to-left text prints as it is. */
export function fontPieces(runs: readonly { text: string; face: Face }[]): VisualPiece[] {
  return runs.flatMap((r) => scriptRuns(r.text).map((p) => ({ text: p.text, font: fontFor(r.face, p.script) })));
}

/**
 * A line's runs in the order they are drawn from left to right (the Unicode bidirectional algorithm,
 * bidi-js): in a right-to-left paragraph the words run from the right, numbers and Latin names inside
 * it keep their own direction. An Arabic piece is handed to pdfkit in reading order with its brackets
 * mirrored (fontkit shapes it and lays its glyphs right to left); any other right-to-left piece
 * (punctuation and spaces between Arabic words) is reversed and mirrored here.
 */
export function visualPieces(runs: readonly { text: string; face: Face }[], direction: 'ltr' | 'rtl'): VisualPiece[] {
  const logical = fontPieces(runs);
  const text = logical.map((p) => p.text).join('');
  if (direction === 'ltr' && !hasRtl(text)) return logical;
  const { levels } = bidi.getEmbeddingLevels(text, direction);
  // Cut each font piece where the level changes.
  const pieces: { text: string; font: FontName; level: number }[] = [];
  let at = 0;
  for (const p of logical) {
    for (const ch of p.text) {
      const level = levels[at];
      at += ch.length;
      const last = pieces.at(-1);
      if (last && last.font === p.font && last.level === level) last.text += ch;
      else pieces.push({ text: ch, font: p.font, level });
    }
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every run of pieces at that level or above.
  const max = Math.max(...pieces.map((p) => p.level));
  const lowestOdd = Math.min(...pieces.map((p) => p.level).filter((l) => l % 2 === 1), max + 1);
  for (let level = max; level >= lowestOdd; level--) {
    for (let i = 0; i < pieces.length;) {
      if (pieces[i].level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < pieces.length && pieces[j].level >= level) j++;
      pieces.splice(i, j - i, ...pieces.slice(i, j).reverse());
      i = j;
    }
  }
  return pieces.map((p) => {
    if (p.level % 2 === 0) return { text: p.text, font: p.font };
    const chars = [...p.text].map(mirrored);
    return { text: ARABIC_LETTER.test(p.text) ? chars.join('') : chars.reverse().join(''), font: p.font };
  });
}
