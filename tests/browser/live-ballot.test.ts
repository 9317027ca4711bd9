import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { BallotResponse } from '@parley/contracts';
import { newDelegate } from '../support/factories';
import { admit, makeChair, newWorkingGroup } from '../support/governance-fixtures';
import { openMotion } from '../support/ballot-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const PASSWORD = 'correct horse battery';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
type Delegate = Awaited<ReturnType<typeof newDelegate>>;

/**
 * Two delegates have the same ballot open in two browsers. Each sees the other in the presence bar,
 * with their affiliation; a vote cast in one browser appears in the other's roll call without a
 * reload (the page does not poll while live); a reader who closes the page leaves the presence bar.
 */
describe('a ballot page open in two browsers is live', () => {
  let t: TestApp;
  let chair: Delegate;
  let ngo: Delegate;
  let ballot: BallotResponse;
  const contexts: BrowserContext[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(__dirname, '../../dist/web/index.html'))) throw new Error('Build the web app first: npx nx run web:build');
    t = await startTestApp({ serveWeb: true });
    [chair, ngo] = await Promise.all([
      newDelegate(
        t.baseUrl,
        { name: `Ministère de l’Europe et des Affaires étrangères ${Date.now()}`, stakeholderGroup: 'government', subtype: 'national', country: 'FR' },
        'Ambassador for digital affairs',
      ),
      newDelegate(t.baseUrl, { name: `Digital Rights Watch ${Date.now()}`, stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'KE' }, 'Policy lead'),
    ]);
    const group = await newWorkingGroup(t.dataSource, chair, { name: 'Working group on the protection of the public core of the internet' });
    for (const p of [chair, ngo]) await admit(t.dataSource, group, p);
    await makeChair(t.dataSource, group, chair);
    ballot = await openMotion(chair, group, { title: 'That the group consults the technical community before the second reading' });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await t?.close();
  });

  async function open(who: Delegate): Promise<{ page: Page; context: BrowserContext }> {
    const dir = mkdtempSync(join(tmpdir(), 'parley-browser-'));
    dirs.push(dir);
    const context = await chromium.launchPersistentContext(dir, {
      executablePath,
      headless: true,
      viewport: { width: 1200, height: 900 },
      locale: 'en-GB',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    contexts.push(context);
    await context.addInitScript(() => localStorage.setItem('parley.language', 'en'));
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error(`page error (${who.name}): ${e.message}`));
    await page.goto(`${t.baseUrl}/login`);
    await page.getByLabel('E-mail address').fill(who.email);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(`${t.baseUrl}/ballots/${ballot.id}`);
    await page.getByRole('heading', { level: 1, name: ballot.title }).waitFor();
    return { page, context };
  }

  const presence = (page: Page) => page.getByRole('region', { name: 'Who is viewing this page' });

  it('shows who else is here, a vote cast elsewhere without a reload, and a reader leaving', async () => {
    const a = await open(chair);
    const b = await open(ngo);

    // Presence: each sees both, in the affiliation form (name, organisation, stakeholder group).
    for (const { page } of [a, b]) {
      await presence(page).getByRole('link', { name: chair.name }).waitFor({ timeout: 10_000 });
      await presence(page).getByRole('link', { name: ngo.name }).waitFor({ timeout: 10_000 });
    }
    await presence(b.page).getByText(chair.organisation.name).waitFor();
    await presence(b.page).getByText('Government').waitFor();

    // A marker that a reload would wipe. Once the page has settled (its first load, and the refetch after its socket
    // joined the room) it reads nothing more by itself, for longer than the 3 s poll it would run if it were not live.
    await b.page.evaluate(() => ((window as unknown as { __stillHere: boolean }).__stillHere = true));
    const ballotReads: number[] = [];
    b.page.on('request', (r) => {
      if (new URL(r.url()).pathname === `/api/ballots/${ballot.id}`) ballotReads.push(Date.now());
    });
    const settledBy = Date.now() + 30_000;
    for (let seen = -1; seen !== ballotReads.length && Date.now() < settledBy;) {
      seen = ballotReads.length;
      await b.page.waitForTimeout(3500);
    }
    const before = ballotReads.length;

    await a.page.getByRole('radio', { name: 'Yes' }).check();
    const cast = Date.now();
    await a.page.getByRole('button', { name: 'Cast my vote' }).click();
    await a.page.getByText('You voted: Yes').waitFor();
    await b.page.getByText('1 of 2 voters has voted').waitFor({ timeout: 5000 });
    expect(Date.now() - cast).toBeLessThan(5000);
    expect(ballotReads.length).toBeGreaterThan(before);
    expect(await b.page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true);

    // The chair closes their browser: they leave the other's presence bar within seconds.
    await a.context.close();
    await presence(b.page).getByRole('link', { name: chair.name }).waitFor({ state: 'detached', timeout: 10_000 });
    await presence(b.page).getByRole('link', { name: ngo.name }).waitFor();

    // The page with its presence bar still passes the automated accessibility checks.
    // Evaluated through the devtools protocol: the app's CSP (script-src 'self') stays in force.
    await b.page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await b.page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run({
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });
});
