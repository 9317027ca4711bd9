import { validationProblem } from './problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DECIMAL = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;
/** The largest finite value of PostgreSQL's `real` (float4). */
const REAL_MAX = 3.4e38;

/** The kinds of value a keyset position is made of, each with the check a decoded cursor must pass. */
const PART_CHECKS = {
  text: (v: unknown) => typeof v === 'string',
  uuid: (v: unknown) => typeof v === 'string' && UUID.test(v),
  /** As the API writes instants (toISOString), so PostgreSQL reads every one a cursor can hold. */
  instant: (v: unknown) => typeof v === 'string' && ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v,
  /** A `real` as PostgreSQL writes it in text (a rank): finite and within its range. */
  real: (v: unknown) => typeof v === 'string' && DECIMAL.test(v) && Math.abs(Number(v)) <= REAL_MAX,
  sequence: (v: unknown) => Number.isSafeInteger(v),
} as const;
type PartKind = keyof typeof PART_CHECKS;
type CursorShape = Record<string, PartKind>;

/** A position in a list's reading order: strings, except the sequence numbers. */
export type CursorPosition<S extends CursorShape> = { [K in keyof S]: S[K] extends 'sequence' ? number : string };

export interface CursorCodec<S extends CursorShape> {
  encode(position: CursorPosition<S>): string;
  /** The position a cursor stands for; null without one; a 400 problem naming `cursor` when it is not one this list gave. */
  decode(cursor: string | undefined): CursorPosition<S> | null;
  /** A page of rows read with one extra (`limit + 1`, to know whether more follow) and the cursor to the rest. */
  page<R>(rows: readonly R[], limit: number, positionOf: (last: R) => CursorPosition<S>): { items: R[]; nextCursor: string | null };
}

function tupleOf(cursor: string): unknown[] | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * The one cursor codec of every paginated list: an opaque base64url of the position's JSON tuple,
 * in the order of `shape`'s keys (`cursorCodec({ name: 'text', id: 'uuid' })` writes `["Acme","…"]`).
 * A cursor that does not decode to that tuple is refused, never read as the first page (a client
 * would loop). An edited cursor that still decodes is only another place in a public order.
 */
export function cursorCodec<const S extends CursorShape>(shape: S): CursorCodec<S> {
  const keys = Object.keys(shape) as (keyof S & string)[];
  const encode = (position: CursorPosition<S>) => Buffer.from(JSON.stringify(keys.map((k) => position[k]))).toString('base64url');
  return {
    encode,
    decode(cursor) {
      if (!cursor) return null;
      const parts = tupleOf(cursor);
      if (!parts || parts.length !== keys.length || !keys.every((k, i) => PART_CHECKS[shape[k]](parts[i])))
        throw validationProblem('cursor', 'not-a-cursor');
      return Object.fromEntries(keys.map((k, i) => [k, parts[i]])) as CursorPosition<S>;
    },
    page(rows, limit, positionOf) {
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last !== undefined ? encode(positionOf(last)) : null };
    },
  };
}
