import { join } from 'node:path';
import type { AmendmentResponse, CommentResponse, DocumentResponse, PersonTranslation } from '@parley/contracts';
import type { Page } from 'playwright-core';
import { type DraftingGroup, newDraftingGroup } from '../support/drafting-fixtures';
import { Browsers, OUTPUT, seriousAxeViolations, webBuildSnapshot } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const BEFORE = '各国应加强网络安全领域的国际合作。';
const AFTER = '各国应加强网络安全和数据保护领域的国际合作。';
const ARABIC = 'هل يشمل «التعاون الدولي» القطاع الخاص؟';
const ENGLISH = 'Does “international cooperation” include the private sector?';

/**
 * Decision 0047 on the page: a Chinese amendment's diff marks the words it inserts (and nothing
 * else: Chinese has no spaces to split on), a comment written in Arabic says so and reads right to
 * left, and a participant's translation shows beside the original, never as official.
 */
describe('words by script and the language of what people write, in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let clauseId: string;
  let amendment: AmendmentResponse;
  let comment: CommentResponse;
  let translation: PersonTranslation;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl);
    g = await newDraftingGroup(t);
    const created = await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, {
      title: '网络安全国际合作原则',
      clauses: [
        { kind: 'heading', text: '原则' },
        { kind: 'operative', text: BEFORE },
      ],
    });
    expect(created.status).toBe(201);
    doc = created.body;
    clauseId = doc.version.clauses[1].id;
    const proposed = await g.government.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, {
      kind: 'replace',
      baseVersion: 1,
      targetClauseId: clauseId,
      text: AFTER,
      rationale: '数据保护同样需要国际合作。',
      writtenLanguage: 'zh',
    });
    expect(proposed.status).toBe(201);
    amendment = proposed.body;
    const posted = await g.ngo.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId, body: ARABIC, writtenLanguage: 'ar' });
    expect(posted.status).toBe(201);
    comment = posted.body;
  });
  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  async function clausePage(): Promise<Page> {
    const page = await browsers.open({ language: 'en', viewport: { width: 1360, height: 1000 } });
    await browsers.signInWith(page, g.observer.session);
    await page.goto(`${t.baseUrl}/documents/${doc.id}?clause=${clauseId}`);
    return page;
  }

  it('marks exactly the Chinese words the amendment inserts, in a text marked as Chinese', async () => {
    const page = await clausePage();
    const panel = page.getByTestId('clause-panel');
    await panel.getByRole('tab', { name: /^Amendments/ }).click();
    const card = panel.locator(`[data-amendment-id="${amendment.id}"]`);
    await card.waitFor();
    const diff = card.getByTestId('diff');
    expect(await diff.locator('ins').allTextContents()).toEqual(['inserted: 和数据保护']);
    expect(await diff.locator('del').count()).toBe(0);
    expect(await diff.locator('ins').evaluate((el) => el.childNodes[el.childNodes.length - 1].textContent)).toBe('和数据保护');
    expect(await diff.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe('zh');
    // The reader reads English: the amendment says it was written in Chinese.
    await card.getByTestId('written-in').filter({ hasText: 'Written in Chinese' }).first().waitFor();
    await page.screenshot({ path: join(OUTPUT, 'chinese-diff.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('a comment written in Arabic shows its mark and reads right to left; a translation added in the page shows beside the original, never in its place', async () => {
    const page = await clausePage();
    const panel = page.getByTestId('clause-panel');
    // Found by its author: once translated, the reader's language shows first.
    const thread = panel.getByTestId('thread').filter({ hasText: g.ngo.name });
    await thread.getByText(ARABIC).waitFor();
    await thread.getByTestId('written-in').filter({ hasText: 'Written in Arabic' }).waitFor();
    const original = thread.locator('[data-original="true"]');
    expect(await original.evaluate((el) => [el.getAttribute('lang'), el.getAttribute('dir'), getComputedStyle(el).direction])).toEqual(['ar', 'rtl', 'rtl']);

    // The observer, a member of the group, adds an English translation: English is offered first (their language).
    await thread.getByRole('button', { name: 'Add a translation' }).click();
    const form = thread.getByRole('form', { name: 'Your translation' });
    expect(await form.getByRole('textbox', { name: 'Translate into' }).inputValue()).toBe('English');
    await form.getByRole('textbox', { name: /^Translation/ }).fill(ENGLISH);
    await form.getByRole('button', { name: 'Add translation' }).click();

    const shown = thread.getByTestId('person-translation');
    await shown.getByText(ENGLISH).waitFor();
    await shown.getByText('not an official translation').waitFor();
    await shown.getByText(g.observer.name).waitFor();
    // The original stays where it was: the translation is beside it, never in its place.
    await thread.locator('[data-original="true"]').getByText(ARABIC).waitFor();
    await thread.getByRole('button', { name: 'Hide the translation' }).waitFor();
    const [translationBox, originalBox] = await Promise.all([shown.boundingBox(), thread.locator('[data-original="true"]').boundingBox()]);
    expect(Math.abs(translationBox!.y - originalBox!.y)).toBeLessThan(60); // side by side
    await page.screenshot({ path: join(OUTPUT, 'arabic-comment-translation.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);
    translation = (await g.observer.client.get<{ items: CommentResponse[] }>(`/api/documents/${doc.id}/comments?clauseId=${clauseId}`)).body.items.find((c) => c.id === comment.id)!.translations[0];
    expect(translation).toMatchObject({ language: 'en', text: ENGLISH, translator: { id: g.observer.id } });
  });

  it('a writer says they write in French from an English page: the comment records it and shows its mark', async () => {
    const page = await clausePage();
    const panel = page.getByTestId('clause-panel');
    const form = panel.getByRole('form', { name: 'New comment' });
    const language = form.getByRole('textbox', { name: 'Written in' });
    expect(await language.inputValue()).toBe('English'); // the interface language by default
    await language.click();
    await page.getByRole('option', { name: 'Français' }).click();
    await form.getByRole('textbox', { name: /^Your comment/ }).fill('Le secteur privé doit être associé à cette coopération.');
    await form.getByRole('button', { name: 'Post the comment' }).click();
    const thread = panel.getByTestId('thread').filter({ hasText: 'Le secteur privé doit être associé' });
    await thread.getByTestId('written-in').filter({ hasText: 'Written in French' }).waitFor();
    expect(await thread.locator('[data-original="true"]').getAttribute('lang')).toBe('fr');
    const stored = (await g.observer.client.get<{ items: CommentResponse[] }>(`/api/documents/${doc.id}/comments?clauseId=${clauseId}`)).body.items;
    expect(stored.find((c) => c.body.startsWith('Le secteur privé'))).toMatchObject({ writtenLanguage: 'fr', author: { id: g.observer.id } });
  });
});
