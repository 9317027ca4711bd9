// Benchmark: institutional sign-in (issue #24), one person at a time, as people sign in.
//
// The built API on its own database; a certified OpenID Connect provider (oidc-provider) in this
// process on 127.0.0.1. Three round trips (BENCH_SIGNINS of Parley's and the provider's, interleaved in
// BENCH_ROUNDS pairs of blocks so a machine that drifts weighs on both alike; passwords after them):
//   - password: POST /api/auth/login of a person with a password (argon2id: the cost of a password);
//   - provider alone: what any client of the provider does, without Parley: authorization request
//     with PKCE, the provider's login, the code exchanged and the ID token checked (openid-client);
//   - Parley's OpenID Connect sign-in: /api/auth/oidc/:id/start → the provider → Parley's callback
//     (attempt taken, code exchanged, ID token checked, link found, vouch kept, session issued).
// The figure: Parley's p50 beside the provider's own p50 (Parley's own work is the difference) and
// the password p50. Goal: Parley's sign-in ≤ 3× the provider's own round trip, median of the pairs
// (the former 2× + 50 ms kept as information).
//
// Environment: BENCH_SIGNINS (100 per side), BENCH_ROUNDS (5).
import { performance } from 'node:perf_hooks';
import * as oidc from 'openid-client';
import { emitResult, expectOk, freePort, http, log, machine, machineLine, ms, runMain, startApi, startCluster, summarise, today, writeSection } from './support/harness';
import { startOidcProvider, TestBrowser } from './support/oidc-provider';
import { judgedRow } from './support/interleave';
import { blocks, blocksRatio, cpuText, loadText, machineCpu, perRound } from './support/rounds';

const SIGNINS = Math.max(5, Math.min(2000, Number(process.env.BENCH_SIGNINS ?? 100)));
const WARM_UP = 5;
/** The former goal, 2× the provider's round trip plus 50 ms, was 3× at the provider's 48 ms (2026-12-07): the same allowance as a ratio. */
const RATIO = 3;
const PASSWORD = 'correct horse battery staple';

