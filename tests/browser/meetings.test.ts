import type { Page } from 'playwright-core';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { newDraftingGroup, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(300_000);

const PASSWORD = 'correct horse battery';
const PHONE = { width: 390, height: 844 };

/** "2027-03-12T14:00" for a datetime-local input, `days` from now, in UTC (the test browser's zone). */
const local = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
};

/**
 * A session in the browser (issue #21): the chair schedules and opens it; three delegates of three
 * stakeholder groups check in and ask for the floor; the chair gives it in turn, a point of order
 * jumping the queue; the session closes; the public record (the session's page, not signed in)
 * shows speaking time by stakeholder group, with the alarm when one holds more than the cap.
 */
describe('a session in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;

  const openAs = (who: Pick<Delegate, 'email' | 'name'>, viewport?: { width: number; height: number }): Promise<Page> =>
    browsers.openLoggedIn(who.email, PASSWORD, { reportPageErrorsAs: who.name, ...(viewport ? { viewport } : {}) });
  const noOverflow = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    g = await newDraftingGroup(t);
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('the chair schedules and opens a session, delegates check in and speak in turn, and the public record shows speaking time by group', async () => {
    // The chair schedules the session from the group's page.
    const chair = await openAs(g.chair);
    await chair.goto(`${t.baseUrl}/working-groups/${g.id}`);
    const section = chair.getByTestId('group-meetings');
    await section.getByRole('heading', { name: 'Sessions', exact: true }).waitFor();
    expect(await section.getByRole('link', { name: 'Subscribe in your calendar' }).getAttribute('href')).toBe(`/api/working-groups/${g.id}/calendar.ics`);
    await section.getByTestId('schedule-meeting').click();
    const form = chair.getByTestId('schedule-meeting-form');
    await form.getByRole('textbox', { name: 'Title' }).fill('Second formal session');
    await form.getByLabel('Starts').fill(local(0, 9));
    await form.getByLabel('Ends').fill(local(0, 23));
    await form.getByRole('textbox', { name: 'Place' }).fill('Palais des Nations, Room XIX');
    await form.getByRole('textbox', { name: 'Online link' }).fill('https://meet.example.org/wg-second');
    await form.getByRole('textbox', { name: /Time limit per turn/ }).fill('2');
    await form.getByRole('textbox', { name: 'Agenda items' }).fill('Adoption of the agenda\nProgramme of work');
    expect(await axeViolations(chair)).toEqual([]);
    await screenshot(chair, 'meetings-schedule-1280.png');
    await form.getByRole('button', { name: 'Schedule' }).click();
    await chair.waitForURL(/\/meetings\/[0-9a-f-]+$/);
    const meetingUrl = chair.url();
    const meetingId = meetingUrl.split('/').pop() as string;
    await chair.getByRole('heading', { name: 'Second formal session', level: 1 }).waitFor();
    await chair.getByTestId('meeting-status').getByText('Planned').waitFor();
    expect(await chair.getByTestId('meeting-ics').getAttribute('href')).toBe(`/api/meetings/${meetingId}/calendar.ics`);
    expect(await chair.getByTestId('meeting-room-link').getAttribute('target')).toBe('_blank');
    expect(await chair.getByTestId('meeting-online-link').getAttribute('href')).toBe('https://meet.example.org/wg-second');

    // Opening asks for a confirmation.
    await chair.getByTestId('meeting-open').click();
    await chair.getByTestId('meeting-open-confirm').getByRole('button', { name: 'Open it' }).click();
    await chair.getByTestId('meeting-status').getByText('Under way').waitFor();
    const items = chair.getByTestId('agenda-item');
    if ((await items.first().getAttribute('data-current')) !== 'true')
      await items
        .first()
        .getByRole('button', { name: /Take up/ })
        .click();
    await chair.locator('[data-testid="agenda-item"][data-current="true"]').getByText('Adoption of the agenda').waitFor();
    expect(await axeViolations(chair)).toEqual([]);

    // Three delegates of three stakeholder groups check in and ask for the floor.
    const government = await openAs(g.government);
    const company = await openAs(g.company);
    const ngo = await openAs(g.ngo, PHONE);
    for (const [page, mode] of [
      [government, 'in-person'],
      [company, 'online'],
      [ngo, 'in-person'],
    ] as const) {
      await page.goto(meetingUrl);
      await page.getByTestId(`check-in-${mode}`).click();
      await page.getByTestId('my-attendance').waitFor();
    }
    await government.getByTestId('floor-ask').click();
    await government.getByTestId('floor-queue').getByText(g.government.name).waitFor();
    await company.getByTestId('floor-ask').click();
    await company.getByTestId('floor-queue').getByText(g.company.name).waitFor();
    await chair.getByTestId('quorum').waitFor();
    await chair.getByTestId('meeting-attendance').getByText(g.ngo.name).waitFor();

    // The chair gives the floor to the first in the queue: the government delegate.
    const queue = chair.getByTestId('floor-queue');
    await queue.getByText(g.company.name).waitFor();
    await queue.getByRole('button', { name: `Give the floor (next) to ${g.government.name}` }).click();
    await chair.getByTestId('floor-speaking').getByText(g.government.name).waitFor();
    await government.getByTestId('speaker-announce').getByText(`${g.government.name} has the floor.`).waitFor();
    await government.getByTestId('turn-elapsed').waitFor();
    await chair.waitForTimeout(4000);

    // A point of order jumps the queue.
    await ngo.getByTestId('floor-point-of-order').click();
    const first = chair.getByTestId('floor-queue-item').first();
    await first.getByText(g.ngo.name).waitFor();
    expect(await first.getAttribute('data-kind')).toBe('point-of-order');
    await first.getByText('Point of order').waitFor();
    expect(await axeViolations(ngo)).toEqual([]);
    await noOverflow(ngo);
    await screenshot(ngo, 'meetings-floor-390.png');
    await first.getByRole('button', { name: 'Give the floor (next)' }).click();
    await chair.getByTestId('floor-speaking').getByText(g.ngo.name).waitFor();
    await chair.getByTestId('floor-speaking').getByText('Point of order').waitFor();
    await ngo.getByTestId('floor-end').click();
    await chair.getByTestId('floor-speaking').getByText('Nobody has the floor.').waitFor();

    await chair.getByTestId('floor-queue-item').first().getByRole('button', { name: 'Give the floor (next)' }).click();
    await chair.getByTestId('floor-speaking').getByText(g.company.name).waitFor();
    await chair.waitForTimeout(1000);
    await chair.getByTestId('floor-end').click();
    await chair.getByTestId('floor-speaking').getByText('Nobody has the floor.').waitFor();
    expect(await axeViolations(chair)).toEqual([]);
    await screenshot(chair, 'meetings-chair-1280.png');

    // The session closes.
    await chair.getByTestId('meeting-close').click();
    await chair.getByTestId('meeting-close-confirm').getByRole('button', { name: 'Close it' }).click();
    await chair.getByTestId('meeting-status').getByText('Closed').waitFor();

    // The public record: the session's page without signing in.
    const reader = await browsers.open();
    await reader.goto(meetingUrl);
    await reader.getByRole('heading', { name: 'Second formal session', level: 1 }).waitFor();
    const byGroup = reader.getByTestId('speaking-by-group');
    await byGroup.locator('[data-speaking-group="government"]').getByText(/\d+ % · /).waitFor();
    expect(
      await reader
        .getByTestId('speaking-time')
        .getByText(/in 3 turns/)
        .count(),
    ).toBe(1);
    await reader
      .getByTestId('speaking-alarm')
      .getByText(/Governments have held \d+ % of the floor; the group's cap is 50 %\./)
      .waitFor();
    for (const org of [g.government.organisation.name, g.company.organisation.name, g.ngo.organisation.name])
      await reader.getByTestId('speaking-by-organisation').getByText(org).waitFor();
    // Who spoke, in order: the government, the point of order, the company.
    const spoke = reader.getByTestId('floor-past').locator('li');
    expect(await spoke.count()).toBe(3);
    expect(await spoke.nth(1).textContent()).toContain('Point of order');
    // No online link for the public; no buttons to act.
    expect(await reader.getByTestId('meeting-online-link').count()).toBe(0);
    expect(await reader.getByRole('button', { name: /Check in|Ask for the floor/ }).count()).toBe(0);
    expect(await axeViolations(reader)).toEqual([]);
    await screenshot(reader, 'meetings-public-1280.png');
    await reader.setViewportSize(PHONE);
    await noOverflow(reader);
    expect(await axeViolations(reader)).toEqual([]);
    await screenshot(reader, 'meetings-public-390.png');

    // The group's page lists it among past sessions.
    await chair.goto(`${t.baseUrl}/working-groups/${g.id}`);
    await chair.getByTestId('group-meetings').getByRole('link', { name: 'Second formal session' }).waitFor();
    await chair.setViewportSize(PHONE);
    await noOverflow(chair);
    await screenshot(chair, 'meetings-group-390.png');
  });
});
