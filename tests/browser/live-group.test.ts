import type { JoinRequestResponse, WorkingGroupResponse } from '@parley/contracts';
import { Browsers, webBuildSnapshot } from '../support/browser';
import { newDelegate } from '../support/factories';
import { newWorkingGroup } from '../support/working-group-factories';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** A reader who is not signed in watches a group's public page while a delegate joins it: the member list grows without a reload. */
describe('a working-group page is live for a reader who is not signed in', () => {
  let t: TestApp;
  let group: WorkingGroupResponse;
  let browsers: Browsers;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl);
    const convener = await newDelegate(t.baseUrl, { stakeholderGroup: 'government', subtype: 'national', country: 'CA' }, 'Cyber diplomat');
    group = await newWorkingGroup(convener.client, { name: 'Working group on cyber capacity building', joinPolicy: 'open' });
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('shows a new member, with their affiliation, as they join', async () => {
    const page = await browsers.open({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${t.baseUrl}/working-groups/${group.id}`);
    await page.getByRole('heading', { level: 1, name: group.name }).waitFor();
    await page.evaluate(() => ((window as unknown as { __stillHere: boolean }).__stillHere = true));
    // Once the page has settled (its first load, and the refetch after its socket joins the room) it reads nothing more by
    // itself, for longer than any poll would wait: what follows can only come over the socket.
    const groupReads: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith(`/api/working-groups/${group.id}`)) groupReads.push(r.url());
    });
    const settledBy = Date.now() + 30_000;
    for (let seen = -1; seen !== groupReads.length && Date.now() < settledBy;) {
      seen = groupReads.length;
      await page.waitForTimeout(3500);
    }
    const before = groupReads.length;

    const newcomer = await newDelegate(
      t.baseUrl,
      { name: `Cyber Capacity Centre ${Date.now()}`, stakeholderGroup: 'civil-society', subtype: 'academia', country: 'GH' },
      'Research fellow',
    );
    const res = await newcomer.client.post<JoinRequestResponse>(`/api/working-groups/${group.id}/join-requests`, {
      kind: 'member',
      statement: 'Our centre trains CERT staff across West Africa.',
    });
    expect(res.status).toBe(201);

    const members = page.getByRole('region', { name: /^Members/ }).or(page.locator('section[aria-labelledby="wg-members"]'));
    await members.getByRole('link', { name: newcomer.name }).waitFor({ timeout: 10_000 });
    await members.getByText(newcomer.organisation.name).first().waitFor();
    expect(groupReads.length).toBeGreaterThan(before);
    expect(await page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere)).toBe(true);
  });
});
