import * as core from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';
import { PASSWORD_MIN_SCORE, passwordEstimator, passwordKnownWords } from './password-strength';

const packages = { core, common, en, fr };
const estimate = passwordEstimator(packages, 'en');
const ana = passwordKnownWords({ email: 'ana.ruiz@demo.parley.example', name: 'Ana Ruiz' });

describe('the password rule (zxcvbn, score ≥ 3)', () => {
  it.each([
    ['ten times the same letter', 'aaaaaaaaaa'],
    ['ten spaces', '          '],
    ['the account’s own e-mail address', 'ana.ruiz@demo.parley.example'],
    ['the person’s name and a year', 'AnaRuiz2026!'],
    ['a common password made longer', 'password1234'],
    ['a keyboard walk', '1q2w3e4r5t6y'],
    ['a French keyboard row', 'azertyuiop'],
    ['a common French password', 'motdepasse123'],
  ])('refuses %s', (_, password) => {
    const verdict = estimate(password, ana);
    expect({ password, strongEnough: verdict.strongEnough }).toEqual({ password, strongEnough: false });
    expect(verdict.score).toBeLessThan(PASSWORD_MIN_SCORE);
  });

  it.each([['correct horse battery'], ['parley-demo-2026'], ['a long enough password'], ['Tr0ub4dor&3 in Geneva']])('accepts %j', (password) => {
    expect(estimate(password, ana).strongEnough).toBe(true);
  });

  it('says why, in the reader’s language', () => {
    expect(estimate('aaaaaaaaaa', []).warning).toMatch(/repeated/i);
    const french = passwordEstimator(packages, 'fr')('aaaaaaaaaa', []);
    expect(french.warning).not.toBe(estimate('aaaaaaaaaa', []).warning);
    expect(french.warning).toMatch(/répét/i);
  });

  it('counts the address, its parts and the name as words a guesser knows', () => {
    expect(ana).toEqual(expect.arrayContaining(['ana.ruiz@demo.parley.example', 'ana.ruiz', 'ruiz', 'ana ruiz', 'anaruiz', 'parley']));
  });

  it('estimates the longest password the API accepts (200 characters) in bounded time, whatever its shape (9 s for digits with the defaults)', () => {
    for (const password of [
      '\u0000'.repeat(199) + '\n',
      'a'.repeat(199) + '!',
      'ab'.repeat(100),
      '1234567890'.repeat(20),
      'Xk9!'.repeat(50),
      '4@8({[<3610!|1/$7%2+05'.repeat(9),
    ]) {
      const started = performance.now();
      estimate(password, ana);
      expect({ password: password.slice(0, 12), fast: performance.now() - started < 2_000 }).toEqual({ password: password.slice(0, 12), fast: true });
    }
  });

  it('judges a long password by its first 48 characters: a strong beginning is enough, a weak one is not saved by its tail', () => {
    expect(estimate(`correct horse battery in Geneva ${'1'.repeat(100)}`, []).strongEnough).toBe(true);
    expect(estimate(`${'a'.repeat(48)}Tr0ub4dor&3 in Geneva`, []).strongEnough).toBe(false);
  });
});
