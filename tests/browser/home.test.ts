import type { Page } from 'playwright-core';
import type { BallotListResponse, BallotResponse, HomeResponse, SessionResponse, WorkingGroupListResponse } from '@parley/contracts';
import { DEMO_PASSWORD, demoEmail } from '../../apps/api/src/demo/demo-people';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { axeViolations, Browsers, demoApiAs, type Language, screenshot, webBuildSnapshot } from '../support/browser';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const PROCESSES = 'Working group on cybersecurity processes';
const NORMS = 'Working group on international norms';
const IMPLEMENTATION = 'Working group on multistakeholder implementation';
const DELEGATE = 'Claire Dubois'; // France: a voting member of the international-norms group
const NORMS_CHAIR = 'Jonathan Reed'; // Microsoft: one of its (unconfirmed) chairs

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 1000 };

const WORDS = {
  en: { groups: 'Active working groups', ballots: 'Open for a vote', needsMe: 'What needs you', toVote: 'Ballots waiting for your vote', unconfirmed: /without a confirming ballot/ },
  fr: { groups: 'Groupes de travail actifs', ballots: 'Ouvert au vote', needsMe: 'Ce qui vous attend', toVote: 'Scrutins qui attendent votre vote', unconfirmed: /sans scrutin de confirmation/ },
} as const;

/**
 * The front door on the Paris Call demo, as a visitor and as a delegate would use it: the three demo
 * groups with their composition and alarms, the ballots open now (soonest close first), in English
 * and French, on a desktop and on a phone, axe clean; a signed-in delegate sees what needs them and
 * reaches a ballot to vote on from there by keyboard.
 */
