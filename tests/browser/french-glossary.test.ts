import { join } from 'node:path';
import { demoDraft } from '../support/demo-draft';
import type { Page } from 'playwright-core';
import type { BallotListResponse, DocumentListResponse, PersonProfileResponse, SessionResponse, WorkingGroupListResponse } from '@parley/contracts';
import { DEMO_PASSWORD, demoEmail } from '../../apps/api/src/demo/demo-people';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { Browsers, OUTPUT, seriousAxeViolations, webBuildSnapshot } from '../support/browser';
import { newDelegate } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const NORMS = 'Working group on international norms';
const FRANCE = 'Claire Dubois'; // France: a voting member of the group

/**
 * English the API stores or returns as free text (grep of apps/api/src and libs/domain for sentences
 * in responses): ballot titles and descriptions written when a ballot opens, amendment status notes,
 * outcome explanations, alarm messages, the withheld-change notice, a chair term's end note. The
 * French interface must say each in French (from codes and details), never show the English.
 */
const SERVER_ENGLISH: readonly RegExp[] = [
  /\bas chair of\b/, // "Confirm … as chair of …", "Remove … as chair of …" (ballot titles)
  /The term would end on/, // chair-confirmation ballot description
  /The choice is hidden until the ballot closes/, // WITHHELD_UNTIL_CLOSE
  /\b(Passed|Failed): \d+ yes/, // outcome explanations (libs/domain/src/decisions/explain.ts)
  /a simple majority of yes over no/,
  /Counted by organisation/,
  /Not applied in version/, // amendment status notes
  /The clause it (amends|follows)/,
  /An amendment competing/,
  /has chaired since/, // alarm messages
  /Both chairs have been from/,
  /private-sector voting members/,
  /The term had already ended/,
  /Closed at its closing time/,
];

/**
 * The two English sentences of the chair-confirmation ballot's description ("The term would have no
 * end date.", "Nominated by …"). Another branch fixes them on the ballot page; this file's last test
 * proves that fix once merged. ON THIS BRANCH (fr) ALONE THAT TEST IS EXPECTED TO FAIL, for these two
 * strings only: the lead checks it passes after the merge.
 */
const CHAIR_BALLOT_ENGLISH: readonly RegExp[] = [/The term would have no end date/, /Nominated by /];

