import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { WorkingGroupListResponse } from '@parley/contracts';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { Browsers, OUTPUT, seriousAxeViolations, webBuildSnapshot } from '../support/browser';
import { verifyExport as verifyWithCli } from '../support/audit-verify-cli';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * Issue 17: `npx parley-audit-verify` works only for someone with the repository. The web app's
 * verifier page checks a downloaded export in the browser (WebCrypto, libs/domain's rules), sends
 * nothing, and names the first broken event.
 */
describe('verifying an audit export in the browser, without the repository', () => {
  let t: TestApp;
  let browsers: Browsers;
  let groupId: string;
  let intact: string;
  let edited: string;
  let lines: string[];
  const EDITED_EVENT = 5;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    await t.app.get(DemoSeeder).seed();
    browsers = new Browsers(t.baseUrl);
    const api = new ApiClient(t.baseUrl);
    groupId = (await api.get<WorkingGroupListResponse>('/api/working-groups')).body.items.find((g) => g.name === 'Working group on international norms')!.id;

    // The export exactly as a journalist downloads it, and a copy with one event's recorded change altered.
    const res = await fetch(`${t.baseUrl}/api/audit/export.jsonl?scope=wg:${groupId}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    lines = text.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(EDITED_EVENT);
    const event = JSON.parse(lines[EDITED_EVENT - 1]) as { change: Record<string, unknown> };
    const changed = [...lines];
    changed[EDITED_EVENT - 1] = JSON.stringify({ ...event, change: { ...event.change, forged: 'a word changed after the fact' } });
    const dir = join(OUTPUT, 'browser-verifier');
    mkdirSync(dir, { recursive: true });
    intact = join(dir, 'norms-audit.jsonl');
    edited = join(dir, 'norms-audit-edited.jsonl');
    writeFileSync(intact, text);
    writeFileSync(edited, `${changed.join('\n')}\n`);
  });
  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  /** Chooses a file in the verifier, as a person would, and waits for its verdict. */
  async function check(page: Page, file: string) {
    await page.locator('input[type="file"]').first().setInputFiles(file);
    const verdict = page.getByTestId('verify-verdict');
    await verdict.waitFor();
    return verdict;
  }

  it('is reached from the group’s audit log, says "intact" for a real export and names the edited event, sending nothing', async () => {
    const page = await browsers.open();
    await page.goto(`${t.baseUrl}/working-groups/${groupId}/audit`);
    await page.getByRole('link', { name: 'Verify a downloaded export in your browser' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verify an audit log export' }).waitFor();
    await page.getByRole('heading', { name: 'Why you need not trust this server' }).waitFor();
    await page.waitForLoadState('networkidle');
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' || r.url().includes('/api/')) sent.push(`${r.method()} ${r.url()}`);
    });

    const good = await check(page, intact);
    expect(await good.getAttribute('data-verdict')).toBe('intact');
    expect(await good.textContent()).toContain(`Intact: norms-audit.jsonl verifies${lines.length} events in 1 chain`);
    await page.screenshot({ path: join(OUTPUT, 'browser-verifier-intact.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    const bad = await check(page, edited);
    await page.getByText(`Broken at event ${EDITED_EVENT}`).waitFor();
    expect(await bad.getAttribute('data-verdict')).toBe('broken');
    expect(await bad.textContent()).toContain(`event ${EDITED_EVENT} was altered (it no longer matches its digest)`);
    await page.screenshot({ path: join(OUTPUT, 'browser-verifier-broken.png'), fullPage: true });
    expect(sent).toEqual([]);

    // The command-line verifier, same rules, agrees on both files.
    expect((await verifyWithCli(intact)).code).toBe(0);
    const cli = await verifyWithCli(edited);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`sequence ${EDITED_EVENT} (change-digest)`);
  });

  it('says it in French, and names a cut download', async () => {
    const page = await browsers.open({ language: 'fr', viewport: { width: 390, height: 844 } });
    await page.goto(`${t.baseUrl}/audit/verify`);
    await page.getByRole('heading', { level: 1, name: 'Vérifier un export du journal d’audit' }).waitFor();
    const bad = await check(page, edited);
    expect(await bad.getAttribute('data-verdict')).toBe('broken');
    await page.getByText(`Rompu à l’événement ${EDITED_EVENT}`).waitFor();

    const cut = join(OUTPUT, 'browser-verifier', 'norms-audit-cut.jsonl');
    writeFileSync(cut, `${lines.slice(0, 3).join('\n')}\n${lines[3].slice(0, 40)}`);
    await check(page, cut);
    await page.getByText('Rompu à l’événement 4').waitFor();
    await page.getByText('Le fichier est tronqué : sa dernière ligne est incomplète. Téléchargez-le de nouveau.').waitFor();
    await page.screenshot({ path: join(OUTPUT, 'browser-verifier-fr-phone.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('with the chain heads pinned, proves the export is whole, and says when its end was cut', async () => {
    const head = (await (await fetch(`${t.baseUrl}/api/audit/head`)).json()) as { chains: { scope: string }[] };
    const dir = join(OUTPUT, 'browser-verifier');
    const headFile = join(dir, 'head-norms.json');
    writeFileSync(headFile, JSON.stringify({ ...head, chains: head.chains.filter((c) => c.scope === `wg:${groupId}`) }));
    const shortened = join(dir, 'norms-audit-shortened.jsonl');
    writeFileSync(shortened, `${lines.slice(0, -2).join('\n')}\n`);

    const page = await browsers.open();
    await page.goto(`${t.baseUrl}/audit/verify`);
    await page.getByRole('heading', { level: 1, name: 'Verify an audit log export' }).waitFor();
    await page.locator('input[type="file"]').nth(1).setInputFiles(headFile);
    await page.locator('input[type="file"]').first().setInputFiles(intact);
    await page.getByText('The pinned heads match: the export holds the whole history up to them.').waitFor();
    await page.locator('input[type="file"]').first().setInputFiles(shortened);
    await page.getByText('The export does not reach the pinned heads').waitFor();
    expect(await page.getByTestId('verify-verdict').getAttribute('data-verdict')).toBe('broken');
    await page.screenshot({ path: join(OUTPUT, 'browser-verifier-pinned-cut.png'), fullPage: true });
  });
});