describe('the home page on the demo', () => {
  let t: TestApp;
  let browsers: Browsers;
  let groups: WorkingGroupListResponse;
  let openBallotIds: string[];
  let session: SessionResponse;
  /** The ballot the delegate can vote on (the demo's own, or one a chair opens here when the demo has none). */
  let ballotToVote: string;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    await t.app.get(DemoSeeder).seed();
    const api = new ApiClient(t.baseUrl);
    groups = (await api.get<WorkingGroupListResponse>('/api/working-groups')).body;
    session = (await api.post<SessionResponse>('/api/auth/login', { email: demoEmail(DELEGATE), password: DEMO_PASSWORD })).body;
    const delegate = new ApiClient(t.baseUrl).withToken(session.token);
    let waiting = (await delegate.get<HomeResponse>('/api/home')).body.me!.ballotsToVote.items;
    if (waiting.length === 0) {
      // The demo has no ballot open for this delegate today: a chair of their group opens a motion, as a chair would.
      const chair = await demoApiAs(t.baseUrl, NORMS_CHAIR);
      const norms = groups.items.find((g) => g.name === NORMS)!;
      const opened = await chair.post<BallotResponse>('/api/ballots', {
        workingGroupId: norms.id,
        subjectType: 'motion',
        title: 'That the group holds its next meeting in Geneva',
        closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      });
      expect(opened.status).toBe(201);
      waiting = (await delegate.get<HomeResponse>('/api/home')).body.me!.ballotsToVote.items;
    }
    ballotToVote = waiting[0].id;
    // Every open ballot of the demo's groups, soonest close first: what the page must show (five at most).
    const open = (
      await Promise.all(groups.items.map(async (g) => (await api.get<BallotListResponse>(`/api/working-groups/${g.id}/ballots?status=open`)).body.items))
    ).flat();
    openBallotIds = open
      .filter((b) => Date.parse(b.closesAt) > Date.now())
      .sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt) || (a.id < b.id ? -1 : 1))
      .map((b) => b.id);
    expect(openBallotIds.length).toBeGreaterThan(0);
    browsers = new Browsers(t.baseUrl);
  });
  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  async function openHome(language: Language, viewport: { width: number; height: number }, signedIn = false): Promise<Page> {
    const page = await browsers.open({ language, viewport, reportPageErrorsAs: `home ${language}` });
    if (signedIn) await browsers.signInWith(page, session);
    await page.goto(`${t.baseUrl}/`);
    await page.getByTestId('home-groups').waitFor();
    return page;
  }

  /** What a reader sees of each group on the page: its name, whether its composition bar is there, and the alarms it lists. */
  const groupCards = (page: Page) =>
    page.getByTestId('home-group').evaluateAll((cards) =>
      cards.map((c) => ({
        name: c.querySelector('h3')?.textContent ?? '',
        bar: c.querySelector('[data-testid="composition-bar"] [role="img"]')?.getAttribute('aria-label') ?? '',
        alarms: [...c.querySelectorAll('[data-alarm]')].map((a) => ({ code: a.getAttribute('data-alarm') ?? '', text: a.textContent ?? '' })),
      })),
    );

  for (const language of ['en', 'fr'] as const)
    it(`a visitor sees the three demo groups with their alarms and the open ballots (${language}), axe clean, on a desktop and on a phone`, async () => {
      const words = WORDS[language];
      for (const [device, viewport] of [
        ['desktop', DESKTOP],
        ['phone', PHONE],
      ] as const) {
        const page = await openHome(language, viewport);
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        await page.getByRole('heading', { level: 2, name: words.groups }).waitFor();
        await page.getByRole('heading', { level: 2, name: words.ballots }).waitFor();
        expect(await page.getByTestId('home-needs-me').count()).toBe(0);

        const cards = await groupCards(page);
        expect(cards.map((c) => c.name).sort()).toEqual([PROCESSES, NORMS, IMPLEMENTATION].sort());
        for (const card of cards) expect(card.bar).not.toBe('');
        const alarmsOf = (name: string) => cards.find((c) => c.name === name)!.alarms;
        for (const name of [PROCESSES, NORMS]) {
          const unconfirmed = alarmsOf(name).filter((a) => a.code === 'chair-unconfirmed');
          expect([name, unconfirmed.length]).toEqual([name, 3]);
          expect(unconfirmed[0].text).toMatch(words.unconfirmed);
        }
        expect(alarmsOf(IMPLEMENTATION).map((a) => a.code)).toEqual(expect.arrayContaining(['stakeholder-group-above-cap', 'most-private-sector-members']));

        const shown = await page.getByTestId('home-ballot-list').locator('[data-ballot-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ballot-id')));
        expect(shown).toEqual(openBallotIds.slice(0, 5));

        // Nothing wider than the screen on a phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        await screenshot(page, `home-${language}-${device}.png`);
        if (device === 'phone') await screenshot(page, `home-${language}-phone-top.png`, { fullPage: false });
        expect(await axeViolations(page)).toEqual([]);
      }
    });

  it('a signed-in delegate sees what needs them, with a ballot they can vote on, and reaches it by keyboard (en)', async () => {
    const page = await openHome('en', DESKTOP, true);
    const needs = page.getByTestId('home-needs-me');
    await needs.getByRole('heading', { level: 2, name: WORDS.en.needsMe }).waitFor();
    await needs.getByRole('heading', { level: 3, name: WORDS.en.toVote }).waitFor();
    const row = needs.locator(`[data-ballot-id="${ballotToVote}"]`);
    await row.waitFor();
    await screenshot(page, 'home-en-desktop-signed-in.png');
    expect(await axeViolations(page)).toEqual([]);

    // By keyboard: tab along the page until the ballot's link has focus, then follow it.
    const link = row.getByRole('link').first();
    const title = (await link.textContent()) ?? '';
    for (let i = 0; i < 40 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === `/ballots/${ballotToVote}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  });

  it('on a phone in French, the delegate’s part comes first and fits the screen, axe clean', async () => {
    const page = await openHome('fr', PHONE, true);
    const needs = page.getByTestId('home-needs-me');
    await needs.getByRole('heading', { level: 3, name: WORDS.fr.toVote }).waitFor();
    await needs.locator(`[data-ballot-id="${ballotToVote}"]`).waitFor();
    const [needsTop, ballotsTop] = await Promise.all([needs.boundingBox(), page.getByTestId('home-ballots').boundingBox()]);
    expect(needsTop!.y).toBeLessThan(ballotsTop!.y);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'home-fr-phone-signed-in.png');
    await screenshot(page, 'home-fr-phone-signed-in-top.png', { fullPage: false });
    expect(await axeViolations(page)).toEqual([]);
  });
});