describe('French: dates in the reader’s locale, the glossary’s words, no server English', () => {
  let t: TestApp;
  let browsers: Browsers;
  let api: ApiClient;
  let groupId: string;
  let documentId: string;
  let session: SessionResponse;
  let ballots: BallotListResponse['items'];
  /** The chair-confirmation ballots of every demo group. */
  let chairBallots: BallotListResponse['items'];

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    await t.app.get(DemoSeeder).seed();
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    api = new ApiClient(t.baseUrl);
    groupId = (await api.get<WorkingGroupListResponse>('/api/working-groups')).body.items.find((g) => g.name === NORMS)!.id;
    documentId = demoDraft((await api.get<DocumentListResponse>(`/api/working-groups/${groupId}/documents`)).body.items).id;
    ballots = (await api.get<BallotListResponse>(`/api/working-groups/${groupId}/ballots?limit=200`)).body.items;
    chairBallots = [];
    for (const g of (await api.get<WorkingGroupListResponse>('/api/working-groups')).body.items)
      chairBallots.push(
        ...(await api.get<BallotListResponse>(`/api/working-groups/${g.id}/ballots?limit=200`)).body.items.filter(
          (b) => b.subject.type === 'chair-confirmation',
        ),
      );
    session = (await api.post<SessionResponse>('/api/auth/login', { email: demoEmail(FRANCE), password: DEMO_PASSWORD })).body;
  });
  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  /** A page whose interface is French while the browser itself speaks British English: the app's language decides, not chromium's. */
  async function frenchAppInEnglishBrowser(): Promise<Page> {
    const page = await browsers.open({ language: 'en' });
    await page.context().addInitScript(() => localStorage.setItem('parley.language', 'fr'));
    return page;
  }

  /** Opens a page, waits for its heading and for its data, and returns what a reader sees. */
  async function read(page: Page, path: string): Promise<string> {
    await page.goto(`${t.baseUrl}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    return page.locator('body').innerText();
  }

  const englishIn = (text: string, patterns: readonly RegExp[]) => patterns.filter((p) => p.test(text)).map(String);

  it('takes 01/09/2024 as 1 September in French, says it in words before saving, and saves 2024-09-01', async () => {
    const delegate = await newDelegate(t.baseUrl, { name: 'Ministère de l’Europe' });
    const page = await frenchAppInEnglishBrowser();
    await browsers.signInWith(page, delegate.session);
    await page.goto(`${t.baseUrl}/me`);
    await page.getByRole('button', { name: 'Mettre fin à cette affiliation (Ministère de l’Europe)' }).click();
    const date = page.getByRole('textbox', { name: 'Date de fin', exact: true });
    expect(await date.getAttribute('placeholder')).toBe('jj/mm/aaaa');
    await date.fill('01/09/2024');
    const echo = page.getByTestId('date-echo').first();
    expect(await echo.textContent()).toBe('Date lue : 1 septembre 2024');
    await page.screenshot({ path: join(OUTPUT, 'french-date-echo.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirmer la date de fin' }).click();
    await page.getByText('Votre affiliation à Ministère de l’Europe a pris fin le 1 sept. 2024.').waitFor();

    const profile = (await api.get<PersonProfileResponse>(`/api/people/${delegate.id}`)).body;
    expect(profile.affiliations.find((a) => a.organisation.name === 'Ministère de l’Europe')?.endDate).toBe('2024-09-01');
  });

  it('refuses a day that does not exist before anything is sent', async () => {
    const page = await frenchAppInEnglishBrowser();
    await page.goto(`${t.baseUrl}/chair-terms`);
    const from = page.getByRole('textbox', { name: /^Du/ });
    await from.fill('31/02/2024');
    expect(await page.getByTestId('date-echo').first().textContent()).toBe('Date incomplète ou inexistante : tapez-la sous la forme jj/mm/aaaa');
    expect(new URL(page.url()).searchParams.get('from')).toBeNull();
    await from.fill('01/09/2024');
    await page.waitForURL((url) => url.searchParams.get('from') === '2024-09-01');
    expect(await page.getByTestId('date-echo').first().textContent()).toBe('Date lue : 1 septembre 2024');
  });

  it('walks the main French pages: the glossary’s words, and none of the English the server stores', async () => {
    const page = await frenchAppInEnglishBrowser();
    await browsers.signInWith(page, session);
    const amendmentBallot = ballots.find((b) => b.subject.type === 'amendment')!;
    const chairBallot = chairBallots[0];
    const pages: [string, string][] = [
      ['group', `/working-groups/${groupId}`],
      ['document', `/documents/${documentId}`],
      ['amendment ballot', `/ballots/${amendmentBallot.id}`],
      ['chair-confirmation ballot', `/ballots/${chairBallot.id}`],
      ['public record', `/working-groups/${groupId}/record`],
      ['audit log', `/working-groups/${groupId}/audit`],
      ['provenance', `/documents/${documentId}/versions/2/provenance`],
      ['dispositions', `/documents/${documentId}/versions/2/dispositions`],
      ['chair terms', '/chair-terms'],
      ['profile', '/me'],
      ['public profile', `/people/${session.me.id}`],
    ];
    const found: string[] = [];
    const texts = new Map<string, string>();
    for (const [name, path] of pages) {
      const text = await read(page, path);
      texts.set(name, text);
      found.push(...englishIn(text, SERVER_ENGLISH).map((e) => `${name}: ${e}`));
      await page.screenshot({ path: join(OUTPUT, `french-walk-${name.replace(/\W+/g, '-')}.png`) });
    }
    expect(found).toEqual([]);

    // The glossary's words where the French once mixed them.
    const all = [...texts.values()].join('\n');
    expect(all).not.toMatch(/\bclauses?\b/i);
    expect(all).not.toMatch(/vote de confirmation|vote d’adoption|Voir le vote/);
    expect(texts.get('chair terms')).toContain('Scrutin de confirmation');
    expect(texts.get('amendment ballot')).toMatch(/Amendement : (remplacement du|insertion après le|suppression du) paragraphe \d+ de « /);
    expect(texts.get('provenance')).toMatch(/Amendement intégré dans la version \d+, proposé par/);
    expect(texts.get('provenance')).not.toMatch(/intégré dans la version \d+, de/);
    // The French pages download CSV with a French header row (the columns unchanged).
    await page.goto(`${t.baseUrl}/chair-terms`);
    const csvLink = page.getByTestId('csv-link');
    await csvLink.waitFor();
    const href = (await csvLink.getAttribute('href'))!;
    expect(new URL(href, t.baseUrl).searchParams.get('lang')).toBe('fr');
    const csv = (await (await fetch(new URL(href, t.baseUrl))).text()).replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0].split(',').slice(0, 3)).toEqual(['id_mandat', 'id_groupe_de_travail', 'groupe_de_travail']);

    await page.goto(`${t.baseUrl}/documents/${documentId}`);
    const clauseButton = page.getByRole('button', { name: /^Paragraphe 4 : / }).first();
    await clauseButton.waitFor();
    expect(await clauseButton.textContent()).not.toContain('4.:');
  });

  it('says, on version 2’s disposition report, which version comments were made on, and offers those carried from version 1', async () => {
    const page = await frenchAppInEnglishBrowser();
    await read(page, `/documents/${documentId}/versions/2/dispositions`);
    await page.getByRole('heading', { name: 'Commentaires faits sur des versions antérieures' }).waitFor();
    const show = page.getByRole('button', { name: /^Afficher les? commentaires? des versions antérieures \(\d+\)$/ });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    await show.click();
    const carried = page.getByTestId('carried-comments');
    await carried.waitFor();
    const text = await carried.innerText();
    expect(text).toContain('fait sur la version 1');
    expect(text).toContain('Retenu');
    expect(text).not.toContain('fait sur la version 2');
    await page.screenshot({ path: join(OUTPUT, 'french-dispositions-carried.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  /* The server stores these two in English in the ballot's description; the page must say them from the nomination. */
  it('shows no English on the French chair-confirmation ballot ("The term would have no end date", "Nominated by")', async () => {
    const page = await frenchAppInEnglishBrowser();
    expect(chairBallots.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const b of chairBallots) found.push(...englishIn(await read(page, `/ballots/${b.id}`), CHAIR_BALLOT_ENGLISH).map((e) => `${b.id}: ${e}`));
    expect(found).toEqual([]);
  });
});
