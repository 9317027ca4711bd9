import { writeFileSync } from 'node:fs';
import { demoDraft } from '../support/demo-draft';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BallotListResponse, DocumentListResponse, SessionResponse, WorkingGroupListResponse } from '@parley/contracts';
import { DEMO_PASSWORD, demoEmail } from '../../apps/api/src/demo/demo-people';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { newAdoptedDocument } from '../support/adoption-fixtures';
import { axe, Browsers, type InterfaceLanguage, OUTPUT, webBuildSnapshot } from '../support/browser';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(90_000);

const NORMS = 'Working group on international norms';
const READER = 'Emily Chen'; // Center for Democracy and Technology: a voting member of the norms group

/**
 * axe-core (WCAG 2.1 A and AA rules) on every main page of the demo, in English, French, Arabic
 * (right to left) and Chinese: no serious or critical violation, `<html lang>` and `dir` those of the
 * interface, and every `lang` and `dir` inside the page valid (the Arabic journey checks that Latin
 * names sit in isolated elements). Pages a member sees (vote form, comment and amendment forms)
 * are checked signed in; sign up and log in signed out. The per-page results are written to
 * test-output/a11y-<language>.md.
 */
describe('accessibility: axe on every main page, in each of the six languages', () => {
  let t: TestApp;
  let browsers: Browsers;
  let session: SessionResponse;
  const ids = { person: '', group: '', ballot: '', document: '', adopted: '' };

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    await t.app.get(DemoSeeder).seed();
    const anon = new ApiClient(t.baseUrl);
    session = (await anon.post<SessionResponse>('/api/auth/login', { email: demoEmail(READER), password: DEMO_PASSWORD })).body;
    ids.person = session.me.id;
    ids.group = (await anon.get<WorkingGroupListResponse>('/api/working-groups')).body.items.find((g) => g.name === NORMS)!.id;
    const ballots = (await anon.get<BallotListResponse>(`/api/working-groups/${ids.group}/ballots`)).body.items;
    ids.ballot = (ballots.find((b) => b.status === 'open') ?? ballots[0]).id;
    ids.document = demoDraft((await anon.get<DocumentListResponse>(`/api/working-groups/${ids.group}/documents`)).body.items).id;
    const adopted = await newAdoptedDocument(t);
    expect(
      (await adopted.g.company.client.post(`/api/documents/${adopted.doc.id}/versions/1/endorsements`, { organisationId: adopted.g.company.organisation.id }))
        .status,
    ).toBe(201);
    ids.adopted = adopted.doc.id;
    browsers = new Browsers(t.baseUrl);
  });
  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  /** Every main page, who looks at it, and what to do on it before it is judged. */
  type Part = 'joining and taking part' | 'the public record';
  const pages = (): { name: string; path: string; signedIn: boolean; part: Part; then?: (page: Page) => Promise<void> }[] => [
    { name: 'home', path: '/', signedIn: false, part: 'the public record' },
    { name: 'sign up', path: '/signup', signedIn: false, part: 'joining and taking part' },
    { name: 'log in', path: '/login', signedIn: false, part: 'joining and taking part' },
    { name: 'my profile', path: '/me', signedIn: true, part: 'joining and taking part' },
    { name: 'organisations', path: '/organisations', signedIn: true, part: 'joining and taking part' },
    { name: 'person', path: `/people/${ids.person}`, signedIn: false, part: 'the public record' },
    { name: 'working groups', path: '/working-groups', signedIn: true, part: 'joining and taking part' },
    { name: 'working group', path: `/working-groups/${ids.group}`, signedIn: true, part: 'joining and taking part' },
    { name: 'who chaired what', path: '/chair-terms', signedIn: false, part: 'the public record' },
    { name: 'ballot', path: `/ballots/${ids.ballot}`, signedIn: true, part: 'joining and taking part' },
    { name: 'document', path: `/documents/${ids.document}`, signedIn: true, part: 'joining and taking part' },
    {
      name: 'document, a clause open with its comment and amendment forms',
      path: `/documents/${ids.document}`,
      signedIn: true,
      part: 'joining and taking part',
      then: async (page) => {
        await page.locator('button.clause-open').nth(5).click();
        await page.locator('#clause-panel').waitFor();
      },
    },
    { name: 'provenance', path: `/documents/${ids.document}/versions/2/provenance`, signedIn: false, part: 'the public record' },
    { name: 'compare', path: `/documents/${ids.document}/compare?from=1&to=2`, signedIn: false, part: 'the public record' },
    { name: 'dispositions', path: `/documents/${ids.document}/versions/1/dispositions`, signedIn: false, part: 'the public record' },
    { name: 'public record', path: `/working-groups/${ids.group}/record`, signedIn: false, part: 'the public record' },
    { name: 'audit log', path: `/working-groups/${ids.group}/audit`, signedIn: false, part: 'the public record' },
    { name: 'signatories', path: `/documents/${ids.adopted}/versions/1/signatories`, signedIn: true, part: 'the public record' },
    // #25: the library of agreed language (the adopted Paris Call's clauses).
    { name: 'agreed language', path: '/agreed-language', signedIn: false, part: 'the public record' },
    // #20 web: notifications, their settings, and the pages an e-mail links to.
    { name: 'notifications', path: '/notifications', signedIn: true, part: 'joining and taking part' },
    {
      name: 'notifications, the bell open',
      path: '/notifications',
      signedIn: true,
      part: 'joining and taking part',
      then: async (page) => {
        await page.getByTestId('notification-bell').click();
        await page.getByRole('dialog').waitFor();
        // Judged once its fade-in is over (mid-way, its text is paler than it will be).
        await page.waitForFunction(() => getComputedStyle(document.querySelector('[role="dialog"]')!).opacity === '1');
      },
    },
    { name: 'notification settings', path: '/me/notifications', signedIn: true, part: 'joining and taking part' },
    { name: 'mail outbox', path: '/steward/outbox', signedIn: true, part: 'joining and taking part' },
    { name: 'verify e-mail', path: '/verify-email?token=not-a-real-token', signedIn: false, part: 'joining and taking part' },
    { name: 'unsubscribe', path: '/unsubscribe?token=not-a-real-token', signedIn: false, part: 'joining and taking part' },
  ];

  async function settle(page: Page): Promise<void> {
    await page.locator('main h1').first().waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle').catch(() => undefined);
    // No loader left spinning: axe must judge the page with its data.
    await page
      .locator('main [role="progressbar"], main .mantine-Loader-root')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
  }

  for (const language of ['en', 'fr', 'ar', 'zh', 'ru', 'es'] as InterfaceLanguage[])
    for (const part of ['joining and taking part', 'the public record'] as Part[])
      it(`no serious or critical violation on the pages of ${part} (${language})`, async () => {
        const anonymous = await browsers.open({ language });
        const member = await browsers.open({ language });
        await browsers.signInWith(member, session);
        const report: string[] = [`# axe, ${language} (${new Date().toISOString()})`, '', '| page | path | serious or critical |', '| --- | --- | --- |'];
        const failures: string[] = [];
        for (const p of pages().filter((x) => x.part === part)) {
          const page = p.signedIn ? member : anonymous;
          await page.goto(`${t.baseUrl}${p.path}`);
          await settle(page);
          await p.then?.(page);
          expect(await page.locator('html').getAttribute('lang')).toBe(language);
          expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
          // Mixed-language content: every lang inside the page names a language Intl knows, each dir is one of the three.
          const marks = await page.evaluate(() => ({
            langs: [...document.querySelectorAll('body [lang]')].map((e) => e.getAttribute('lang') ?? ''),
            dirs: [...document.querySelectorAll('body [dir]')].map((e) => e.getAttribute('dir') ?? ''),
          }));
          const validTag = (l: string) => {
            try {
              return l === '' || Intl.getCanonicalLocales(l).length === 1;
            } catch {
              return false;
            }
          };
          for (const l of marks.langs) if (!validTag(l)) failures.push(`${p.name} (${language}): lang="${l}"`);
          for (const d of marks.dirs) if (!['ltr', 'rtl', 'auto'].includes(d)) failures.push(`${p.name} (${language}): dir="${d}"`);
          const violations = (await axe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
          const summary = violations.map((v) => `${v.impact} ${v.id} × ${v.nodes.length}`).join(', ');
          report.push(`| ${p.name} | \`${p.path.replace(/[0-9a-f-]{36}/g, ':id')}\` | ${summary || 'none'} |`);
          for (const v of violations)
            failures.push(`${p.name} (${language}): ${v.impact} ${v.id} (${v.help}) on ${v.nodes.length} node(s), first: ${v.nodes[0]}`);
        }
        writeFileSync(join(OUTPUT, `a11y-${language}-${part.replace(/ /g, '-')}.md`), report.join('\n') + '\n');
        expect(failures).toEqual([]);
      });
});
