import { z } from 'zod';
import { countryCode, isoDate } from '../common';
import { lineText } from '../text';
import { REFUSAL_CODES, REFUSALS, refusal } from './catalogue';
import { fieldErrorsOf } from './field-errors';
import { problemSchema } from './problem';

const codesOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.flatMap(fieldErrorsOf).map(({ field, code, params }) => ({ field, code, params }));
};

describe('the refusal catalogue', () => {
  it('names every refusal in kebab-case, with an HTTP status and a problem type', () => {
    for (const code of REFUSAL_CODES) {
      expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect([400, 401, 403, 404, 409, 413, 415, 429, 500, 503]).toContain(REFUSALS[code].status);
      expect(REFUSALS[code].type).toMatch(/^\/problems\//);
    }
  });

  it('makes a refusal with the status the catalogue gives its code', () => {
    expect(refusal('not-proposed', { status: 'accepted', act: 'withdraw' })).toEqual({ code: 'not-proposed', params: { status: 'accepted', act: 'withdraw' }, status: 409 });
    expect(refusal('needs-affiliation')).toEqual({ code: 'needs-affiliation', params: {}, status: 403 });
  });

  it('describes a problem+json body, code included', () => {
    const body = { type: '/problems/conflict', title: 'Conflict', status: 409, detail: 'x', code: 'email-taken', params: {}, errors: [{ field: 'email', code: 'email-taken', params: {}, message: 'x' }] };
    expect(problemSchema.safeParse(body).success).toBe(true);
    expect(problemSchema.safeParse({ ...body, code: 'no-such-code' }).success).toBe(false);
  });
});

describe('field errors: zod issues and Parley’s rules as codes', () => {
  it.each<[string, z.ZodType, unknown, { field: string; code: string; params: object }[]]>([
    ['a missing field', z.object({ name: z.string() }), {}, [{ field: 'name', code: 'required', params: {} }]],
    ['a short text', z.object({ name: lineText(120, 3) }), { name: 'ab' }, [{ field: 'name', code: 'too-short', params: { minimum: 3 } }]],
    ['a long text', z.object({ name: lineText(3) }), { name: 'abcd' }, [{ field: 'name', code: 'too-long', params: { maximum: 3 } }]],
    ['an unknown field', z.strictObject({}), { x: 1 }, [{ field: 'x', code: 'unknown-field', params: {} }]],
    ['an option not offered', z.object({ k: z.enum(['a', 'b']) }), { k: 'c' }, [{ field: 'k', code: 'invalid-option', params: { options: 'a, b' } }]],
    ['not a date', z.object({ d: isoDate }), { d: '2026-13-01' }, [{ field: 'd', code: 'not-a-date', params: {} }]],
    ['a date too early', z.object({ d: isoDate }), { d: '1800-01-01' }, [{ field: 'd', code: 'date-too-early', params: { earliest: '1900-01-01' } }]],
    ['not a country code', z.object({ c: countryCode }), { c: 'France' }, [{ field: 'c', code: 'country-code', params: {} }]],
    ['a hidden character (a rule of text.ts)', z.object({ name: lineText(50) }), { name: 'Ana\u202ERuiz' }, [{ field: 'name', code: 'hidden-characters', params: {} }]],
    ['a number out of range', z.object({ q: z.number().min(0).max(1) }), { q: 2 }, [{ field: 'q', code: 'too-big', params: { maximum: 1 } }]],
  ])('%s', (_, schema, value, expected) => {
    expect(codesOf(schema, value)).toEqual(expected);
  });
});
