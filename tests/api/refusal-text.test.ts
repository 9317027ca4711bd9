import { FIELD_ERROR_CODES, REFUSAL_CODES, REFUSALS, refusal, type CodedFieldError, type Refusal } from '@parley/contracts';
import { fieldErrorText, refusalText } from '../../apps/api/src/platform/http/refusal-text';
import { problemOf } from '../../apps/api/src/platform/http/problem';

/** Facts of every shape the catalogue names, so each sentence can be rendered. */
const SAMPLE: Record<string, string | number> = {
  resource: 'document',
  act: 'withdraw',
  what: 'amendment',
  decision: 'confirm',
  status: 'refused',
  count: 2,
  version: 3,
  current: 4,
  minimum: 2,
  maximum: 10,
  paragraph: 5,
  closedAt: '2026-11-25T09:00:00.000Z',
  closesAt: '2026-11-27T10:00:00.000Z',
  openedAt: '2026-11-20T10:00:00.000Z',
  since: '2026-11-22T08:30:00.000Z',
  date: '2026-11-22T08:30:00.000Z',
};
const params = new Proxy({}, { get: (_, k) => (typeof k === 'string' ? (SAMPLE[k] ?? `«${k}»`) : undefined) });

describe('the API says every refusal in English, from its code (platform/http/refusal-text)', () => {
  it.each(REFUSAL_CODES)('%s', (code) => {
    const sentence = refusalText({ code, params } as unknown as Refusal);
    expect(sentence).toMatch(/^\S/);
    expect(sentence).not.toMatch(/undefined|\[object|NaN/);
  });

  it.each(FIELD_ERROR_CODES)('field error %s', (code) => {
    const sentence = fieldErrorText({ code, params } as unknown as CodedFieldError);
    expect(sentence).toMatch(/^\S/);
    expect(sentence).not.toMatch(/undefined|\[object|NaN/);
  });

  it('answers a refusal as problem+json with its status, type, code, params and the English detail', () => {
    expect(problemOf(refusal('not-proposed', { status: 'accepted', act: 'withdraw' }))).toEqual({
      type: '/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'This amendment is accepted; only a proposed amendment can be withdrawn',
      code: 'not-proposed',
      params: { status: 'accepted', act: 'withdraw' },
    });
    expect(problemOf(refusal('email-taken'), 'email')).toMatchObject({
      status: 409,
      errors: [{ field: 'email', code: 'email-taken', params: {}, message: 'An account with this e-mail address already exists' }],
    });
    for (const code of REFUSAL_CODES) expect(problemOf({ code, params, status: REFUSALS[code].status } as unknown as Refusal).type).toBe(REFUSALS[code].type);
  });
});
