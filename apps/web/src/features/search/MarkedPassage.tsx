import type { SearchPassage } from '@parley/contracts';
import type { ReactNode } from 'react';

/** A passage with its matched words in `<mark>`: built from text and ranges, never from HTML. */
export function MarkedPassage({ passage, lang }: { passage: SearchPassage; lang?: string }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of passage.marks) {
    if (start < at || end > passage.text.length) continue;
    if (start > at) parts.push(passage.text.slice(at, start));
    parts.push(<mark key={start}>{passage.text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < passage.text.length) parts.push(passage.text.slice(at));
  return (
    <span lang={lang} dir="auto" className="search-passage">
      {parts}
    </span>
  );
}
