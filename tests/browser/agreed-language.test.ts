import type { AmendmentResponse, CompareResponse, DocumentResponse, ProvenanceResponse } from '@parley/contracts';
import type { Page } from 'playwright-core';
import { newAdoptedDocument, type AdoptedDocument } from '../support/adoption-fixtures';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import type { Delegate } from '../support/drafting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const PASSWORD = 'correct horse battery';
const PHONE = { width: 390, height: 844 };
/** Preambular paragraph 2 of the adopted Paris Call: the agreed language the drafters reuse. */
const CHARTER = 'International law, including the United Nations Charter in its entirety, international humanitarian law and customary international law, is applicable to the use of information and communication technologies by States.';
const WORDS = 'the United Nations Charter in its entirety';

/**
 * The agreed-language library in the browser (issue #25, decision 0054): a group adopts the Paris
 * Call by ballot; in a second document of the group, the chair inserts its wording through the
 * "Insert agreed language" dialog of the chair's text editor (keyboard only, Escape closing the
 * dialog and not the editor), and provenance shows those words as precedent, not as the chair's; a
 * member's amendment inserting agreed language sends its citation, and one changing the precedent
 * is flagged "reopens agreed language", as is the comparison of the versions.
 */
describe('agreed language in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let adopted: AdoptedDocument;
  let draft: DocumentResponse;
  const openAs = (who: Pick<Delegate, 'email' | 'name'>, viewport?: { width: number; height: number }): Promise<Page> =>
    browsers.openLoggedIn(who.email, PASSWORD, { reportPageErrorsAs: who.name, ...(viewport ? { viewport } : {}) });

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    adopted = await newAdoptedDocument(t);
    // The group's next text, which reuses the adopted wording.
    const created = await adopted.g.chair.client.post<DocumentResponse>(`/api/working-groups/${adopted.g.id}/documents`, {
      title: 'Geneva follow-up — draft',
      clauses: [
        { kind: 'preamble', text: 'Recalling the Paris Call,' },
        { kind: 'operative', text: 'States should cooperate on the security of digital products.' },
      ],
    });
    if (created.status !== 201) throw new Error(`draft: ${created.status} ${JSON.stringify(created.body)}`);
    draft = created.body;
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('a visitor finds the adopted clause in the library from the header, its words marked, with its pedigree linked', async () => {
    const page = await browsers.open({ reportPageErrorsAs: 'visitor' });
    // From the header's search: its results page leads to the library.
    await page.goto(`${t.baseUrl}/search?q=Charter`);
    await page.getByRole('link', { name: 'Wording to reuse? Search the agreed language of adopted texts' }).click();
    await page.waitForURL((u) => u.pathname === '/agreed-language' && u.searchParams.get('q') === 'Charter');
    // And from the footer of every page.
    await page.goto(`${t.baseUrl}/working-groups`);
    await page.locator('footer').getByRole('link', { name: 'Agreed language' }).click();
    await page.waitForURL((u) => u.pathname === '/agreed-language');
    await page.getByRole('heading', { level: 1, name: 'Agreed language' }).waitFor();
    const search = page.getByRole('search', { name: 'Search agreed language' });
    await search.getByRole('searchbox').fill('"United Nations Charter"');
    await search.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((u) => u.searchParams.get('q') === '"United Nations Charter"');
    await page.getByRole('heading', { level: 1, name: 'Agreed language matching “"United Nations Charter"”' }).waitFor();

    const entry = page.locator('li.agreed-language-entry').filter({ hasText: 'in its entirety' });
    await entry.waitFor();
    expect((await entry.locator('mark').allTextContents()).join(' ')).toMatch(/United.*Nations.*Charter/);
    const source = adopted.doc.version.clauses[2];
    expect(await entry.getByRole('link', { name: 'Paris Call — draft principles, version 1' }).getAttribute('href')).toBe(`/documents/${adopted.doc.id}?v=1&clause=${source.id}`);
    expect(await entry.getByRole('link', { name: 'adoption ballot' }).getAttribute('href')).toBe(`/ballots/${adopted.ballotId}`);
    await screenshot(page, 'agreed-language-library.png');
    expect(await axeViolations(page)).toEqual([]);

    // The address is the search: opened afresh it shows the same clause.
    const again = await browsers.open();
    await again.goto(page.url());
    await again.locator('li.agreed-language-entry mark').first().waitFor();
  });

  it('on a phone the library fits the screen and its filters fold behind one button', async () => {
    const page = await browsers.open({ viewport: PHONE });
    await page.goto(`${t.baseUrl}/`);
    await page.getByRole('button', { name: 'Open the menu' }).click();
    await page.locator('#mobile-menu').getByRole('navigation').getByRole('link', { name: 'Agreed language' }).click();
    await page.waitForURL((u) => u.pathname === '/agreed-language');
    await page.getByRole('heading', { level: 1, name: 'Agreed language' }).waitFor();
    const toggle = page.getByRole('button', { name: /^Filters/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await page.getByRole('textbox', { name: 'Kind of clause' }).click();
    await page.getByRole('option', { name: 'Preambular paragraph' }).click();
    await page.waitForURL((u) => u.searchParams.get('kind') === 'preamble');
    await page.locator('li.agreed-language-entry').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'agreed-language-phone.png', { fullPage: false });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the chair inserts agreed language by keyboard in the chair’s text editor; provenance shows it as precedent, not as the chair’s writing', async () => {
    const chair = await openAs(adopted.g.chair);
    await chair.goto(`${t.baseUrl}/documents/${draft.id}`);
    await chair.getByRole('button', { name: "Issue a chair's text" }).click();
    const editor = chair.getByRole('dialog', { name: /^Issue a chair's text/ });
    await editor.getByRole('textbox', { name: /^Label/ }).fill('Rev.1');

    // The first paragraph: the cursor after "Recalling the Paris Call,", then the dialog.
    const text = editor.getByRole('textbox', { name: 'Text of paragraph 1' });
    await text.focus();
    await chair.keyboard.press('End');
    await chair.keyboard.type(' ');
    const insert = editor.getByRole('button', { name: 'Insert agreed language into Text of paragraph 1' });
    await insert.focus();
    await chair.keyboard.press('Enter');
    const dialog = chair.getByRole('dialog', { name: 'Insert agreed language' });
    await dialog.waitFor();
    await dialog.getByRole('searchbox', { name: 'Search agreed language' }).waitFor();
    await chair.waitForFunction(() => document.activeElement?.getAttribute('type') === 'search');

    // Escape closes the dialog only: the editor stays open, focus back on the button.
    await chair.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await editor.waitFor();
    expect(await insert.evaluate((el) => el === document.activeElement)).toBe(true);

    await chair.keyboard.press('Enter');
    await dialog.waitFor();
    await chair.keyboard.type('Charter entirety');
    const choice = dialog.locator('li.agreed-language-entry').filter({ hasText: 'in its entirety' });
    await choice.locator('mark', { hasText: 'entirety' }).waitFor();
    expect(await axeViolations(chair)).toEqual([]);
    await screenshot(chair, 'agreed-language-dialog.png', { fullPage: false });
    // Focus stays in the dialog: Tab from its last control comes back to its first.
    for (let i = 0; i < 40; i++) {
      await chair.keyboard.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await choice.getByRole('button', { name: /^Insert the clause/ }).focus();
    await chair.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await text.inputValue()).toBe(`Recalling the Paris Call, ${CHARTER}`);
    expect(await text.evaluate((el) => el === document.activeElement)).toBe(true);
    const chip = editor.getByTestId('citation-chip');
    await chip.getByRole('link', { name: 'Paris Call — draft principles, version 1' }).waitFor();

    await editor.getByRole('button', { name: 'Review the changes' }).click();
    await editor.getByRole('button', { name: /^Issue Rev\.1 as version 2/ }).click();
    await editor.waitFor({ state: 'detached' });

    const issued = (await adopted.g.chair.client.get<ProvenanceResponse>(`/api/documents/${draft.id}/versions/2/provenance`)).body;
    expect(issued.totals.precedent).toBeGreaterThan(20);

    await chair.goto(`${t.baseUrl}/documents/${draft.id}/versions/2/provenance`);
    const precedent = chair.locator('span.prov-segment[data-origin="precedent"]').filter({ hasText: 'United Nations Charter' });
    await precedent.waitFor();
    expect(await precedent.getAttribute('data-group')).toBeNull();
    const origin = issued.clauses[0].segments.map((x) => x.origin).find((o) => o.kind === 'precedent')!;
    expect(origin).toMatchObject({ author: { id: adopted.g.chair.id }, pedigree: { document: { id: adopted.doc.id }, version: 1, ballotId: adopted.ballotId } });
    const groupName = adopted.doc.workingGroup.name;
    const adoptedOn = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(origin.kind === 'precedent' ? origin.pedigree.adoptedAt : 0));
    expect(await precedent.getAttribute('title')).toBe(
      `Precedent — agreed in Paris Call — draft principles v1 (${groupName}), adopted ${adoptedOn}; inserted by ${adopted.g.chair.name} (${adopted.g.chair.organisation.name}, Private sector)`,
    );
    await chair.getByTestId('legend-precedent').getByText('Precedent (agreed language)').waitFor();
    await chair.getByTestId('provenance-precedent').waitFor();
    expect(await chair.getByTestId('provenance-precedent-headline').textContent()).toMatch(/^\d+% of this text is agreed language quoted from adopted texts \(precedent\)\.$/);
    await screenshot(chair, 'agreed-language-provenance.png');
    expect(await axeViolations(chair)).toEqual([]);
  });

  it('a member’s amendment inserting agreed language sends its citation; one changing the precedent reopens agreed language', async () => {
    const member = await openAs(adopted.g.ngo);
    const operative = (await adopted.g.ngo.client.get<DocumentResponse>(`/api/documents/${draft.id}`)).body.version.clauses[1];
    await member.goto(`${t.baseUrl}/documents/${draft.id}?clause=${operative.id}&panel=amendments`);
    const panel = member.locator('#clause-panel');
    await panel.getByRole('button', { name: 'Propose an amendment…' }).click();
    const form = panel.getByRole('form', { name: 'Propose an amendment' });
    const text = form.getByRole('textbox', { name: /^New text of the clause/ });
    await text.fill('States should cooperate, and respect ');
    await form.getByRole('button', { name: 'Insert agreed language' }).click();
    const dialog = member.getByRole('dialog', { name: 'Insert agreed language' });
    await dialog.getByRole('searchbox').fill('entirety');
    const choice = dialog.locator('li.agreed-language-entry').filter({ hasText: 'in its entirety' });
    // The list answering the words typed (their match marked), not the whole library shown before it: a selection made in the
    // earlier list would vanish with it.
    await choice.locator('mark', { hasText: 'entirety' }).waitFor();
    // A passage of the clause: the drafter selects some of its words, then inserts only those.
    await choice.locator('.agreed-language-text').evaluate((el, words) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const texts: Text[] = [];
      while (walker.nextNode()) texts.push(walker.currentNode as Text);
      const whole = texts.map((n) => n.data).join('');
      const start = whole.indexOf(words);
      const at = (offset: number): [Text, number] => {
        let seen = 0;
        for (const n of texts) {
          if (offset <= seen + n.data.length) return [n, offset - seen];
          seen += n.data.length;
        }
        return [texts.at(-1)!, texts.at(-1)!.data.length];
      };
      const range = document.createRange();
      range.setStart(...at(start));
      range.setEnd(...at(start + words.length));
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    }, WORDS);
    await choice.getByRole('button', { name: /^Insert the selected words/ }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await text.inputValue()).toBe(`States should cooperate, and respect ${WORDS}`);
    await form.getByTestId('citation-chip').filter({ hasText: WORDS }).waitFor();

    // Edited, the cited words are no longer agreed language: a warning before anything is sent.
    await text.fill(`States should cooperate, and respect the United Nations Charter in full`);
    await form.getByRole('textbox', { name: /^Rationale/ }).fill('The Charter, in the words already agreed.');
    await form.getByRole('button', { name: 'Propose the amendment' }).click();
    await form.getByTestId('stray-citations').waitFor();
    await text.fill(`States should cooperate, and respect ${WORDS}.`);
    const sent = member.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/documents/${draft.id}/amendments`));
    await form.getByRole('button', { name: 'Propose the amendment' }).click();
    const body = (await sent).postDataJSON() as { citations?: unknown[] };
    const source = adopted.doc.version.clauses[2];
    expect(body.citations).toEqual([{ documentId: adopted.doc.id, version: 1, clauseId: source.id, passage: WORDS }]);
    const card = panel.getByTestId('amendment').filter({ hasText: 'in the words already agreed' });
    await card.getByTestId('amendment-citations').getByRole('link', { name: 'Paris Call — draft principles, version 1' }).waitFor();

    // The precedent of version 2 (paragraph 1), changed by an amendment: "reopens agreed language".
    const recalled = (await adopted.g.ngo.client.get<DocumentResponse>(`/api/documents/${draft.id}`)).body.version.clauses[0];
    const reopening = await adopted.g.government.client.post<AmendmentResponse>(`/api/documents/${draft.id}/amendments`, {
      kind: 'replace',
      baseVersion: 2,
      targetClauseId: recalled.id,
      text: recalled.text.replace('in its entirety', 'as appropriate'),
      rationale: 'Softer wording.',
    });
    expect({ status: reopening.status, body: reopening.status === 201 ? null : reopening.body }).toEqual({ status: 201, body: null });
    expect(reopening.body.reopensAgreedLanguage.map((p) => p.document.id)).toEqual([adopted.doc.id]);
    await member.goto(`${t.baseUrl}/documents/${draft.id}?clause=${recalled.id}&panel=amendments`);
    const flagged = member.getByTestId('amendment').filter({ hasText: 'Softer wording.' });
    await flagged.getByTestId('reopens-agreed-language').getByText('Reopens agreed language').waitFor();
    await flagged.getByTestId('reopens-agreed-language').getByRole('link', { name: 'Paris Call — draft principles, version 1' }).waitFor();
    expect(await axeViolations(member)).toEqual([]);

    // The chair's next text changes it too: the comparison says so, on the clause and above the list.
    const next = await adopted.g.chair.client.post<DocumentResponse>(`/api/documents/${draft.id}/chairs-texts`, {
      label: 'Rev.2',
      standing: 'draft',
      office: 'chair',
      clauses: (await adopted.g.chair.client.get<DocumentResponse>(`/api/documents/${draft.id}`)).body.version.clauses.map((c) => ({
        id: c.id,
        kind: c.kind,
        text: c.text.replace('in its entirety', 'as appropriate'),
      })),
    });
    expect({ status: next.status, body: next.status === 201 ? null : next.body }).toEqual({ status: 201, body: null });
    const compared = (await adopted.g.chair.client.get<CompareResponse>(`/api/documents/${draft.id}/compare?from=2&to=3`)).body;
    expect(compared.reopensAgreedLanguage.map((r) => r.clauseId)).toEqual([recalled.id]);
    await member.goto(`${t.baseUrl}/documents/${draft.id}/compare?from=2&to=3`);
    await member.locator(`li[data-clause-id="${recalled.id}"][data-reopens="true"]`).getByText('Reopens agreed language').waitFor();
    await member.getByTestId('reopens-agreed-language').first().waitFor();
    await screenshot(member, 'agreed-language-reopens.png');
    expect(await axeViolations(member)).toEqual([]);
  });
});
