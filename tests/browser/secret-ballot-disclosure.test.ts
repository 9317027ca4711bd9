import type { BallotResponse } from '@parley/contracts';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { newDelegate } from '../support/factories';
import { admit, makeChair, newWorkingGroup } from '../support/governance-fixtures';
import { openMotion } from '../support/ballot-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * A secret ballot where civil society has one voter (an academic voting yes): the public ballot page
 * must not show that row's counts, nor the private sector's (its complement: civil society would
 * otherwise be the totals less the published rows), and says the rule, in English and in French,
 * on a desktop and on a phone, axe clean (decision 0014).
 */
describe('a secret ballot’s page withholds breakdown rows that would tell a vote', () => {
  let t: TestApp;
  let browsers: Browsers;
  let ballot: BallotResponse;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl);
    const person = (stakeholderGroup: string, subtype: string) => newDelegate(t.baseUrl, { stakeholderGroup, subtype, country: 'FR' });
    const government = await Promise.all([1, 2, 3, 4, 5, 6].map(() => person('government', 'national')));
    const companies = await Promise.all([1, 2, 3, 4, 5].map(() => person('private-sector', 'company')));
    const academic = await person('civil-society', 'academia');
    const chair = government[0];
    const group = await newWorkingGroup(t.dataSource, chair, { name: 'Working group on vulnerability disclosure' });
    for (const p of [...government, ...companies, academic]) await admit(t.dataSource, group, p);
    await makeChair(t.dataSource, group, chair);
    ballot = await openMotion(chair, group, { title: 'That the group asks for a 90-day disclosure window', visibility: 'secret' });
    const votes: [typeof chair, string][] = [
      ...government.map((p, i): [typeof chair, string] => [p, i < 4 ? 'yes' : 'no']),
      ...companies.map((p, i): [typeof chair, string] => [p, i < 3 ? 'yes' : 'no']),
      [academic, 'yes'],
    ];
    for (const [who, choice] of votes) expect((await who.client.post(`/api/ballots/${ballot.id}/votes`, { choice })).status).toBe(200);
    expect((await chair.client.post(`/api/ballots/${ballot.id}/close`, { reason: 'Closed early in a test.' })).status).toBe(200);
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('in English: the government row is shown, the civil-society and private-sector rows are withheld, and the rule is stated', async () => {
    const page = await browsers.open({ language: 'en' });
    await page.goto(`${t.baseUrl}/ballots/${ballot.id}`);
    await page.getByRole('heading', { level: 1, name: ballot.title }).waitFor();
    const outcome = page.getByTestId('ballot-outcome');
    await outcome.getByText('Passed', { exact: true }).waitFor();
    await page.getByTestId('tally-government').getByText('4 yes · 2 no').waitFor();
    await page.getByTestId('tally-civil-society').getByText('counts withheld (secret ballot)').waitFor();
    await page.getByTestId('tally-private-sector').getByText('counts withheld (secret ballot)').waitFor();
    expect(await page.getByTestId('tally-civil-society').getByText(/1 yes/).count()).toBe(0);
    await page
      .getByTestId('disclosure-note')
      .getByText(/fewer than 5 voters, or where everyone who voted chose alike, is withheld/)
      .waitFor();
    expect(await page.getByRole('img', { name: /Civil society: counts withheld/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'secret-ballot-disclosure-en.png');
  });

  it('the link preview (server-side description) does not claim that votes show who cast them', async () => {
    const html = await (await fetch(`${t.baseUrl}/ballots/${ballot.id}`)).text();
    const description = html.match(/<meta name="description" content="([^"]*)"/)?.[1] ?? '';
    expect(description).toContain('A secret ballot: only its totals and breakdowns are published.');
    expect(description).not.toContain('Every vote shows');
  });

  it('in French, on a phone: the same rows withheld, the rule in French, axe clean', async () => {
    const page = await browsers.open({ language: 'fr', viewport: { width: 390, height: 844 } });
    await page.goto(`${t.baseUrl}/ballots/${ballot.id}`);
    await page.getByRole('heading', { level: 1, name: ballot.title }).waitFor();
    await page.getByTestId('tally-civil-society').getByText('décompte non publié (scrutin secret)').waitFor();
    await page.getByTestId('tally-government').getByText('4 oui · 2 non').waitFor();
    await page
      .getByTestId('disclosure-note')
      .getByText(/moins de 5 votants, ou dont tous les votants ont fait le même choix, n’est pas publiée/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'secret-ballot-disclosure-fr-phone.png');
  });
});
