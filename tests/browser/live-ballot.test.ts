import type { Page } from 'playwright-core';
import type { BallotResponse } from '@parley/contracts';
import { axeViolations, Browsers, webBuildSnapshot } from '../support/browser';
import { newDelegate } from '../support/factories';
import { admit, makeChair, newWorkingGroup } from '../support/governance-fixtures';
import { openMotion } from '../support/ballot-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const PASSWORD = 'correct horse battery';
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
  let browsers: Browsers;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1200, height: 900 } });
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
    await browsers?.close();
    await t?.close();
  });

  async function open(who: Delegate): Promise<Page> {
    const page = await browsers.openLoggedIn(who.email, PASSWORD, { reportPageErrorsAs: who.name });
    await page.goto(`${t.baseUrl}/ballots/${ballot.id}`);
    await page.getByRole('heading', { level: 1, name: ballot.title }).waitFor();
    return page;
  }

  const presence = (page: Page) => page.getByRole('region', { name: 'Who is viewing this page' });

  it('shows who else is here, a vote cast elsewhere without a reload, and a reader leaving', async () => {
    const a = await open(chair);
    const b = await open(ngo);

    // Presence: each sees both, in the affiliation form (name, organisation, stakeholder group).
    for (const page of [a, b]) {
      await presence(page).getByRole('link', { name: chair.name }).waitFor({ timeout: 10_000 });
      await presence(page).getByRole('link', { name: ngo.name }).waitFor({ timeout: 10_000 });
    }
    await presence(b).getByText(chair.organisation.name).waitFor();
    await presence(b).getByText('Government').waitFor();

    // A marker that a reload would wipe. Once the page has settled (its first load, and the refetch after its socket
    // joined the room) it reads nothing more by itself, for longer than the 3 s poll it would run if it were not live.
    await b.evaluate(() => ((window as unknown as { __stillHere: boolean }).__stillHere = true));
    const ballotReads: number[] = [];
    b.on('request', (r) => {
      if (new URL(r.url()).pathname === `/api/ballots/${ballot.id}`) ballotReads.push(Date.now());
    });
    const settledBy = Date.now() + 30_000;
    for (let seen = -1; seen !== ballotReads.length && Date.now() < settledBy;) {
      seen = ballotReads.length;
      await b.waitForTimeout(3500);
    }
    const before = ballotReads.length;

    await a.getByRole('radio', { name: 'Yes' }).check();
    const cast = Date.now();
    await a.getByRole('button', { name: 'Cast my vote' }).click();
    await a.getByText('You voted: Yes').waitFor();
    await b.getByText('1 of 2 voters has voted').waitFor({ timeout: 5000 });
    expect(Date.now() - cast).toBeLessThan(5000);
    expect(ballotReads.length).toBeGreaterThan(before);
    expect(await b.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true);

    // The chair closes their browser: they leave the other's presence bar within seconds.
    await a.context().close();
    await presence(b).getByRole('link', { name: chair.name }).waitFor({ state: 'detached', timeout: 10_000 });
    await presence(b).getByRole('link', { name: ngo.name }).waitFor();

    // The page with its presence bar still passes the automated accessibility checks.
    expect(await axeViolations(b)).toEqual([]);
  });
});
