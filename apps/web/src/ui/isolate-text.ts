import { directionOf } from '@parley/contracts';

const FSI = '\u2068'; // FIRST STRONG ISOLATE
const PDI = '\u2069'; // POP DIRECTIONAL ISOLATE

/**
 * For sentences that are plain strings (audit sentences, page titles): a user-written value wrapped
 * in Unicode isolates (FSI … PDI, the text form of `<bdi>`) when the interface reads right to left,
 * so "Emily Chen (Center for Democracy and Technology, …)" keeps its order inside an Arabic
 * sentence. Left-to-right interfaces get the value as is (decision 0046).
 */
export function isolatedIn(lng: string): (value: string) => string {
  return directionOf(lng) === 'rtl' ? (value) => `${FSI}${value}${PDI}` : (value) => value;
}
