/** The typefaces a printed page uses (DejaVu Serif for the text, DejaVu Sans for what Parley adds around it). */
export type Face = 'serif' | 'serifBold' | 'serifItalic' | 'sans' | 'sansBold';

/** A run of text in one face; `\n` in it ends the line. */
export interface Span {
  text: string;
  face?: Face;
}

/** A printed line: its runs in order (consecutive runs of a face merged), and its width. */
export interface Line {
  runs: { text: string; face: Face }[];
  width: number;
}

type Measure = (face: Face, text: string) => number;

interface Word {
  parts: { text: string; face: Face }[];
  spaceBefore: boolean;
  breakBefore: boolean;
  /** A piece of a word already cut to the line: never cut again (see breakLines). */
  cut?: boolean;
}

/** Where a line may break: ordinary spaces, tabs and newlines (a no-break space, as French puts before ":", holds). */
const BREAKABLE = /([ \t\r\n]+)/u;

const IDEOGRAPH = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\u{20000}-\u{3134f}]/u;
/** Chinese punctuation that never starts a line, and that never ends one. */
const NO_BREAK_BEFORE = /[，。、；：？！”’）》」』】〕〉…·—]/u;
const NO_BREAK_AFTER = /[“‘（《「『【〔〈]/u;

/**
 * A chunk without spaces cut where Chinese may break a line: between two characters when one of them
 * is an ideograph, except before closing and after opening punctuation ("文，" and "《文" hold).
 */
export function ideographPieces(chunk: string): string[] {
  const chars = [...chunk];
  const pieces: string[] = [];
  let piece = '';
  chars.forEach((ch, i) => {
    const before = chars[i - 1];
    const breakable = i > 0 && (IDEOGRAPH.test(ch) || IDEOGRAPH.test(before)) && !NO_BREAK_BEFORE.test(ch) && !NO_BREAK_AFTER.test(before);
    if (breakable && piece) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  });
  if (piece) pieces.push(piece);
  return pieces;
}

/** Words as the line breaker sees them (Chinese: each ideograph): a word may change face inside ("[passage]" with bold brackets) and never breaks there. */
function wordsOf(spans: readonly Span[], face: Face): Word[] {
  const words: Word[] = [];
  let space = false;
  let hardBreak = false;
  let current: Word | null = null;
  for (const s of spans) {
    for (const chunk of s.text.split(BREAKABLE)) {
      if (chunk === '') continue;
      if (BREAKABLE.test(chunk) && chunk.trim() === '') {
        space = true;
        if (chunk.includes('\n')) hardBreak = true;
        current = null;
        continue;
      }
      // Chinese has no spaces: each ideograph may start a line (a new word with no space before it).
      for (const [i, piece] of ideographPieces(chunk).entries()) {
        if (!current || i > 0) {
          current = { parts: [], spaceBefore: i === 0 && space, breakBefore: i === 0 && hardBreak };
          words.push(current);
          space = false;
          hardBreak = false;
        }
        current.parts.push({ text: piece, face: s.face ?? face });
      }
    }
  }
  return words;
}

/** A word too long for a line, cut into pieces that fit (by characters). */
function cutWord(w: Word, width: number, measure: Measure): Word[] {
  const pieces: Word[] = [];
  let piece: Word = { parts: [], spaceBefore: w.spaceBefore, breakBefore: w.breakBefore };
  let used = 0;
  for (const part of w.parts)
    for (const ch of part.text) {
      const cw = measure(part.face, ch);
      if (used + cw > width && used > 0) {
        pieces.push(piece);
        piece = { parts: [], spaceBefore: false, breakBefore: false };
        used = 0;
      }
      const last = piece.parts.at(-1);
      if (last && last.face === part.face) last.text += ch;
      else piece.parts.push({ text: ch, face: part.face });
      used += cw;
    }
  pieces.push(piece);
  return pieces;
}

/**
 * Greedy line breaking with the font's own metrics, so Parley knows every printed line (and can
 * number it). Spaces collapse to one, `\n` forces a new line, a word longer than the line is cut.
 */
export function breakLines(spans: readonly Span[], width: number, face: Face, measure: Measure): Line[] {
  const lines: Line[] = [];
  let line: Line = { runs: [], width: 0 };
  const push = (text: string, f: Face, w: number) => {
    const last = line.runs.at(-1);
    if (last && last.face === f) last.text += text;
    else line.runs.push({ text, face: f });
    line.width += w;
  };
  const widthOf = (w: Word) => w.parts.reduce((sum, p) => sum + measure(p.face, p.text), 0);
  const queue = wordsOf(spans, face);
  for (let i = 0; i < queue.length; i++) {
    const w = queue[i];
    const ww = widthOf(w);
    if (w.breakBefore && line.runs.length) {
      lines.push(line);
      line = { runs: [], width: 0 };
    }
    const space = line.runs.length && w.spaceBefore ? measure(w.parts[0].face, ' ') : 0;
    if (line.width + space + ww <= width) {
      if (space) push(' ', w.parts[0].face, space);
      for (const p of w.parts) push(p.text, p.face, measure(p.face, p.text));
      continue;
    }
    if (line.runs.length) {
      lines.push(line);
      line = { runs: [], width: 0 };
    }
    // A word is cut once. Its pieces are cut by the sum of their characters' widths, and a piece
    // measured whole can still be a little wider (kerning: DejaVu's "BO" is wider than "B" + "O"):
    // cutting it again would give the same piece back forever. Such a piece overflows by a hair; a
    // single character wider than the line (a tiny column) stays whole for the same reason.
    if (ww > width && !w.cut && [...w.parts.map((p) => p.text).join('')].length > 1) {
      queue.splice(i + 1, 0, ...cutWord(w, width, measure).map((p) => ({ ...p, spaceBefore: false, breakBefore: false, cut: true })));
      continue;
    }
    for (const p of w.parts) push(p.text, p.face, measure(p.face, p.text));
  }
  if (line.runs.length || lines.length === 0) lines.push(line);
  return lines;
}
