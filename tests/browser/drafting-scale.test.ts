import type { Page } from 'playwright-core';
import type { DocumentResponse } from '@parley/contracts';
import { Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { newDraftingGroup } from '../support/drafting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * The document page with 300 clauses, 5,000 comments and 1,000 amendments: it loads counts, not
 * comments, renders the clauses once (off-screen rows are skipped by content-visibility), and loads
 * one clause's threads, a page at a time, only when the reader opens it. Timings are printed.
 */
describe('the document page at scale', () => {
  let t: TestApp;
  let doc: DocumentResponse;
  let browsers: Browsers;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    const g = await newDraftingGroup(t);
    const clauses = Array.from({ length: 300 }, (_, i) => ({
      kind: i % 50 === 0 ? 'heading' : i % 10 === 1 ? 'preamble' : 'operative',
      text: `States, companies and civil society shall cooperate to prevent malicious cyber activity of kind ${i + 1}, and report on it every year to the working group.`,
    }));
    doc = (await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title: 'A long convention', clauses })).body;
    const versionId = (await t.dataSource.query(`SELECT id FROM document_versions WHERE document_id = $1`, [doc.id]))[0].id;
    const authors = [g.ngo, g.company, g.government, g.observer];
    await t.dataSource.query(
      `INSERT INTO comments (document_id, version_id, version_number, clause_id, kind, body, author_id, author_snapshot, created_at)
       SELECT $1, $2, 1, ($3::uuid[])[1 + (i % 300)], (ARRAY['general','technical','editorial','clarification'])[1 + (i % 4)], 'Comment number ' || i || ' on this clause.',
              ($4::uuid[])[1 + (i % 4)], ($5::jsonb[])[1 + (i % 4)], now() - make_interval(secs => 6000 - i)
         FROM generate_series(1, 4000) AS i`,
      [doc.id, versionId, doc.version.clauses.map((c) => c.id), authors.map((a) => a.id), authors.map((a) => JSON.stringify(a.snapshot))],
    );
    await t.dataSource.query(
      `INSERT INTO comments (document_id, version_id, version_number, clause_id, parent_id, kind, body, author_id, author_snapshot, created_at)
       SELECT c.document_id, c.version_id, 1, c.clause_id, c.id, 'general', 'A reply.', $2, $3, c.created_at + interval '1 second'
         FROM (SELECT * FROM comments WHERE document_id = $1 ORDER BY created_at LIMIT 1000) c`,
      [doc.id, g.rapporteur.id, JSON.stringify(g.rapporteur.snapshot)],
    );
    await t.dataSource.query(
      `INSERT INTO amendments (document_id, kind, base_version, applies_to_version, target_clause_id, target_text, text, rationale, author_id, author_snapshot, created_at)
       SELECT $1, 'replace', 1, 1, vc.clause_id, vc.text, vc.text || ' (amended)', 'Rationale', $3, $4, now() - make_interval(secs => 2000 - i)
         FROM generate_series(1, 1000) AS i JOIN version_clauses vc ON vc.version_id = $2 AND vc.position = (i % 300)`,
      [doc.id, versionId, g.ngo.id, JSON.stringify(g.ngo.snapshot)],
    );
    browsers = new Browsers(t.baseUrl);
    page = await browsers.open({ viewport: { width: 1360, height: 1000 } });
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  // Its speed is measured by `npm run bench:document-read` beside its limit, not asserted here:
  // a timed assertion failed a loaded CI run (6.3 s against 5 s) with nothing wrong.
  it('renders 300 clauses with counts and none of their 5,000 comments, and opens a clause with its threads folded', async () => {
    await page.goto(`${t.baseUrl}/`);
    const start = Date.now();
    await page.goto(`${t.baseUrl}/documents/${doc.id}`);
    await page.locator('li.clause-row').nth(299).waitFor({ state: 'attached' });
    const loadMs = Date.now() - start;
    expect(await page.locator('li.clause-row').count()).toBe(300);
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    // Nothing of the 5,000 comments is in the page before a clause is opened.
    expect(await page.getByTestId('thread').count()).toBe(0);

    const openStart = Date.now();
    await page.locator('li.clause-row').nth(150).getByRole('button').click();
    await page.getByTestId('thread').first().waitFor();
    const openMs = Date.now() - openStart;
    const threads = await page.getByTestId('thread').count();
    expect(threads).toBeLessThanOrEqual(20); // one page of threads, replies folded
    expect(await page.getByRole('button', { name: /^Show \d+ repl/ }).count()).toBeGreaterThan(0);

    const paint = await page.evaluate(() => performance.getEntriesByType('paint').map((e) => `${e.name} ${Math.round(e.startTime)} ms`).join(', '));
    console.log(`document page, 300 clauses / 5,000 comments / 1,000 amendments: all clauses in ${loadMs} ms (${nodes} DOM nodes; ${paint}); a clause's first page of ${threads} threads in ${openMs} ms`);
    await screenshot(page, 'drafting-scale.png', { fullPage: false });
    expect(nodes).toBeLessThan(10_000); // the page stays light: counts, not threads
  });
});
