import { generate } from 'otplib';
import type { DataSource } from 'typeorm';
import type { LoginResponse, RecoveryCodesResponse, SecondFactorChallengeResponse, TwoFactorSetupResponse } from '@parley/contracts';
import { rowCounts } from './expectations';
import { ApiClient } from './http-client';
import type { SignedIn } from './factories';

export const PASSWORD = 'correct horse battery';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The code an authenticator app shows for `secret`, `steps` time steps from now (30 s each). */
export const totp = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

/** Waits, if need be, until the current time step has at least 15 s left, so a test's steps do not move under it. */
export async function freshStep(): Promise<void> {
  const into = (Date.now() / 1000) % 30;
  if (into > 15) await sleep((30 - into) * 1000 + 300);
}

/** Turns two-factor authentication on for a signed-in person: their secret and recovery codes. */
export async function enrol(person: SignedIn, steps = 0): Promise<{ secret: string; recoveryCodes: string[] }> {
  // A code one step away is at the edge of the one step of drift allowed: on a busy machine the
  // step could turn between making the code and its check, so start with time left in the step.
  if (steps !== 0) await freshStep();
  const start = await person.client.post<TwoFactorSetupResponse>('/api/me/two-factor/start');
  if (start.status !== 200) throw new Error(`start: ${start.status} ${JSON.stringify(start.body)}`);
  const confirm = await person.client.post<RecoveryCodesResponse>('/api/me/two-factor/confirm', { code: await totp(start.body.secret, steps) });
  if (confirm.status !== 200) throw new Error(`confirm: ${confirm.status} ${JSON.stringify(confirm.body)}`);
  return { secret: start.body.secret, recoveryCodes: confirm.body.recoveryCodes };
}

/** Signs in with the password from a new browser (cookies kept): the challenge it is asked to answer. */
export async function firstFactor(baseUrl: string, email: string): Promise<{ browser: ApiClient; challenge: SecondFactorChallengeResponse }> {
  const browser = new ApiClient(baseUrl);
  const res = await browser.post<LoginResponse>('/api/auth/login', { email, password: PASSWORD });
  if (res.status !== 200 || !('secondFactorRequired' in res.body)) throw new Error(`expected a second factor to be asked: ${res.status} ${JSON.stringify(res.body)}`);
  return { browser, challenge: res.body };
}

/** The identity tables, and what two-factor authentication keeps: a refused answer changes none of it (only its count of wrong answers). */
export async function twoFactorCounts(d: DataSource): Promise<Record<string, number>> {
  const n = async (sql: string) => Number((await d.query(sql))[0].n);
  return {
    ...(await rowCounts(d)),
    secrets: await n(`SELECT count(*) AS n FROM two_factor`),
    enabled: await n(`SELECT count(*) AS n FROM two_factor WHERE enabled_at IS NOT NULL`),
    steps: await n(`SELECT coalesce(sum(last_step), 0) AS n FROM two_factor`),
    recoveryCodes: await n(`SELECT count(*) AS n FROM two_factor_recovery_codes`),
    recoveryCodesUsed: await n(`SELECT count(*) AS n FROM two_factor_recovery_codes WHERE used_at IS NOT NULL`),
    challenges: await n(`SELECT count(*) AS n FROM sign_in_challenges`),
    challengesUsed: await n(`SELECT count(*) AS n FROM sign_in_challenges WHERE used_at IS NOT NULL`),
  };
}