async function main(): Promise<void> {
  const m = machine();
  log(`institutional sign-in: ${SIGNINS} of each round trip`);
  const cluster = await startCluster('institutional-sign-in');
  // The provider's redirect URI is built from PUBLIC_URL: the API's own address here.
  const port = await freePort();
  const api = await startApi(cluster.url('parley_bench'), { port, env: { PARLEY_OIDC_ALLOW_LOOPBACK_ISSUERS: 'true', PUBLIC_URL: `http://127.0.0.1:${port}` } });
  const idp = await startOidcProvider([`${api.base}/api/auth/oidc/callback`, 'http://127.0.0.1:9/bare-callback']);
  try {
    const register = (name: string, email: string) => expectOk(http('POST', `${api.base}/api/auth/register`, { body: { name, email, password: PASSWORD } }), 'register');
    await register('Bench Steward', 'steward@bench.example');
    await register('Bench Delegate', 'delegate@bench.example');
    const steward = await expectOk<{ token: string }>(http('POST', `${api.base}/api/auth/login`, { body: { email: 'steward@bench.example', password: PASSWORD } }), 'steward login');
    const org = await expectOk<{ id: string }>(http('POST', `${api.base}/api/organisations`, { token: steward.token, body: { name: 'Bench Ministry', stakeholderGroup: 'government', subtype: 'national', country: 'FR' } }), 'organisation');
    const provider = await expectOk<{ id: string }>(
      http('POST', `${api.base}/api/identity-providers`, { token: steward.token, body: { name: 'Bench SSO', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, domains: ['bench.example'], organisationId: org.id } }),
      'provider',
    );
    idp.directory.set('ana', { sub: 'ana', email: 'ana@bench.example', emailVerified: true, name: 'Ana' });
    idp.loginAs('ana');
    const config = await oidc.discovery(new URL(idp.issuer), idp.clientId, undefined, oidc.ClientSecretBasic(idp.clientSecret), { execute: [oidc.allowInsecureRequests, oidc.enableNonRepudiationChecks] });

    const password = async () => {
      const r = await http('POST', `${api.base}/api/auth/login`, { body: { email: 'delegate@bench.example', password: PASSWORD } });
      if (r.status !== 200) throw new Error(`password sign-in: ${r.status}`);
    };
    const bare = async () => {
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, { redirect_uri: 'http://127.0.0.1:9/bare-callback', scope: 'openid email profile', code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', state, nonce });
      const { lastUrl } = await new TestBrowser(api.base).follow(url.href, (u) => u.pathname === '/bare-callback');
      await oidc.authorizationCodeGrant(config, new URL(lastUrl), { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
    };
    const parley = async () => {
      const browser = new TestBrowser(api.base);
      const { landed } = await browser.follow(`/api/auth/oidc/${provider.id}/start?returnTo=/me`);
      if (landed !== '/me' || !browser.cookie(api.base, 'parley_session')) throw new Error(`OIDC sign-in landed on ${landed}`);
    };

    const timed = (run: () => Promise<void>) => async () => {
      const t0 = performance.now();
      await run();
      return performance.now() - t0;
    };
    for (let i = 0; i < WARM_UP; i++) for (const run of [password, bare, parley]) await run();
    const x = await blocks({ perRound: perRound(SIGNINS), a: timed(parley), b: timed(bare), cpu: machineCpu(cluster, api) });
    const passwords: number[] = [];
    for (let i = 0; i < perRound(SIGNINS); i++) passwords.push(await timed(password)());
    const s = { password: summarise(passwords), bare: x.b, parley: x.a };
    const limit = 2 * s.bare.p50 + 50;
    const judged = judgedRow('Institutional sign-in (OpenID Connect, one at a time)', x.r, {
      measured: `Parley's sign-in p50 ${ms(x.r.aMedian)}`,
      limit: `the provider's own round trip, interleaved: p50 ${ms(x.r.bMedian)}`,
      goal: { atMost: RATIO },
      info: `formerly judged ≤ 2× + 50 ms (${ms(limit)}): ${s.parley.p50 <= limit ? 'within' : 'over'}; password sign-in p50 ${ms(s.password.p50)}; ${cpuText(x)}`,
    });
    const met = judged.met;
    log(`p50: password ${ms(s.password.p50)}, provider alone ${ms(s.bare.p50)}, Parley via the provider ${ms(s.parley.p50)}: ${blocksRatio(x)}; ${cpuText(x)}`);
    const row = (label: string, x: ReturnType<typeof summarise>) => `| ${label} | ${ms(x.p50)} | ${ms(x.p90)} | ${ms(x.p99)} | ${ms(x.max)} |`;
    writeSection(
      `Institutional sign-in (${today()})`,
      `
${machineLine(m)}

Parley's sign-in interleaved with the provider's own round trip in ${x.r.pairs.length} pairs of blocks of ${perRound(SIGNINS)} (A B, then B A…; after ${WARM_UP} of each kind to warm up), one at a time, over HTTP on 127.0.0.1; then ${perRound(SIGNINS)} password sign-ins for information. The provider is oidc-provider 9 in the benchmark's process (tests/load/institutional-sign-in.bench.ts). ${cpuText(x)} (API, PostgreSQL and this process, which runs the provider and the client). ${loadText(x.r)}.

| round trip | p50 | p90 | p99 | max |
| --- | --- | --- | --- | --- |
${row('Password sign-in (POST /api/auth/login, argon2id)', s.password)}
${row('The provider alone (authorize with PKCE, login, code exchange, ID token checked)', s.bare)}
${row("Parley's OpenID Connect sign-in (start → provider → callback → session)", s.parley)}

Parley's own work in an institutional sign-in is the difference between the last two rows (${ms(s.parley.p50 - s.bare.p50)} at the median). Parley / the provider alone, pair by pair: **${blocksRatio(x)}** — goal ≤ ${RATIO}×: ${met ? 'met' : '**missed**'}. The former goal, within 2× the provider's round trip plus 50 ms (${ms(limit)}): ${s.parley.p50 <= limit ? 'within' : 'over'}.
`,
    );
    emitResult('BENCH', { bench: 'institutional-sign-in', rows: [judged], met, machine: m });
    if (!met) process.exitCode = 1;
  } finally {
    await idp.close();
    await api.stop();
    await cluster.destroy();
  }
}

runMain(main);
