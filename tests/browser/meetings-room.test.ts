import type { DocumentResponse, DraftReportResponse, MeetingView, OpenedBallotResponse } from '@parley/contracts';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { votersOf } from '../support/adoption-fixtures';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(300_000);

const PASSWORD = 'correct horse battery';
const HOUR = 3_600_000;

/**
 * The room screen and the session report in the browser (issue #21): a projector view anyone can
 * open without signing in, following the session live (the chair gives the floor to someone else:
 * the screen changes without a reload; a vote is cast: the running tally of the ballot on the item
 * moves), readable at 1920×1080 and 1280×720 without scrolling and on a phone; then, the session
 * closed, the chair drafts its report from the meeting page, the report is adopted as any text, and
 * the meeting page and the group's public record say so.
 */
describe('the room screen and the session report', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let ballotId: string;
  let meeting: MeetingView;

  const ok = async <T>(res: Promise<{ status: number; body: T }>, what: string, expected = [200, 201]): Promise<T> => {
    const r = await res;
    if (!expected.includes(r.status)) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const act = (who: Delegate, path: string, body: unknown = {}) => ok(who.client.post<MeetingView>(`/api/meetings/${meeting.id}${path}`, body), path);
  const item = () => meeting.agenda[0];
  const requestOf = (m: MeetingView, d: Delegate) => {
    const r = m.floor.queue.find((q) => q.person.id === d.id);
    if (!r) throw new Error(`${d.name} is not waiting`);
    return r;
  };
  /** axe on one part of a page (the report panel: the rest of the meeting page is part C's and is checked by its own test). */
  const axeIn = async (page: Page, selector: string): Promise<string[]> => {
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    return page.evaluate(async (sel) => {
      type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
      const r = await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<Result> } }).axe.run(sel, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    }, selector);
  };
  const noScroll = (page: Page) => page.evaluate(() => [document.documentElement.scrollHeight - window.innerHeight, document.documentElement.scrollWidth - window.innerWidth]);

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl);
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    const opened = await ok(
      g.chair.client.post<OpenedBallotResponse>(`/api/documents/${doc.id}/versions/1/adoption-ballot`, { closesAt: new Date(Date.now() + 2 * HOUR).toISOString() }),
      'adoption ballot',
    );
    ballotId = opened.ballotId;
    // Principle 4 under negotiation, with a passage in brackets and an alternative.
    const c4 = clauseByLabel(doc, '4.');
    const start = c4.text.indexOf('intellectual property');
    await ok(
      g.ngo.client.post(`/api/documents/${doc.id}/brackets`, {
        version: 1,
        clauseId: c4.id,
        start,
        end: start + 'intellectual property'.length,
        passage: 'intellectual property',
        reason: 'Too narrow.',
        options: [{ text: 'intangible assets' }],
      }),
      'bracket',
    );
    await ok(g.chair.client.post(`/api/documents/${doc.id}/clauses/${c4.id}/status`, { status: 'under-negotiation' }), 'clause status');
    await ok(g.ngo.client.post(`/api/ballots/${ballotId}/votes`, { choice: 'yes' }), 'vote');
    meeting = await ok(
      g.chair.client.post<MeetingView>(`/api/working-groups/${g.id}/meetings`, {
        title: 'Third formal session',
        startsAt: new Date(Date.now() - HOUR).toISOString(),
        endsAt: new Date(Date.now() + HOUR).toISOString(),
        timeZone: 'Europe/Paris',
        place: 'Room XVII, Palais des Nations',
        turnLimitSeconds: 120,
        agenda: [
          { title: 'Principle 4: preventing malicious ICT activity', documentId: doc.id, clauseIds: [clauseByLabel(doc, '4.').id], ballotId },
          { title: 'Any other business' },
        ],
      }),
      'schedule',
    );
    meeting = await act(g.chair, '/open');
    meeting = await act(g.chair, '/current-item', { itemId: item().id });
    for (const d of [g.ngo, g.government, g.company]) meeting = await act(d, '/attendance', { mode: 'in-person' });
    meeting = await act(g.ngo, '/floor', { itemId: item().id });
    meeting = await act(g.government, '/floor', { itemId: item().id });
    meeting = await act(g.company, '/floor', { itemId: item().id, kind: 'point-of-order' });
    meeting = await act(g.chair, `/floor/${requestOf(meeting, g.ngo).id}/give`);
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('opened without signing in, shows the item, its text, the speaker, the queue and the tally, and follows the session live', async () => {
    const screen = await browsers.open({ viewport: { width: 1920, height: 1080 }, reportPageErrorsAs: 'room screen' });
    await screen.goto(`${t.baseUrl}/meetings/${meeting.id}/room`);
    await screen.getByTestId('room-speaker-name').getByText(g.ngo.name).waitFor();
    expect(await screen.getByTestId('room-speaker').textContent()).toContain('Digital Rights Watch');
    expect(await screen.getByTestId('room-speaker').textContent()).toContain('Civil society');
    await screen.getByTestId('room-item').getByText('Principle 4: preventing malicious ICT activity').waitFor();
    // The clause the item names, as the document reads.
    // The clause the item names, as the document reads: its brackets in place and its status.
    const clause = screen.getByTestId('room-clause');
    await clause.getByText(/Prevent ICT-enabled theft of/).waitFor();
    await clause.getByTestId('room-bracket').waitFor();
    expect(await clause.getByTestId('room-bracket').textContent()).toBe('[intellectual property][intangible assets]');
    await clause.getByTestId('clause-status').getByText('Under negotiation').waitFor();
    // The queue: the point of order first, marked.
    const queue = screen.getByTestId('room-queue').getByRole('listitem');
    expect(await queue.count()).toBe(2);
    expect(await queue.nth(0).textContent()).toContain(g.company.name);
    expect(await queue.nth(0).getAttribute('data-kind')).toBe('point-of-order');
    expect(await queue.nth(1).textContent()).toContain(g.government.name);
    // The running tally of the ballot on the item: one vote of five.
    await screen.getByTestId('room-tally').getByText('1 of 5 voters has voted').waitFor();
    await screen.getByTestId('room-live').getByText('Live').waitFor();
    expect(await screen.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await noScroll(screen)).toEqual([0, 0]);
    expect(await axeViolations(screen)).toEqual([]);

    // Live, no reload: the chair gives the floor to the point of order; a vote is cast.
    await screen.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    meeting = await act(g.chair, `/floor/${requestOf(meeting, g.company).id}/give`);
    await screen.getByTestId('room-speaker-name').getByText(g.company.name).waitFor();
    await screen.getByTestId('room-speaker').getByText('Point of order').waitFor();
    expect(await screen.getByTestId('room-queue').getByRole('listitem').count()).toBe(1);
    await ok(g.government.client.post(`/api/ballots/${ballotId}/votes`, { choice: 'no' }), 'vote');
    await screen.getByTestId('room-tally').getByText('2 of 5 voters have voted').waitFor();
    // The speaking time of the ended turn counts.
    expect(await screen.getByTestId('speaking-time').locator('[data-group="civil-society"]').textContent()).toMatch(/1 turn/);
    expect(await screen.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await screenshot(screen, 'meetings-room-1920.png', { fullPage: false });
  });

  it('reads in French at 1280×720 without scrolling, and on a phone', async () => {
    const screen = await browsers.open({ viewport: { width: 1280, height: 720 }, language: 'fr', reportPageErrorsAs: 'room screen (fr)' });
    await screen.goto(`${t.baseUrl}/meetings/${meeting.id}/room`);
    await screen.getByText('Orateur en cours').waitFor();
    await screen.getByTestId('room-speaker-name').getByText(g.company.name).waitFor();
    await screen.getByText('Motion d’ordre').waitFor();
    await screen.getByTestId('room-tally').getByText('2 votants sur 5 ont voté').waitFor();
    expect(await screen.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await noScroll(screen)).toEqual([0, 0]);
    expect(await axeViolations(screen)).toEqual([]);
    await screenshot(screen, 'meetings-room-1280.png', { fullPage: false });

    const phone = await browsers.open({ viewport: { width: 390, height: 844 }, reportPageErrorsAs: 'room screen (phone)' });
    await phone.goto(`${t.baseUrl}/meetings/${meeting.id}/room`);
    await phone.getByTestId('room-speaker-name').getByText(g.company.name).waitFor();
    expect((await noScroll(phone))[1]).toBeLessThanOrEqual(0);
    expect(await axeViolations(phone)).toEqual([]);
    await screenshot(phone, 'meetings-room-390.png');
  });

  it('once the session is closed, the chair drafts the report from the meeting page; adopted, the page links its Markdown and the public record lists the session', async () => {
    meeting = await act(g.chair, '/close');
    const chair = await browsers.openLoggedIn(g.chair.email, PASSWORD, { reportPageErrorsAs: 'chair' });
    await chair.goto(`${t.baseUrl}/meetings/${meeting.id}`);
    const panel = chair.getByTestId('meeting-report');
    await panel.getByRole('button', { name: 'Draft the session report' }).waitFor();
    expect(await axeIn(chair, '[data-testid="meeting-report"]')).toEqual([]);
    await panel.getByRole('button', { name: 'Draft the session report' }).click();
    const link = panel.getByRole('link', { name: 'Edit and adopt the report' });
    await link.waitFor();
    await panel.getByTestId('report-status').getByText('Draft, not adopted yet').waitFor();
    const href = await link.getAttribute('href');
    const reportId = href?.split('/').pop() ?? '';
    const again = await g.chair.client.post<DraftReportResponse>(`/api/meetings/${meeting.id}/report`, {});
    expect(again.status).toBe(409);

    // The report is a text of the group: its page shows it; it is adopted by the existing ballot.
    await link.click();
    await chair.waitForURL(`**/documents/${reportId}`);
    await chair.getByRole('heading', { level: 1 }).getByText(/Report of the session: Third formal session/).waitFor();
    const opened = await ok(
      g.chair.client.post<OpenedBallotResponse>(`/api/documents/${reportId}/versions/1/adoption-ballot`, { closesAt: new Date(Date.now() + HOUR).toISOString() }),
      'report ballot',
    );
    for (const v of votersOf(g)) await ok(v.client.post(`/api/ballots/${opened.ballotId}/votes`, { choice: 'yes' }), 'vote');
    await ok(g.chair.client.post(`/api/ballots/${opened.ballotId}/close`, { reason: 'Everyone has voted.' }), 'close');

    await chair.goto(`${t.baseUrl}/meetings/${meeting.id}`);
    await panel.getByTestId('report-status').getByText('Adopted').waitFor();
    const markdown = panel.getByRole('link', { name: 'The adopted report (Markdown)' });
    expect(await markdown.getAttribute('href')).toBe(`/api/documents/${reportId}/versions/1/adopted.md`);
    const md = await chair.request.get(`${t.baseUrl}/api/documents/${reportId}/versions/1/adopted.md`);
    expect(md.status()).toBe(200);
    expect(await md.text()).toContain('Third formal session');
    expect(await axeIn(chair, '[data-testid="meeting-report"]')).toEqual([]);
    await screenshot(chair, 'meetings-report-panel.png');

    // The public record, without signing in: the session with its speaking time by stakeholder group.
    const reader = await browsers.open({ reportPageErrorsAs: 'reader' });
    await reader.goto(`${t.baseUrl}/working-groups/${g.id}/record`);
    const session = reader.getByTestId('record-session').filter({ hasText: 'Third formal session' });
    await session.getByTestId('speaking-time').waitFor();
    expect(await session.getByTestId('speaking-time').locator('[data-group="civil-society"]').textContent()).toMatch(/1 turn/);
    expect(await session.getByRole('link', { name: 'Third formal session' }).getAttribute('href')).toBe(`/meetings/${meeting.id}`);
    expect(await axeViolations(reader)).toEqual([]);
  });
});
