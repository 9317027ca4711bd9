import type { DocumentResponse } from '@parley/contracts';
import type { Page } from 'playwright-core';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { newDraftingGroup, newParisCallDocument, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const PASSWORD = 'correct horse battery';
const SECRET = 'Invites capitals to consult their national cyber agencies before the second session.';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A `datetime-local` value (this machine's time zone, as the browser's) for an instant. */
const local = (d: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/**
 * Members-only drafts in the browser (issue #19, decision 0041): the chair issues a chair's text
 * kept to members until a date; a member reads it under the "Members only until" banner; a visitor
 * reads a placeholder with the publication date and the text's fingerprint; once the scheduler has
 * published a version, the visitor reads it with the note that it matches the recorded fingerprint.
 * One page in French on a phone.
 */
describe('members-only drafts in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  const openAs = (who: Pick<Delegate, 'email' | 'name'>, language: 'en' | 'fr' = 'en', viewport?: { width: number; height: number }): Promise<Page> =>
    browsers.openLoggedIn(who.email, PASSWORD, { language, reportPageErrorsAs: who.name, ...(viewport ? { viewport } : {}) });

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('the chair issues a chair’s text kept to members until a date; a member reads it under the banner; a visitor reads the placeholder', async () => {
    const chair = await openAs(g.chair);
    await chair.goto(`${t.baseUrl}/documents/${doc.id}`);
    await chair.getByRole('button', { name: "Issue a chair's text" }).click();
    const dialog = chair.getByRole('dialog', { name: "Issue a chair's text as version 2" });
    await dialog.getByRole('button', { name: 'Add a paragraph after paragraph 15' }).click();
    await dialog.getByRole('textbox', { name: 'Text of paragraph 16' }).fill(SECRET);
    // Ticked without a date: the form says what is missing, and sends nothing.
    await dialog.getByRole('checkbox', { name: 'Circulate to the group’s members only until a date' }).check();
    const until = dialog.getByLabel(/^Members only until/);
    await dialog.getByRole('button', { name: 'Review the changes' }).click();
    await dialog.getByText('Choose the date and time of publication').waitFor();
    expect(await axeViolations(chair)).toEqual([]);
    await until.fill(local(new Date(Date.now() + 3 * 86_400_000)));
    await dialog.getByRole('button', { name: 'Review the changes' }).click();
    await dialog.getByRole('button', { name: /^Issue .+ as version 2$/ }).click();
    await chair.getByTestId('members-only-banner').waitFor();
    expect(await chair.getByTestId('members-only-banner').innerText()).toMatch(/Members only until/);
    await screenshot(chair, 'publication-chair-banner.png');

    // A member reads the text, with the banner and the fingerprint.
    const member = await openAs(g.ngo);
    await member.goto(`${t.baseUrl}/documents/${doc.id}`);
    await member.getByText(SECRET).waitFor();
    const issued = (await new ApiClient(t.baseUrl).get<DocumentResponse>(`/api/documents/${doc.id}`)).body.version.publication!;
    expect(await member.getByTestId('members-only-banner').getByTestId('publication-fingerprint').innerText()).toBe(issued.fingerprint);
    expect(await axeViolations(member)).toEqual([]);

    // A signed-out visitor reads the placeholder: the date and the fingerprint, never the text.
    const visitor = await browsers.open();
    await visitor.goto(`${t.baseUrl}/documents/${doc.id}`);
    const placeholder = visitor.getByTestId('members-only-placeholder');
    await placeholder.getByRole('heading', { name: /^Version 2 — circulated to members until .+; published then$/ }).waitFor();
    expect(await placeholder.getByTestId('publication-fingerprint').innerText()).toBe(issued.fingerprint);
    expect(await visitor.getByText(SECRET).count()).toBe(0);
    expect(await visitor.content()).not.toContain('consult their national cyber agencies');
    // The version list says so too.
    expect(await visitor.getByRole('textbox', { name: 'Version' }).inputValue()).toMatch(/members only until/);
    expect(await axeViolations(visitor)).toEqual([]);
    await screenshot(visitor, 'publication-visitor-placeholder.png');
  });

  it('after the scheduler publishes a version, a visitor reads it with the note that it matches the recorded fingerprint; in French, on a phone', async () => {
    // Kept to members for a few seconds, issued through the API; the scheduler publishes it (no page view does).
    const res = await g.rapporteur.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, {
      title: 'Embargoed principles',
      clauses: [{ kind: 'operative', text: 'Principle one, published at its date.' }],
      membersOnlyUntil: new Date(Date.now() + 3000).toISOString(),
    });
    expect(res.status).toBe(201);
    const api = new ApiClient(t.baseUrl);
    for (let i = 0; i < 100 && !(await api.get<DocumentResponse>(`/api/documents/${res.body.id}`)).body.version.publication?.publishedAt; i++) await sleep(200);

    const visitor = await browsers.open();
    await visitor.goto(`${t.baseUrl}/documents/${res.body.id}`);
    await visitor.getByText('Principle one, published at its date.').waitFor();
    const note = visitor.getByTestId('publication-note');
    await note.getByText(/^Published on .+; matches the fingerprint recorded on .+\.$/).waitFor();
    expect(await axeViolations(visitor)).toEqual([]);

    const phone = await browsers.open({ language: 'fr', viewport: { width: 375, height: 812 } });
    await phone.goto(`${t.baseUrl}/documents/${res.body.id}`);
    await phone
      .getByTestId('publication-note')
      .getByText(/^Publiée le .+ ; conforme à l’empreinte inscrite le .+\.$/)
      .waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(phone)).toEqual([]);
    await screenshot(phone, 'publication-published-fr-375.png', { fullPage: true });

    // The members-only version of the first document, on a phone in French: the placeholder.
    await phone.goto(`${t.baseUrl}/documents/${doc.id}`);
    await phone
      .getByTestId('members-only-placeholder')
      .getByRole('heading', { name: /^Version 2 — diffusée aux membres jusqu’au .+ ; publiée à cette date$/ })
      .waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(phone)).toEqual([]);
    await screenshot(phone, 'publication-placeholder-fr-375.png', { fullPage: true });
  });
});
