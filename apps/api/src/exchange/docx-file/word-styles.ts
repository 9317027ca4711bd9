import type { Document, Element } from '@xmldom/xmldom';
import { childElements, wAttr, wChild, wChildVal, wName } from './xml-part';

/** What a paragraph takes from its style (and the styles it is based on). */
export interface ParagraphStyle {
  name: string | null;
  /** Numbered through the style: true, or false when the style turns numbering off (numId 0); null when it says nothing. */
  numbered: boolean | null;
  outlineLevel: number | null;
}

interface StyleEntry {
  name: string | null;
  basedOn: string | null;
  numbered: boolean | null;
  outlineLevel: number | null;
}

/** Word's outline level 9 is "body text": no level. */
export function outlineLevelOf(pPr: Element | undefined): number | null {
  const raw = wChildVal(pPr, 'outlineLvl');
  const level = raw === null ? NaN : Number(raw);
  return Number.isInteger(level) && level >= 0 && level < 9 ? level : null;
}

/** A w:numPr in these paragraph properties: true (numbered), false (numId 0: numbering turned off), null (none). */
export function numberingOf(pPr: Element | undefined): boolean | null {
  const numPr = pPr ? wChild(pPr, 'numPr') : undefined;
  if (!numPr) return null;
  const numId = wChildVal(numPr, 'numId');
  return numId !== '0';
}

/** The paragraph styles of word/styles.xml, each resolved through its `basedOn` chain. */
export function readParagraphStyles(doc: Document | null): Map<string, ParagraphStyle> {
  const entries = new Map<string, StyleEntry>();
  if (doc?.documentElement)
    for (const s of childElements(doc.documentElement)) {
      if (wName(s) !== 'style' || wAttr(s, 'type') !== 'paragraph') continue;
      const id = wAttr(s, 'styleId');
      if (!id) continue;
      const pPr = wChild(s, 'pPr');
      entries.set(id, { name: wChildVal(s, 'name'), basedOn: wChildVal(s, 'basedOn'), numbered: numberingOf(pPr), outlineLevel: outlineLevelOf(pPr) });
    }
  const resolved = new Map<string, ParagraphStyle>();
  for (const [id, entry] of entries) {
    let numbered = entry.numbered;
    let outlineLevel = entry.outlineLevel;
    const seen = new Set([id]);
    for (let parent = entry.basedOn; parent && !seen.has(parent) && (numbered === null || outlineLevel === null); ) {
      seen.add(parent);
      const p = entries.get(parent);
      if (!p) break;
      numbered ??= p.numbered;
      outlineLevel ??= p.outlineLevel;
      parent = p.basedOn;
    }
    resolved.set(id, { name: entry.name, numbered, outlineLevel });
  }
  return resolved;
}
