import type { DocumentResponse, SilenceView } from '@parley/contracts';
import type { Page } from 'playwright-core';
import { Clock } from '../../apps/api/src/platform/clock/clock';
import { SilenceScheduler } from '../../apps/api/src/procedures/silence/silence-scheduler';
import { axeViolations, Browsers, webBuildSnapshot } from '../support/browser';
import { newDraftingGroup, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const PASSWORD = 'correct horse battery';
const PHONE = { width: 375, height: 800 };
const HOUR = 3_600_000;
const CLAUSES = [
  { kind: 'preamble' as const, text: 'Recalling its mandate to draft commentary and implementation guidance on the nine principles of the Paris Call,' },
  { kind: 'operative' as const, text: 'Adopts the programme of work for 2027 annexed to the present decision;' },
  { kind: 'operative' as const, text: 'Decides to hold three formal sessions in 2027;' },
];

/**
 * The silence procedure in the browser (issue #19, decision 0036): a chair puts a text under
 * silence; a member sees the countdown and breaks silence with a reason, and the chair's page says
 * so live; a text whose silence held is adopted at its deadline by the scheduler, and the page says
 * it was adopted by silence procedure; the banner in French on a phone.
 */
describe('the silence procedure in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;
  let n = 0;

  const openAs = (who: Pick<Delegate, 'email' | 'name'>, language: 'en' | 'fr' = 'en', viewport?: { width: number; height: number }): Promise<Page> =>
    browsers.openLoggedIn(who.email, PASSWORD, { language, reportPageErrorsAs: who.name, ...(viewport ? { viewport } : {}) });
  const newDocument = async (title: string): Promise<DocumentResponse> => {
    const res = await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title: `${title} ${++n}`, clauses: CLAUSES });
    if (res.status !== 201) throw new Error(`document: ${res.status}`);
    return res.body;
  };
  const startSilence = async (doc: DocumentResponse, hours = 73): Promise<SilenceView> => {
    const res = await g.chair.client.post<SilenceView>(`/api/documents/${doc.id}/versions/1/silence`, { deadline: new Date(Date.now() + hours * HOUR).toISOString() });
    if (res.status !== 201) throw new Error(`silence: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    g = await newDraftingGroup(t);
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('a chair puts a text under silence; a member sees the countdown, who may object, and breaks silence with a reason; the chair’s page shows it live', async () => {
    const doc = await newDocument('Modalities of stakeholder participation');
    const chair = await openAs(g.chair);
    await chair.goto(`${t.baseUrl}/documents/${doc.id}`);
    await chair.getByTestId('silence-start').click();
    const dialog = chair.getByRole('dialog', { name: 'Put version 1 under silence' });
    await dialog.getByTestId('silence-no-warnings').waitFor();
    expect(await dialog.getByTestId('silence-hours').inputValue()).toBe('72');
    await dialog.getByText(/Deadline: /).waitFor();
    expect(await axeViolations(chair)).toEqual([]);
    await dialog.getByRole('button', { name: 'Put under silence' }).click();
    const banner = chair.getByTestId('silence-panel');
    await banner.getByText(/Version 1 is under silence until/).waitFor();
    await chair.getByTestId('silence-countdown').getByText(/left to object/).waitFor();
    expect(await banner.getAttribute('data-state')).toBe('under-way');
    // The adoption ballot is no longer offered while silence is under way (once the page has reloaded the document).
    await chair.getByRole('button', { name: 'Open the adoption ballot' }).waitFor({ state: 'detached', timeout: 10_000 });

    const member = await openAs(g.ngo);
    await member.goto(`${t.baseUrl}/documents/${doc.id}`);
    const countdown = member.getByTestId('silence-countdown');
    await countdown.getByText(/(3|2) days?/).waitFor();
    const first = await countdown.textContent();
    await member.getByText('5 voting members may break silence').waitFor();
    await member.getByRole('button', { name: 'Show who may object' }).click();
    await member.getByTestId('silence-may-object').getByText(g.government.name).waitFor();
    // The countdown counts down.
    await member.waitForFunction((before) => document.querySelector('[data-testid="silence-countdown"]')?.textContent !== before, first);
    expect(await axeViolations(member)).toEqual([]);

    await member.getByTestId('silence-object').click();
    const form = member.getByTestId('silence-object-form');
    await form.getByText('Your objection is public, signed with your name and affiliation').waitFor();
    // The reason is required: nothing is sent without it.
    await form.getByRole('button', { name: 'Break silence' }).click();
    await form.getByText('Required', { exact: true }).waitFor();
    await form.getByRole('textbox', { name: /Why you object/ }).fill('Paragraph 2 prejudges the review; we ask for another reading.');
    await form.getByRole('button', { name: 'Break silence' }).click();
    const broken = member.locator('[data-testid="silence-panel"][data-state="broken"]');
    await broken.getByText('Silence was broken on').waitFor();
    await broken.getByTestId('silence-objection').getByText(g.ngo.name).waitFor();
    await broken.getByText('Paragraph 2 prejudges the review; we ask for another reading.').waitFor();
    expect(await axeViolations(member)).toEqual([]);

    // Live: the chair's page, not reloaded, says silence is broken and by whom.
    await chair.locator('[data-testid="silence-panel"][data-state="broken"]').getByText(g.ngo.name).waitFor();
  });

  it('in French on a phone: the banner, the countdown and the objection, by keyboard', async () => {
    const doc = await newDocument('Programme de travail');
    await startSilence(doc);
    const member = await openAs(g.government, 'fr', PHONE);
    await member.goto(`${t.baseUrl}/documents/${doc.id}`);
    await member.getByText(/La version 1 est soumise à la procédure d’approbation tacite jusqu’au/).waitFor();
    await member.getByTestId('silence-countdown').getByText(/pour faire objection/).waitFor();
    await member.getByText('5 membres votants peuvent rompre le silence').waitFor();
    const object = member.getByTestId('silence-object');
    await object.focus();
    await member.keyboard.press('Enter');
    await member.getByRole('textbox', { name: /Motif de votre objection/ }).waitFor();
    const overflow = await member.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(member)).toEqual([]);
  });

  it('a text whose silence held is adopted at its deadline by the scheduler, and the page says it was adopted by silence procedure', async () => {
    const doc = await newDocument('Programme of work for 2027');
    const silence = await startSilence(doc);
    const reader = await browsers.open({ language: 'en' });
    await reader.goto(`${t.baseUrl}/documents/${doc.id}`);
    await reader.getByTestId('silence-countdown').waitFor();

    // The API's clock reaches the deadline and its scheduler ticks.
    const clock = t.app.get(Clock);
    clock.now = () => new Date(Date.now() + 74 * HOUR);
    await t.app.get(SilenceScheduler).tick();

    const passed = reader.locator('[data-testid="silence-panel"][data-state="passed"]');
    await passed.getByText(/Silence held: no objection by .*Version 1 was adopted at the deadline, by the scheduler\./).waitFor();
    await reader.getByTestId('adopted').getByText(/Version 1 was adopted by silence procedure: no objection by/).waitFor();
    expect(silence.id).toBeTruthy();
    expect(await axeViolations(reader)).toEqual([]);
  });
});
