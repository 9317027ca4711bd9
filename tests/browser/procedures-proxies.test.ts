import type { BallotResponse } from '@parley/contracts';
import type { Page } from 'playwright-core';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { confirmAffiliation, newDelegate, newPerson, type SignedIn } from '../support/factories';
import { admit, makeChair, newWorkingGroup, type GroupFixture } from '../support/governance-fixtures';
import { openMotion } from '../support/ballot-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const PASSWORD = 'correct horse battery';
const PHONE = { width: 375, height: 800 };

/**
 * Proxy votes with a public trail (issue #19, decision record 0040), as delegates would use them: a
 * delegate gives her vote on a ballot to a colleague of her delegation from the group page; he sees
 * that he also votes for her and casts both votes; the roll call says "cast by … for …", in English
 * and, on a phone, in French.
 */
describe('proxies in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let group: GroupFixture;
  let ana: SignedIn;
  let ben: SignedIn;
  let ballot: BallotResponse;

  const openAs = (who: SignedIn, language: 'en' | 'fr' = 'en', viewport?: { width: number; height: number }): Promise<Page> =>
    browsers.openLoggedIn(who.email, PASSWORD, { language, reportPageErrorsAs: who.name, ...(viewport ? { viewport } : {}) });

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    const chair = await newDelegate(t.baseUrl, { name: 'Republic of France', stakeholderGroup: 'government', subtype: 'national', country: 'FR' }, 'Ambassador');
    const canada = await newDelegate(t.baseUrl, { name: 'Canada', stakeholderGroup: 'government', subtype: 'national', country: 'CA' }, 'Cyber diplomat');
    ana = { ...canada, name: canada.name };
    ben = await newPerson(t.baseUrl);
    const aff = await ben.client.post<{ id: string }>('/api/me/affiliations', { organisationId: canada.organisation.id, title: 'Deputy', startDate: '2020-01-01' });
    await confirmAffiliation(t.baseUrl, aff.body.id);
    group = await newWorkingGroup(t.dataSource, chair, { name: 'Working group on proxies' });
    for (const p of [chair, ana, ben]) await admit(t.dataSource, group, p);
    await makeChair(t.dataSource, group, chair);
    ballot = await openMotion(chair, group, { title: 'That the group meets in Nairobi' });
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('a delegate gives her vote on a ballot to a colleague from the group page; the public list shows it', async () => {
    const page = await openAs(ana);
    await page.goto(`${t.baseUrl}/working-groups/${group.id}`);
    const panel = page.getByTestId('proxies-panel');
    await panel.getByText('Nobody holds more than 1 proxy at once').waitFor();
    const form = panel.getByTestId('give-proxy-form');
    // Only the colleague of her own organisation is offered (not the chair of another government).
    const options = await form.getByRole('combobox', { name: /To whom/ }).locator('option').allTextContents();
    expect(options.filter((o) => o !== '—')).toEqual([`${ben.name} (Canada)`]);
    await form.getByRole('combobox', { name: /To whom/ }).selectOption({ label: `${ben.name} (Canada)` });
    await form.getByRole('radio', { name: 'One ballot' }).check();
    await form.getByRole('combobox', { name: 'Ballot' }).selectOption({ label: 'That the group meets in Nairobi' });
    await form.getByRole('button', { name: 'Give my vote' }).click();
    const row = panel.getByTestId('proxy-row');
    await row.getByText('Ballot: That the group meets in Nairobi').waitFor();
    await row.getByText('In force').waitFor();
    await row.getByRole('button', { name: `Revoke the proxy given to ${ben.name}` }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'proxies-group-en.png', { fullPage: true });
  });

  it('the holder votes for himself and for her; the roll call says cast by him for her', async () => {
    const page = await openAs(ben);
    await page.goto(`${t.baseUrl}/ballots/${ballot.id}`);
    const own = page.getByRole('region', { name: 'Your vote' });
    await own.getByRole('radio', { name: 'Yes' }).check();
    await own.getByRole('button', { name: 'Vote' }).click();
    await page.getByTestId('my-vote').getByText('You voted: Yes').waitFor();

    const proxy = page.getByTestId('proxy-vote');
    await proxy.getByRole('heading', { name: `You also vote for ${ana.name} (proxy)` }).waitFor();
    await proxy.getByRole('radio', { name: 'No' }).check();
    await proxy.getByRole('button', { name: `Vote for ${ana.name}` }).click();
    await proxy.getByText(`Vote cast for ${ana.name}: No`).waitFor();

    const castBy = page.getByTestId('roll-call-cast-by');
    await castBy.getByText(`cast by ${ben.name} for ${ana.name}`).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'proxies-ballot-holder-en.png', { fullPage: true });
  });

  it('in French on a phone, anyone reads the roll call and the proxies without signing in', async () => {
    const page = await browsers.open({ language: 'fr', viewport: PHONE });
    await page.goto(`${t.baseUrl}/ballots/${ballot.id}`);
    await page.getByTestId('roll-call-cast-by').getByText(`émis par ${ben.name} pour ${ana.name}`).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'proxies-ballot-fr-phone.png', { fullPage: true });
    await page.goto(`${t.baseUrl}/working-groups/${group.id}`);
    const panel = page.getByTestId('proxies-panel');
    await panel.getByText('Procurations données dans ce groupe').waitFor();
    await panel.getByTestId('proxy-row').getByText('En vigueur').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'proxies-group-fr-phone.png', { fullPage: true });
  });
});
