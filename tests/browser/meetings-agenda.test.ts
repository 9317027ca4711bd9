import type { DocumentResponse, MeetingView, OpenedBallotResponse } from '@parley/contracts';
import type { Page } from 'playwright-core';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type DraftingGroup } from '../support/drafting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(300_000);

const PASSWORD = 'correct horse battery';
const HOUR = 3_600_000;
const PHONE = { width: 390, height: 844 };

/** "2026-12-06T15:00" in UTC, for a datetime-local input (the test browser's zone and the session's are UTC). */
const wall = (ms: number) => new Date(ms).toISOString().slice(0, 16);
/** "2:00": the hour as the page writes it in English (a range says AM/PM once, at its end). */
const clock = (ms: number) => new Intl.DateTimeFormat('en', { timeStyle: 'short', timeZone: 'UTC' }).format(new Date(ms)).replace(/\s?[AP]M$/, '');

/**
 * The agenda editor's links and the session's details in the browser (issue #21): from the session's
 * page the chair links an item to a paragraph of a document and to the group's open ballot, takes the
 * item up, and the room screen shows that paragraph and the ballot's tally; then the chair moves the
 * session by an hour with "Edit details" and the page shows the new time. In French on a phone too.
 */
describe('linking agenda items and changing a session from its page', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let meeting: MeetingView;
  const start = Math.floor(Date.now() / HOUR) * HOUR - HOUR;

  const ok = async <T>(res: Promise<{ status: number; body: T }>, what: string): Promise<T> => {
    const r = await res;
    if (![200, 201].includes(r.status)) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const noOverflow = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  /** Picks an option of a Mantine Select or MultiSelect, as a person does: open the list, click the option. */
  const pick = async (page: Page, box: ReturnType<Page['getByRole']>, option: string | RegExp) => {
    await box.click();
    await page.getByRole('option', { name: option }).click();
    await page.keyboard.press('Escape');
  };

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    const opened = await ok(
      g.chair.client.post<OpenedBallotResponse>(`/api/documents/${doc.id}/versions/1/adoption-ballot`, { closesAt: new Date(Date.now() + 2 * HOUR).toISOString() }),
      'adoption ballot',
    );
    await ok(g.ngo.client.post(`/api/ballots/${opened.ballotId}/votes`, { choice: 'yes' }), 'vote');
    meeting = await ok(
      g.chair.client.post<MeetingView>(`/api/working-groups/${g.id}/meetings`, {
        title: 'Fourth formal session',
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 3 * HOUR).toISOString(),
        timeZone: 'UTC',
        place: 'Room XVII, Palais des Nations',
        agenda: [{ title: 'Adoption of the agenda' }, { title: 'Principle 4: preventing malicious ICT activity' }],
      }),
      'schedule',
    );
    meeting = await ok(g.chair.client.post<MeetingView>(`/api/meetings/${meeting.id}/open`, {}), 'open');
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('the chair links an item to a paragraph and to the open ballot, takes it up, and the room screen shows both', async () => {
    const chair = await browsers.openLoggedIn(g.chair.email, PASSWORD, { reportPageErrorsAs: 'chair' });
    await chair.goto(`${t.baseUrl}/meetings/${meeting.id}`);
    await chair.getByRole('button', { name: 'Edit the agenda' }).click();
    const toggle = chair.getByRole('button', { name: 'Links of “Principle 4: preventing malicious ICT activity”' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const links = chair.getByRole('group', { name: 'What “Principle 4: preventing malicious ICT activity” links to' });
    await pick(chair, links.getByRole('textbox', { name: 'Document (optional)' }), doc.title);
    await pick(chair, links.getByRole('textbox', { name: 'Paragraphs under discussion (optional)' }), /^Clause 4\. — “Prevent/);
    await pick(chair, links.getByRole('textbox', { name: 'Ballot (optional)' }), /\(open\)$/);
    await links.getByText(/^Clause 4\. — “Prevent/).waitFor();
    expect(await axeViolations(chair)).toEqual([]);
    await screenshot(chair, 'meetings-agenda-links-1280.png');
    await chair.getByRole('button', { name: 'Save the agenda' }).click();
    await chair.getByTestId('agenda-editor').waitFor({ state: 'detached' });

    const saved = (await g.chair.client.get<MeetingView>(`/api/meetings/${meeting.id}`)).body;
    const item = saved.agenda[1];
    expect(item.document?.id).toBe(doc.id);
    expect(item.clauseIds).toEqual([clauseByLabel(doc, '4.').id]);
    expect(item.ballot?.status).toBe('open');
    // The item as the page lists it: its document, the paragraph and the ballot linked.
    const listed = chair.getByTestId('agenda-item').nth(1);
    await listed.getByRole('link', { name: 'Clause under discussion' }).waitFor();
    await listed.getByRole('link', { name: /^Ballot: / }).waitFor();

    await listed.getByRole('button', { name: 'Take up “Principle 4: preventing malicious ICT activity”' }).click();
    await chair.getByTestId('agenda-item').nth(1).getByText('Under discussion').waitFor();

    const room = await browsers.open({ viewport: { width: 1920, height: 1080 }, reportPageErrorsAs: 'room screen' });
    await room.goto(`${t.baseUrl}/meetings/${meeting.id}/room`);
    await room.getByTestId('room-item').getByText('Principle 4: preventing malicious ICT activity').waitFor();
    const clauses = room.getByTestId('room-clause');
    await clauses.first().getByText(/Prevent ICT-enabled theft of/).waitFor();
    expect(await clauses.count()).toBe(1);
    await room.getByTestId('room-tally').getByText('1 of 5 voters has voted').waitFor();
    expect(await axeViolations(room)).toEqual([]);
    await screenshot(room, 'meetings-agenda-room-1920.png', { fullPage: false });
  });

  it('the chair moves the session by an hour with "Edit details", and the page shows the new time', async () => {
    const chair = await browsers.openLoggedIn(g.chair.email, PASSWORD, { reportPageErrorsAs: 'chair' });
    await chair.goto(`${t.baseUrl}/meetings/${meeting.id}`);
    const when = chair.getByTestId('meeting-when');
    await when.getByText(new RegExp(clock(start))).waitFor();
    await chair.getByRole('button', { name: 'Edit details' }).click();
    const form = chair.getByTestId('meeting-details-form');
    expect(await form.getByLabel('Starts').inputValue()).toBe(wall(start));
    expect(await form.getByRole('textbox', { name: 'Place' }).inputValue()).toBe('Room XVII, Palais des Nations');
    expect(await axeViolations(chair)).toEqual([]);
    await screenshot(chair, 'meetings-details-1280.png');
    await form.getByLabel('Starts').fill(wall(start + HOUR));
    await form.getByLabel('Ends').fill(wall(start + 4 * HOUR));
    await form.getByRole('button', { name: 'Save the details' }).click();
    await form.waitFor({ state: 'detached' });
    await when.getByText(new RegExp(clock(start + HOUR))).waitFor();
    expect(await when.textContent()).toContain(clock(start + 4 * HOUR));
    const changed = (await g.chair.client.get<MeetingView>(`/api/meetings/${meeting.id}`)).body;
    expect(Date.parse(changed.startsAt)).toBe(start + HOUR);
    expect(Date.parse(changed.endsAt)).toBe(start + 4 * HOUR);
    expect(changed.place).toBe('Room XVII, Palais des Nations');

    // A bad change is refused field by field and changes nothing.
    await chair.getByRole('button', { name: 'Edit details' }).click();
    await form.getByLabel('Ends').fill(wall(start));
    await form.getByRole('button', { name: 'Save the details' }).click();
    await form.getByText(/must be after the start/).first().waitFor();
    expect(await form.getByLabel('Ends').getAttribute('aria-invalid')).toBe('true');
    expect(Date.parse((await g.chair.client.get<MeetingView>(`/api/meetings/${meeting.id}`)).body.endsAt)).toBe(start + 4 * HOUR);
  });

  it('reads in French on a phone: the links of an item and the details form', async () => {
    const chair = await browsers.openLoggedIn(g.chair.email, PASSWORD, { language: 'fr', viewport: PHONE, reportPageErrorsAs: 'chair (fr)' });
    await chair.goto(`${t.baseUrl}/meetings/${meeting.id}`);
    await chair.getByRole('button', { name: 'Modifier l’ordre du jour' }).click();
    await chair.getByRole('button', { name: 'Liens de « Principle 4: preventing malicious ICT activity »' }).click();
    const links = chair.getByRole('group', { name: 'Ce à quoi « Principle 4: preventing malicious ICT activity » renvoie' });
    await links.getByText(/^Paragraphe 4 — « /).waitFor();
    await links.getByRole('textbox', { name: 'Scrutin (facultatif)' }).waitFor();
    expect(await links.getByRole('textbox', { name: 'Scrutin (facultatif)' }).inputValue()).toMatch(/\(ouvert\)$/);
    await noOverflow(chair);
    expect(await axeViolations(chair)).toEqual([]);
    await screenshot(chair, 'meetings-agenda-links-fr-390.png');
    await chair.getByRole('button', { name: 'Annuler' }).click();
    await chair.getByRole('button', { name: 'Modifier les informations' }).click();
    await chair.getByTestId('meeting-details-form').getByRole('button', { name: 'Enregistrer les informations' }).waitFor();
    await noOverflow(chair);
    expect(await axeViolations(chair)).toEqual([]);
    await screenshot(chair, 'meetings-details-fr-390.png');
  });
});
