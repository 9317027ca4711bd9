import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { DocumentResponse } from '@parley/contracts';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type DraftingGroup, type Delegate } from '../support/drafting-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const PASSWORD = 'correct horse battery';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Two delegates read the same draft in two browsers, on the same clause. Each sees the other in the
 * presence bar with their affiliation. A comment posted in one browser appears in the other's
 * thread list and clause count without a reload.
 */
describe('a document open in two browsers is live', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let clauseId: string;
  const contexts: BrowserContext[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(__dirname, '../../dist/web/index.html'))) throw new Error('Build the web app first: npx nx run web:build');
    t = await startTestApp({ serveWeb: true });
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    clauseId = clauseByLabel(doc, '4.').id;
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await t?.close();
  });

  async function open(who: Delegate): Promise<Page> {
    const dir = mkdtempSync(join(tmpdir(), 'parley-browser-'));
    dirs.push(dir);
    const context = await chromium.launchPersistentContext(dir, {
      executablePath,
      headless: true,
      viewport: { width: 1280, height: 900 },
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
    await page.goto(`${t.baseUrl}/documents/${doc.id}?clause=${clauseId}`);
    await page.getByTestId('clause-panel').getByRole('heading', { name: 'Clause 4.' }).waitFor();
    return page;
  }

  const presence = (page: Page) => page.getByRole('region', { name: 'Who is viewing this page' });

  it('shows who else is reading, and a comment posted in one browser appears in the other without a reload', async () => {
    const writer = await open(g.ngo);
    const reader = await open(g.company);

    for (const page of [writer, reader]) {
      await presence(page).getByRole('link', { name: g.ngo.name }).waitFor({ timeout: 10_000 });
      await presence(page).getByRole('link', { name: g.company.name }).waitFor({ timeout: 10_000 });
    }
    await presence(reader).getByText(g.ngo.organisation.name).waitFor();
    await presence(reader).getByText('Civil society').waitFor();

    await reader.evaluate(() => ((window as unknown as { __stillHere: boolean }).__stillHere = true));
    const body = 'Does “private sector” here include the operators of submarine cables?';
    const panel = writer.getByTestId('clause-panel');
    await panel.getByRole('textbox', { name: /^Your comment/ }).fill(body);
    const posted = Date.now();
    await panel.getByRole('button', { name: 'Post the comment' }).click();
    await panel.getByTestId('thread').filter({ hasText: 'submarine cables' }).waitFor();

    // The other browser: the thread in its open panel, with the author's affiliation, and the clause's count.
    const thread = reader.getByTestId('clause-panel').getByTestId('thread').filter({ hasText: 'submarine cables' });
    await thread.waitFor({ timeout: 5000 });
    expect(Date.now() - posted).toBeLessThan(5000);
    await thread.getByText(g.ngo.name).waitFor();
    await reader.locator('li[data-label="4."]').getByText('1 comment').waitFor();
    expect(await reader.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true);

    // Evaluated through the devtools protocol: the app's CSP (script-src 'self') stays in force.
    await reader.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await reader.evaluate(async () => {
      const r = await (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run({
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });
});
