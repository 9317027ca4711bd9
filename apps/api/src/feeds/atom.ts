/**
 * A small Atom 1.0 (RFC 4287) writer: one feed, its entries newest first. Every text and attribute
 * is escaped, and characters XML 1.0 forbids are dropped, so any title a person typed gives a
 * well-formed document.
 */
export interface AtomEntry {
  /** A stable IRI: the same act always has the same id. */
  id: string;
  updated: Date;
  title: string;
  /** Absolute link to the page of the act. */
  link: string;
  author: string;
  /** Plain text, optional. */
  summary?: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  /** The web page the feed describes. */
  link: string;
  /** The feed's own address. */
  self: string;
  lang: string;
  /** Used when there is no entry (RFC 4287 requires `updated`). */
  updated: Date;
  entries: AtomEntry[];
}

// XML 1.0 allows tab, newline, carriage return and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe inside an XML element or a double-quoted attribute. */
export const xmlEscape = (s: string): string => s.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

const el = (name: string, text: string, attrs = ''): string => `<${name}${attrs}>${xmlEscape(text)}</${name}>`;
const link = (href: string, rel: string, type?: string): string => `<link rel="${rel}" href="${xmlEscape(href)}"${type ? ` type="${type}"` : ''}/>`;

export function renderAtom(feed: AtomFeed): string {
  const updated = feed.entries.reduce((max, e) => (e.updated > max ? e.updated : max), feed.entries[0]?.updated ?? feed.updated);
  const entries = feed.entries.map((e) =>
    [
      '  <entry>',
      `    ${el('id', e.id)}`,
      `    ${el('title', e.title, ' type="text"')}`,
      `    ${el('updated', e.updated.toISOString())}`,
      `    ${link(e.link, 'alternate', 'text/html')}`,
      `    <author>${el('name', e.author)}</author>`,
      ...(e.summary ? [`    ${el('summary', e.summary, ' type="text"')}`] : []),
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(feed.lang)}">`,
    `  ${el('id', feed.id)}`,
    `  ${el('title', feed.title, ' type="text"')}`,
    ...(feed.subtitle ? [`  ${el('subtitle', feed.subtitle, ' type="text"')}`] : []),
    `  ${el('updated', updated.toISOString())}`,
    `  ${link(feed.link, 'alternate', 'text/html')}`,
    `  ${link(feed.self, 'self', 'application/atom+xml')}`,
    `  ${el('generator', 'Parley')}`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
