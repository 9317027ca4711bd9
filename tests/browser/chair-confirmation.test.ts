import type { WorkingGroupListResponse } from '@parley/contracts';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { axeViolations, Browsers, demoApiAs, screenshot, webBuildSnapshot } from '../support/browser';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const NORMS = 'Working group on international norms';
const MEI = 'Mei Lin Tan'; // Asia Pacific Network Information Centre: civil society (technical community), in no demo group
const CHAIR = 'Jonathan Reed'; // Microsoft: one of the group's chairs nobody confirmed

/**
 * The journey the product exists for: a civil-society delegate joins the international-norms group
 * (whose chairs were never confirmed), nominates herself, accepts, the members confirm her in a
 * chambered ballot, and who-chaired-what shows her term with the ballot that confirmed it.
 */
describe('a chair confirmed by the members, shown in who chaired what', () => {
  let t: TestApp;
  let groupId: string;
  let browsers: Browsers;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    await t.app.get(DemoSeeder).seed();
    const list = (await new ApiClient(t.baseUrl).get<WorkingGroupListResponse>('/api/working-groups')).body;
    groupId = list.items.find((g) => g.name === NORMS)!.id;
    // The demo's norms group admits by non-objection (decision 0039); this journey is the one of a group that admits on a chair's approval.
    const back = await (await demoApiAs(t.baseUrl, CHAIR)).patch(`/api/working-groups/${groupId}/procedure-rules`, { joinPolicy: 'approval', note: 'Back to admission on approval.' });
    if (back.status !== 200) throw new Error(`join policy: ${back.status} ${JSON.stringify(back.body)}`);
    browsers = new Browsers(t.baseUrl);
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('the group list shows composition bars and alarms; the group page says what is wrong, in words', async () => {
    const page = await browsers.logInAs(MEI);
    await page.getByRole('navigation').getByRole('link', { name: 'Working groups' }).click();
    await page.getByRole('heading', { level: 1, name: 'Working groups' }).waitFor();
    await page.getByTestId('working-group-card').first().waitFor();
    expect(await page.getByTestId('working-group-card').count()).toBe(3);
    await page.getByText(/has the most private-sector voting members of all 3 working groups/).waitFor();
    await screenshot(page, 'working-groups-list.png');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: NORMS }).click();
    await page.getByRole('heading', { level: 1, name: NORMS }).waitFor();
    await page.getByText('Critical: 3 rules are broken').waitFor();
    for (const chair of ['Jonathan Reed (Microsoft)', 'Mikko Virtanen (F-Secure)', 'Giulia Rossi (University of Florence research centre)'])
      await page.getByText(new RegExp(`^${chair.replace(/[()]/g, '\\$&')} has chaired since .* without a confirming ballot\\.$`)).waitFor();
    expect(await page.getByTestId('unconfirmed-badge').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'working-group-alarms.png');
    expect(await axeViolations(page)).toEqual([]);

    // The same alarms in French, from the same machine codes.
    const fr = await browsers.logInAs(MEI, 'fr');
    await fr.goto(`${t.baseUrl}/working-groups/${groupId}`);
    await fr.getByText(/^Jonathan Reed \(Microsoft\) préside depuis le .* sans scrutin de confirmation\.$/).waitFor();
    await fr.getByText('Critique : 3 règles sont enfreintes').waitFor();
    await screenshot(fr, 'working-group-alarms-fr.png');
  });

  it('she asks to join, a sitting chair admits her, she nominates herself, accepts, and lands on the ballot', async () => {
    const mei = await browsers.logInAs(MEI);
    await mei.goto(`${t.baseUrl}/working-groups/${groupId}`);
    await mei.getByRole('button', { name: 'Ask to join' }).click();
    await mei.getByRole('radio', { name: 'Member (votes)' }).check();
    await mei.getByRole('textbox', { name: /^Statement/ }).fill('APNIC asks to join so that the commentary reflects how internet numbering works.');
    await mei.getByRole('button', { name: 'Send my request' }).click();
    await mei.getByText(/You asked to join as member on .*; a chair will answer your request\./).waitFor();

    const chair = await browsers.logInAs(CHAIR);
    await chair.goto(`${t.baseUrl}/working-groups/${groupId}`);
    await chair.getByRole('heading', { name: '1 request to join' }).waitFor();
    await chair.getByText('“APNIC asks to join so that the commentary reflects how internet numbering works.”').waitFor();
    await chair.getByRole('button', { name: `Admit ${MEI}` }).click();
    await chair.getByRole('dialog', { name: `Admit ${MEI}` }).getByRole('button', { name: /^Admit( anyway)?$/ }).click();
    await chair.getByRole('heading', { name: '0 requests to join' }).waitFor();

    await mei.reload();
    await mei.getByTestId('my-standing').getByText('You take part as: member.').waitFor();
    await mei.getByRole('button', { name: 'Nominate a chair' }).click();
    const form = mei.getByRole('form', { name: 'Nominate a chair' });
    await form.getByRole('textbox', { name: /^Nominee/ }).click();
    await mei.getByRole('option', { name: `Myself (${MEI})` }).click();
    await form.getByRole('textbox', { name: /^Statement/ }).fill('I will chair in the open and answer every clarification request.');
    await form.getByRole('button', { name: 'Nominate' }).click();
    const nomination = mei.getByTestId('nomination').filter({ hasText: MEI });
    await nomination.getByText('Awaiting the nominee\'s answer').waitFor();
    await nomination.getByText('Accepting opens a ballot of the members, decided by a majority in each stakeholder group.').waitFor();
    await nomination.getByRole('button', { name: 'Accept and open the ballot' }).click();
    await mei.waitForURL(/\/ballots\/[0-9a-f-]{36}$/);
    await mei.getByRole('heading', { level: 1, name: `Confirm ${MEI} (Asia Pacific Network Information Centre) as chair of ${NORMS}` }).waitFor();
    await mei.getByText('Majority in every stakeholder group').waitFor();
    await mei.getByRole('radio', { name: 'Yes' }).check();
    await mei.getByRole('button', { name: 'Cast my vote' }).click();
    await mei.getByText('You voted: Yes').waitFor();
  });

  it('the members confirm her; who chaired what shows her term with its ballot, and the group page her confirmed chair', async () => {
    const group = (await new ApiClient(t.baseUrl).get(`/api/working-groups/${groupId}`)).body;
    const nomination = group.nominations.find((n: { nominee: { name: string } }) => n.nominee.name === MEI);
    const ballotId: string = nomination.ballot.id;
    // Every other voting member votes yes: a majority in each stakeholder group.
    for (const m of group.members as { person: { name: string }; kind: string }[]) {
      if (m.kind !== 'member' || m.person.name === MEI) continue;
      const res = await (await demoApiAs(t.baseUrl, m.person.name)).post(`/api/ballots/${ballotId}/votes`, { choice: 'yes' });
      expect([m.person.name, res.status]).toEqual([m.person.name, 200]);
    }
    // A sitting (unconfirmed) chair closes the ballot early.
    const closed = await (await demoApiAs(t.baseUrl, CHAIR)).post(`/api/ballots/${ballotId}/close`, { reason: 'Closed early in a test.' });
    expect(closed.body.outcome).toBe('passed');

    const mei = await browsers.logInAs(MEI);
    await mei.getByRole('navigation').getByRole('link', { name: 'Chairs' }).click();
    await mei.getByRole('heading', { level: 1, name: 'Who chaired what' }).waitFor();
    await mei.getByRole('textbox', { name: 'Working group' }).click();
    await mei.getByRole('option', { name: NORMS }).click();
    await mei.waitForURL(new RegExp(`workingGroup=${groupId}`));
    // The other groups' chairs leave the list.
    await mei.getByTestId('chair-term-row').filter({ hasText: 'Philippe Martin' }).waitFor({ state: 'detached' });
    const row = mei.getByTestId('chair-term-row').filter({ hasText: MEI });
    await row.waitFor();
    const link = row.getByTestId('confirming-ballot');
    expect(await link.textContent()).toBe('Ballot passed');
    expect(await link.getAttribute('href')).toBe(`/ballots/${ballotId}`);
    expect(await mei.getByTestId('chair-term-row').filter({ hasText: 'Never confirmed by a ballot' }).count()).toBe(3);
    expect(await mei.getByTestId('csv-link').getAttribute('href')).toBe(`/api/chair-terms.csv?workingGroup=${groupId}&lang=en`);
    await mei.getByTestId('timeline-term').filter({ hasText: MEI }).getByText(/Confirmed by ballot/).waitFor();
    await screenshot(mei, 'who-chaired-what.png');
    expect(await axeViolations(mei)).toEqual([]);

    await link.click();
    await mei.waitForURL(new RegExp(`/ballots/${ballotId}$`));
    await mei.getByRole('heading', { level: 1, name: `Confirm ${MEI} (Asia Pacific Network Information Centre) as chair of ${NORMS}` }).waitFor();

    await mei.goto(`${t.baseUrl}/working-groups/${groupId}`);
    const chairs = mei.getByTestId('chair').filter({ hasText: MEI });
    await chairs.getByText('Confirmed by ballot').waitFor();
    await screenshot(mei, 'working-group-confirmed-chair.png');

    // Her public profile lists the term too.
    await mei.getByTestId('chair').filter({ hasText: MEI }).getByRole('link', { name: MEI }).click();
    await mei.getByRole('heading', { level: 2, name: 'Chair terms' }).waitFor();
    await mei.getByTestId('chair-term-row').filter({ hasText: NORMS }).getByText('Ballot passed').waitFor();
  });
});
