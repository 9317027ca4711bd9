import { cursorCodec } from '../../apps/api/src/platform/http/cursor';
import { ProblemException } from '../../apps/api/src/platform/http/problem';

const codec = cursorCodec({ at: 'instant', scope: 'text', sequence: 'sequence', id: 'uuid' });
const position = { at: '2026-03-01T10:00:00.000Z', scope: 'wg:1', sequence: 42, id: '0b5f4a2e-3c1d-4e8f-9a6b-7c2d1e0f3a4b' };
const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The problem a decode throws, or null when it reads the cursor. */
function refusal(cursor: string): unknown {
  try {
    codec.decode(cursor);
    return null;
  } catch (e) {
    return e instanceof ProblemException ? e.problem : e;
  }
}

describe('the cursor codec of every paginated list', () => {
  it('reads back the position it wrote, as an opaque base64url of the tuple', () => {
    const cursor = codec.encode(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).toBe(encoded(['2026-03-01T10:00:00.000Z', 'wg:1', 42, '0b5f4a2e-3c1d-4e8f-9a6b-7c2d1e0f3a4b']));
    expect(codec.decode(cursor)).toEqual(position);
  });

  it('reads no cursor (absent or empty) as the first page', () => {
    expect(codec.decode(undefined)).toBeNull();
    expect(codec.decode('')).toBeNull();
  });

  it.each([
    ['not base64 JSON', 'garbage'],
    ['JSON that is not a tuple', encoded({ at: position.at, scope: 'wg:1', sequence: 42, id: position.id })],
    ['a tuple too short', encoded([position.at, 'wg:1', 42])],
    ['a tuple too long', encoded([position.at, 'wg:1', 42, position.id, 'x'])],
    ['a time that is not one', encoded(['yesterday', 'wg:1', 42, position.id])],
    ['a time in another format than the API writes', encoded(['Sun, 01 Mar 2026 10:00:00 GMT', 'wg:1', 42, position.id])],
    ['a time past what PostgreSQL holds', encoded(['+294277-01-01T00:00:00.000Z', 'wg:1', 42, position.id])],
    ['a sequence that is not an integer', encoded([position.at, 'wg:1', '42', position.id])],
    ['an id that is not a uuid', encoded([position.at, 'wg:1', 42, "1' OR '1'='1"])],
    ['text that is not a string', encoded([position.at, null, 42, position.id])],
  ])('refuses %s with a 400 problem naming `cursor`', (_, cursor) => {
    expect(refusal(cursor)).toEqual(
      expect.objectContaining({ status: 400, type: '/problems/validation-failed', errors: [expect.objectContaining({ field: 'cursor' })] }),
    );
  });

  it('reads a rank as PostgreSQL writes a real, and refuses one it could not hold', () => {
    const ranked = cursorCodec({ rank: 'real', id: 'sequence' });
    expect(ranked.decode(encoded(['0.0607927', 7]))).toEqual({ rank: '0.0607927', id: 7 });
    expect(ranked.decode(encoded(['1e-05', 7]))).toEqual({ rank: '1e-05', id: 7 });
    for (const rank of ['1e39', 'abc', 'NaN', 'Infinity', '', 0.5])
      expect(() => ranked.decode(encoded([rank, 7]))).toThrow(ProblemException);
  });

  it('pages rows read with one extra: the first `limit`, and a cursor to the rest only when more follow', () => {
    const rows = [1, 2, 3].map((sequence) => ({ ...position, sequence }));
    const more = codec.page(rows, 2, (last) => last);
    expect(more.items.map((r) => r.sequence)).toEqual([1, 2]);
    expect(codec.decode(more.nextCursor!)).toEqual({ ...position, sequence: 2 });
    expect(codec.page(rows, 3, (last) => last)).toEqual({ items: rows, nextCursor: null });
    expect(codec.page([], 3, (last) => last)).toEqual({ items: [], nextCursor: null });
  });
});
