import type { ChairTermListResponse, WorkingGroupListResponse } from '@parley/contracts';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { newAdoptedDocument, type AdoptedDocument } from '../support/adoption-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const IMPLEMENTATION = 'Working group on multistakeholder implementation';

/**
 * The public, press and researchers read the record without an account: a group's public page,
 * a chair term followed to the ballot that confirmed it, that confirmation found in the group's
 * audit log as a sentence (in English and French) with its hash and the link to the event before
 * it; and the signatories of an adopted text.
 */
describe('the public record, as an anonymous visitor', () => {
  let t: TestApp;
  let groupId: string;
  let adopted: AdoptedDocument;
  let browsers: Browsers;

  beforeAll(async () => {
    const webDir = await webBuildSnapshot();
    // The demo's chair-confirmation ballots close at their (past) closing times on the loader's own
    // timeline, so seeding no longer races a short closing time.
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: webDir } });
    await t.app.get(DemoSeeder).seed();
    const list = (await new ApiClient(t.baseUrl).get<WorkingGroupListResponse>('/api/working-groups')).body;
    groupId = list.items.find((g) => g.name === IMPLEMENTATION)!.id;
    adopted = await newAdoptedDocument(t);
    await adopted.g.ngo.client.post(`/api/documents/${adopted.doc.id}/versions/1/endorsements`, { organisationId: adopted.g.ngo.organisation.id });
    await adopted.g.government.client.post(`/api/documents/${adopted.doc.id}/versions/1/endorsements`, {
      organisationId: adopted.g.government.organisation.id,
    });
    browsers = new Browsers(t.baseUrl);
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('opens a group’s public page, follows a chair term to its confirming ballot, and finds that confirmation in the audit log', async () => {
    const page = await browsers.open();
    await page.goto(`${t.baseUrl}/working-groups/${groupId}/record`);
    await page.getByRole('heading', { level: 1, name: IMPLEMENTATION }).waitFor();
    expect(await page.title()).toBe(`Public record · ${IMPLEMENTATION} · Parley`);
    await page.getByRole('heading', { level: 2, name: 'Chair history' }).waitFor();
    await page.getByTestId('chair-term-row').first().waitFor();
    await page.getByTestId('record-members').waitFor();
    await page.getByTestId('record-ballots').waitFor();
    await page.getByTestId('audit-event').first().waitFor();
    await screenshot(page, 'public-record.png');
    expect(await axeViolations(page)).toEqual([]);

    // The chair term of Mexico's delegate, to the ballot that confirmed it.
    const terms = (await new ApiClient(t.baseUrl).get<ChairTermListResponse>(`/api/chair-terms?workingGroup=${groupId}`)).body.items;
    const term = terms.find((x) => x.snapshot.organisationName === 'Mexico')!;
    const row = page.getByTestId('chair-term-row').filter({ hasText: term.person.name });
    await row.getByTestId('confirming-ballot').click();
    await page.waitForURL(`${t.baseUrl}/ballots/${term.confirmingBallot!.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(page, 'public-record-ballot.png');

    // Back to the record, then its audit log, filtered to chair confirmations.
    await page.goBack();
    await page.getByTestId('record-audit-link').click();
    await page.waitForURL(`${t.baseUrl}/working-groups/${groupId}/audit`);
    await page.getByRole('heading', { level: 1, name: `Audit log of ${IMPLEMENTATION}` }).waitFor();
    await page.getByRole('textbox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Chair confirmed', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('action') === 'chair.confirmed');
    await page.getByRole('heading', { level: 2, name: '2 events shown' }).waitFor();
    const event = page.getByTestId('audit-event').filter({ hasText: `${term.person.name} (Mexico, government) was confirmed as chair by ballot` });
    await event.waitFor();
    expect(await event.getByTestId('audit-subject').getAttribute('href')).toBe(`/ballots/${term.confirmingBallot!.id}`);
    const hash = await event.getByTestId('hash').getAttribute('data-full-hash');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await event.getByTestId('hash').textContent()).toBe(`${hash!.slice(0, 12)}…`);
    await screenshot(page, 'public-record-audit.png');
    expect(await axeViolations(page)).toEqual([]);

    // The event's own page, and the one its previous hash names.
    await event.getByRole('link', { name: /^Event \d+$/ }).click();
    await page.getByTestId('event-hash').filter({ hasText: hash! }).waitFor();
    const previousHash = (await page.getByTestId('event-previous-hash').textContent())!;
    await screenshot(page, 'public-record-event.png');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('previous-event').click();
    await page.getByTestId('event-hash').filter({ hasText: previousHash! }).waitFor();
  });

  it('reads the same confirmation in French', async () => {
    const page = await browsers.open({ language: 'fr' });
    await page.goto(`${t.baseUrl}/working-groups/${groupId}/audit?action=chair.confirmed`);
    await page.getByRole('heading', { level: 1, name: `Journal d’audit de ${IMPLEMENTATION}` }).waitFor();
    await page
      .getByTestId('audit-event')
      .filter({ hasText: /\(Mexico, gouvernement\) : présidence confirmée par scrutin, \d+ pour, \d+ contre, \d+ abstentions/ })
      .waitFor();

    // Actions are named in French, in the filter and on each event, never by their codes.
    const actionFilter = page.getByRole('textbox', { name: 'Type d’action' });
    expect(await actionFilter.inputValue()).toBe('Confirmation de la présidence');
    expect(await page.getByTestId('audit-action').first().textContent()).toBe('Confirmation de la présidence');
    await actionFilter.click();
    const options = page.getByRole('listbox');
    await options.getByRole('option', { name: 'Ouverture d’un scrutin' }).waitFor();
    await options.getByRole('option', { name: 'Scrutins (toutes les actions)' }).waitFor();
    expect(await options.getByText(/^[a-z-]+\.[a-z-]+$/).count()).toBe(0);
    await page.keyboard.press('Escape');
    await screenshot(page, 'public-record-audit-fr.png');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows who endorsed an adopted text, counted as the Paris Call counts its supporters, and lets a delegate endorse for their organisation', async () => {
    const page = await browsers.open();
    await page.goto(`${t.baseUrl}/documents/${adopted.doc.id}/versions/1/signatories`);
    await page.getByTestId('signatory-headline').filter({ hasText: '1 state and 1 civil-society organisation' }).waitFor();
    expect(await page.getByTestId('signatory-row').count()).toBe(2);
    await page.getByTestId('endorse-refusal').filter({ hasText: 'Log in to endorse on behalf of your organisation.' }).waitFor();
    await screenshot(page, 'public-record-signatories.png');
    expect(await axeViolations(page)).toEqual([]);

    // The company's delegate, signed in, endorses for the company.
    const company = adopted.g.company;
    await browsers.signInWith(page, company.session);
    await page.reload();
    const endorsed = page.waitForResponse((r) => r.url().endsWith('/endorsements') && r.request().method() === 'POST');
    await page
      .getByTestId('endorse-button')
      .filter({ hasText: `Endorse on behalf of ${company.organisation.name}` })
      .click();
    expect((await endorsed).status()).toBe(201);
    await page.getByTestId('signatory-headline').filter({ hasText: '1 state, 1 company and 1 civil-society organisation' }).waitFor();
    expect(await page.getByTestId('signatory-row').count()).toBe(3);
    await screenshot(page, 'public-record-signatories-endorsed.png');
  });
});
