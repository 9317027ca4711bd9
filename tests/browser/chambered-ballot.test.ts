import type { Page } from 'playwright-core';
import type { BallotResponse } from '@parley/contracts';
import { axeViolations, Browsers, type Language, screenshot, webBuildSnapshot } from '../support/browser';
import { newDelegate } from '../support/factories';
import { admit, makeChair, newWorkingGroup } from '../support/governance-fixtures';
import { openMotion } from '../support/ballot-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const PASSWORD = 'correct horse battery';

type Delegate = Awaited<ReturnType<typeof newDelegate>>;

/**
 * Three delegates, one per stakeholder group, vote on a chambered ballot, each in their own browser:
 * the company votes no, the others yes. The government delegate chairs and closes it; every page
 * then shows that it failed, and why: no majority in the private sector.
 */
describe('a chambered ballot in three browsers', () => {
  let t: TestApp;
  let government: Delegate;
  let company: Delegate;
  let civil: Delegate;
  let ballot: BallotResponse;
  let browsers: Browsers;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1200, height: 900 } });
    [government, company, civil] = await Promise.all([
      newDelegate(
        t.baseUrl,
        { name: `Ministry of Foreign Affairs ${Date.now()}`, stakeholderGroup: 'government', subtype: 'national', country: 'FR' },
        'Ambassador for digital affairs',
      ),
      newDelegate(
        t.baseUrl,
        { name: `Globex Systems ${Date.now()}`, stakeholderGroup: 'private-sector', subtype: 'company', country: 'US' },
        'Director of public policy',
      ),
      newDelegate(t.baseUrl, { name: `Digital Rights Watch ${Date.now()}`, stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'KE' }, 'Policy lead'),
    ]);
    const group = await newWorkingGroup(t.dataSource, government, { name: 'Working group on supply-chain security' });
    for (const p of [government, company, civil]) await admit(t.dataSource, group, p);
    await makeChair(t.dataSource, group, government);
    ballot = await openMotion(government, group, {
      title: 'That vendors disclose known vulnerabilities to a coordinating body within 30 days',
      description: 'A motion on principle 6 (lifecycle security), to guide the next draft.',
      rule: 'chambered',
      quorum: 0.5,
      requireReasonForNo: true,
    });
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  async function browserFor(who: Delegate, language: Language = 'en'): Promise<Page> {
    const page = await browsers.openLoggedIn(who.email, PASSWORD, { language });
    await page.goto(`${t.baseUrl}/ballots/${ballot.id}`);
    await page.getByRole('heading', { level: 1, name: ballot.title }).waitFor();
    return page;
  }

  it('each votes in their own browser; the chair closes; every page names the failing group', async () => {
    const chairPage = await browserFor(government);
    const companyPage = await browserFor(company);
    const civilPage = await browserFor(civil, 'fr');

    // The page explains the rule and quorum in plain words before anyone votes.
    await chairPage.getByText('Majority in every stakeholder group').waitFor();
    await chairPage.getByText(/Quorum: 50% of the electorate must take part/).waitFor();
    await chairPage.getByText(/^Closes in /).waitFor();
    expect(await axeViolations(chairPage)).toEqual([]);

    // Government: mouse.
    await chairPage.getByRole('radio', { name: 'Yes' }).check();
    await chairPage.getByRole('button', { name: 'Cast my vote' }).click();
    await chairPage.getByText('You voted: Yes').waitFor();

    // Company: no, which this ballot asks to justify; the reason field appears and is required.
    await companyPage.getByRole('radio', { name: 'No' }).check();
    await companyPage.getByRole('button', { name: 'Cast my vote' }).click();
    await companyPage.getByText('This ballot needs a reason for a no vote.').waitFor();
    await companyPage.getByRole('textbox', { name: /Reason/ }).fill('Thirty days is too short for embedded products');
    await companyPage.getByRole('button', { name: 'Cast my vote' }).click();
    await companyPage.getByText('You voted: No').waitFor();

    // Civil society, in French, by keyboard only.
    await civilPage.getByText('Majorité dans chaque groupe de parties prenantes').waitFor();
    await civilPage.getByRole('radio', { name: 'Oui' }).focus();
    await civilPage.keyboard.press('Space');
    // Past the optional reason (every choice offers one) to the button.
    await civilPage.keyboard.press('Tab');
    await civilPage.keyboard.press('Tab');
    await civilPage.keyboard.press('Enter');
    await civilPage.getByText('Votre vote : Oui').waitFor();

    // The chair's page follows the running tally (polling) and the roll call with reasons.
    await chairPage.getByTestId('tally-private-sector').getByText('0 yes · 1 no').waitFor({ timeout: 10_000 });
    await chairPage.getByTestId('tally-civil-society').getByText('1 yes · 0 no').waitFor({ timeout: 10_000 });
    await chairPage.getByRole('cell', { name: 'Thirty days is too short for embedded products' }).waitFor();
    await screenshot(chairPage, 'chambered-ballot-open.png');

    // The chair closes early, confirming first.
    await chairPage.getByRole('button', { name: 'Close the ballot now…' }).click();
    await chairPage.getByLabel('Reason for closing early').fill('Every member has voted.');
    await chairPage.getByRole('button', { name: 'Close the ballot', exact: true }).click();

    const explanation = 'Failed: Private sector 0 yes – 1 no; a majority is needed in every stakeholder group.';
    await chairPage.getByTestId('ballot-explanation').getByText(explanation).waitFor();
    await companyPage.getByTestId('ballot-explanation').getByText(explanation).waitFor({ timeout: 10_000 });
    await civilPage
      .getByTestId('ballot-explanation')
      .getByText('Rejeté : Secteur privé 0 oui – 1 non ; une majorité est requise dans chaque groupe de parties prenantes.')
      .waitFor({ timeout: 10_000 });
    expect(await chairPage.getByTestId('ballot-outcome').getByText('Failed', { exact: true }).count()).toBe(1);
    await chairPage.getByTestId('ballot-outcome').getByText('no majority here').waitFor();
    // No more voting once closed.
    expect(await companyPage.getByRole('button', { name: /Change my vote|Cast my vote/ }).count()).toBe(0);

    await screenshot(chairPage, 'chambered-ballot.png');
    await screenshot(civilPage, 'chambered-ballot-fr.png');
    expect(await axeViolations(chairPage)).toEqual([]);

    // The stored result says the same.
    const stored = await company.client.get<BallotResponse>(`/api/ballots/${ballot.id}`);
    expect(stored.body).toMatchObject({ status: 'closed', outcome: 'failed', closedBy: { id: government.id } });
    expect(stored.body.result?.explanation).toBe('Failed: private-sector 0 yes – 1 no; a majority is needed in every stakeholder group.');
  });
});
