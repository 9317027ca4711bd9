import type { Face } from './line-breaking';

/**
 * The scripts Parley prints with a font of their own: DejaVu draws Latin, Greek and Cyrillic; Arabic
 * and Chinese (with Japanese kana, which Chinese texts quote) need Noto Sans Arabic and Noto Sans SC.
 */
export type Script = 'base' | 'arabic' | 'cjk';

/** A font pdfkit knows by name: a DejaVu face, or an Arabic or Chinese one in regular or bold. */
export type FontName = Face | 'arabic' | 'arabicBold' | 'cjk' | 'cjkBold';

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u;
const CJK = /[\u2e80-\u2fdf\u3000-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\u{20000}-\u{3134f}]/u;
/** Characters of no script of their own (spaces, digits, punctuation): they take their neighbours' font. */
const NEUTRAL = /[\s\p{P}\p{S}\p{N}\p{Zs}]/u;

export const scriptOf = (ch: string): Script | null => (ARABIC.test(ch) ? 'arabic' : CJK.test(ch) ? 'cjk' : NEUTRAL.test(ch) ? null : 'base');

export const hasRtl = (text: string): boolean => /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u.test(text);

/** The font that prints `script` in the style of `face` (bold stays bold; Noto has no italic: upright). */
export function fontFor(face: Face, script: Script): FontName {
  if (script === 'base') return face;
  const bold = face === 'serifBold' || face === 'sansBold';
  return script === 'arabic' ? (bold ? 'arabicBold' : 'arabic') : bold ? 'cjkBold' : 'cjk';
}

/**
 * A text cut where its script changes, each piece with its script. Neutral characters go with the
 * script before them (with the one after them at the start), so "النص (١)" stays one Arabic piece.
 */
export function scriptRuns(text: string): { text: string; script: Script }[] {
  const runs: { text: string; script: Script | null }[] = [];
  for (const ch of text) {
    const s = scriptOf(ch);
    const last = runs.at(-1);
    if (last && (s === null || last.script === s || last.script === null)) {
      last.text += ch;
      if (last.script === null) last.script = s;
    } else runs.push({ text: ch, script: s });
  }
  return runs.map((r) => ({ text: r.text, script: r.script ?? 'base' }));
}
