import type { TFunction } from 'i18next';
import { Fragment, type ReactNode } from 'react';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

/**
 * A translated sentence whose user-written values (a person's name, an organisation's name, a title)
 * are each isolated in a `<bdi>`: "Ambassador at Ministry for Europe" keeps its Latin words and
 * numbers in their own direction inside an Arabic sentence, and an Arabic name does not reorder an
 * English one (decision 0046). `isolate` names the values to isolate; the others are interpolated as usual.
 */
export function isolatedSentence(t: TFunction, key: string, values: Record<string, unknown>, isolate: readonly string[]): ReactNode {
  const marked: Record<string, unknown> = { ...values };
  const originals: string[] = [];
  for (const name of isolate) {
    originals.push(String(values[name] ?? ''));
    marked[name] = `${OPEN}${originals.length - 1}${CLOSE}`;
  }
  const sentence = String((t as unknown as (k: string, o: Record<string, unknown>) => string)(key, marked));
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of sentence.matchAll(MARK)) {
    if (m.index > last) parts.push(sentence.slice(last, m.index));
    parts.push(<bdi key={parts.length}>{originals[Number(m[1])]}</bdi>);
    last = m.index + m[0].length;
  }
  if (last < sentence.length) parts.push(sentence.slice(last));
  return <Fragment>{parts}</Fragment>;
}
