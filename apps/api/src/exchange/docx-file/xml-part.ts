import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { fileRefused } from './file-refusals';

/** WordprocessingML's namespaces: transitional (what Word writes) and strict. */
const W_NAMESPACES = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);

/** A DTD is refused outright: entities are how XML files expand (billion laughs) or reach outside (XXE). */
const DTD = /<!(DOCTYPE|ENTITY)/i;

function decoded(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Parses one part of the file; any damage, and any DTD, refuses the file naming the part. */
export function parseXmlPart(name: string, bytes: Uint8Array): Document {
  const unreadable = () => fileRefused('docx-unreadable', { part: name });
  let source: string;
  try {
    source = decoded(bytes);
  } catch {
    throw unreadable();
  }
  if (DTD.test(source)) throw unreadable();
  try {
    const parser = new DOMParser({
      locator: false,
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    });
    const doc = parser.parseFromString(source, 'text/xml');
    if (!doc.documentElement) throw new Error('no root');
    return doc;
  } catch {
    throw unreadable();
  }
}

/** The element's WordprocessingML name (`p` for w:p), or null for anything else. */
export const wName = (node: { nodeType: number; namespaceURI?: string | null; localName?: string | null }): string | null =>
  node.nodeType === 1 && node.namespaceURI && W_NAMESPACES.has(node.namespaceURI) ? node.localName ?? null : null;

/** The element's child elements. */
export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** The first WordprocessingML child of that name. */
export const wChild = (el: Element, name: string): Element | undefined => childElements(el).find((c) => wName(c) === name);

/** A WordprocessingML attribute (`w:val`), whichever prefix the file uses for the namespace. */
export function wAttr(el: Element | undefined, name: string): string | null {
  if (!el) return null;
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a && a.localName === name && a.namespaceURI && W_NAMESPACES.has(a.namespaceURI)) return a.value;
  }
  return null;
}

/** `w:val` of the child of that name. */
export const wChildVal = (el: Element | undefined, name: string): string | null => (el ? wAttr(wChild(el, name), 'val') : null);
