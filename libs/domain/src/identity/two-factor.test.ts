import {
  afterWrongAnswer,
  SECOND_FACTOR_MAX_LOCK_MINUTES,
  formatRecoveryCode,
  groupedSecret,
  isFreshStep,
  isLocked,
  MAX_SECOND_FACTOR_FAILURES,
  normaliseRecoveryCode,
  normaliseTotpCode,
  twoFactorDueAt,
  twoFactorRequirementRefusal,
} from './two-factor';

const at = (iso: string) => new Date(iso);

describe('a TOTP code is accepted once, and never an older one', () => {
  it.each<[number, number | null, boolean]>([
    [100, null, true],
    [101, 100, true],
    [100, 100, false],
    [99, 100, false],
  ])('step %i after last accepted %s → %s', (step, last, fresh) => expect(isFreshStep(step, last)).toBe(fresh));
});

describe('wrong answers lock the second factor', () => {
  it('counts up to the limit, then locks for 15 minutes', () => {
    const now = at('2026-12-07T00:00:00Z');
    let failures = 0;
    for (let i = 1; i < MAX_SECOND_FACTOR_FAILURES; i++) {
      const r = afterWrongAnswer(failures, now);
      expect(r).toEqual({ failures: i, lockedUntil: null });
      failures = r.failures;
    }
    expect(afterWrongAnswer(failures, now)).toEqual({ failures: 5, lockedUntil: at('2026-12-07T00:15:00Z') });
  });

  it('wrong answers add up across locks: each lock doubles the one before, up to a day', () => {
    const now = at('2026-12-07T00:00:00Z');
    const locks: number[] = [];
    let failures = 0;
    for (let i = 0; i < 50 * MAX_SECOND_FACTOR_FAILURES; i++) {
      const r = afterWrongAnswer(failures, now);
      if (r.lockedUntil) locks.push((r.lockedUntil.getTime() - now.getTime()) / 60_000);
      failures = r.failures;
    }
    expect(locks.slice(0, 8)).toEqual([15, 30, 60, 120, 240, 480, 960, 1440]);
    expect(locks).toHaveLength(50);
    expect(Math.max(...locks)).toBe(SECOND_FACTOR_MAX_LOCK_MINUTES);
    // Between locks, a wrong answer only counts.
    expect(afterWrongAnswer(6, now)).toEqual({ failures: 7, lockedUntil: null });
  });

  it('a lock holds until its end, not after', () => {
    expect(isLocked(at('2026-12-07T00:15:00Z'), at('2026-12-07T00:14:59Z'))).toBe(true);
    expect(isLocked(at('2026-12-07T00:15:00Z'), at('2026-12-07T00:15:00Z'))).toBe(false);
    expect(isLocked(null, at('2026-12-07T00:00:00Z'))).toBe(false);
  });
});

describe('what people type', () => {
  it.each([
    ['123456', '123456'],
    ['123 456', '123456'],
    ['123-456', '123456'],
    ['12345', null],
    ['1234567', null],
    ['abcdef', null],
  ])('code %j → %j', (input, out) => expect(normaliseTotpCode(input)).toBe(out));

  it.each([
    ['abcde-12345', 'abcde12345'],
    ['ABCDE12345', 'abcde12345'],
    [' abcde 12345 ', 'abcde12345'],
    ['abcde-1234', null],
    ['abcde-1234!', null],
  ])('recovery code %j → %j', (input, out) => expect(normaliseRecoveryCode(input)).toBe(out));

  it('recovery codes are shown with a dash, secrets in groups of four', () => {
    expect(formatRecoveryCode('abcde12345')).toBe('abcde-12345');
    expect(groupedSecret('ABCDEFGHIJKLMNOPQR')).toBe('ABCD EFGH IJKL MNOP QR');
  });
});

describe('roles that require a second factor', () => {
  const signedIn = at('2026-12-01T00:00:00Z');
  it('the grace is counted from the later of the first sign-in after the release and the start of the role', () => {
    expect(twoFactorDueAt(signedIn, null, 14)).toEqual(at('2026-12-15T00:00:00Z'));
    expect(twoFactorDueAt(signedIn, at('2026-11-01T00:00:00Z'), 14)).toEqual(at('2026-12-15T00:00:00Z'));
    expect(twoFactorDueAt(signedIn, at('2026-12-10T00:00:00Z'), 14)).toEqual(at('2026-12-24T00:00:00Z'));
    expect(twoFactorDueAt(null, at('2026-12-10T00:00:00Z'), 14)).toBeNull();
  });

  it('refuses only once the grace has run out, and never someone who has a second factor', () => {
    const missing = { enabled: false, clockFrom: signedIn };
    expect(twoFactorRequirementRefusal(missing, null, 14, at('2026-12-14T23:59:59Z'))).toBeNull();
    expect(twoFactorRequirementRefusal(missing, null, 14, at('2026-12-15T00:00:00Z'))).toBe('two-factor-required');
    expect(twoFactorRequirementRefusal(missing, null, 0, signedIn)).toBe('two-factor-required');
    expect(twoFactorRequirementRefusal({ enabled: true, clockFrom: signedIn }, null, 0, signedIn)).toBeNull();
    expect(twoFactorRequirementRefusal({ enabled: false, clockFrom: null }, null, 0, signedIn)).toBeNull();
  });
});
