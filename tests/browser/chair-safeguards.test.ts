import type { AmendmentResponse, BallotResponse, DocumentResponse, WorkingGroupResponse } from '@parley/contracts';
import type { Page } from 'playwright-core';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { newDelegate } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { admit, newWorkingGroup } from '../support/working-group-factories';

jest.setTimeout(240_000);

const PASSWORD = 'correct horse battery';
const DAY = 86_400_000;
const NEW_4 = 'Prevent theft of trade secrets for commercial advantage, while protecting the work of security researchers.';

/**
 * The chair's safeguards, walked as a chair would (issue #17): the adoption dialog shows every
 * warning before the first click and asks the closing time and rule; closing a ballot early asks
 * why, and the ballot says it; consolidating shows the resulting text and asks for a note (in
 * French); admitting a member says their organisation is unverified and which cap breaks (in
 * French, on a phone).
 */
describe('the chair’s safeguards in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  const api = () => new ApiClient(t.baseUrl);

  /** A group with a document, one amendment accepted (not consolidated) and one under an open ballot. */
  async function draftWithPendingAmendments(): Promise<{ g: DraftingGroup; doc: DocumentResponse; openBallotId: string }> {
    const g = await newDraftingGroup(t);
    const doc = await newParisCallDocument(t, g);
    const propose = async (who: Delegate, body: Record<string, unknown>) =>
      (await who.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { baseVersion: 1, rationale: 'Researchers are not thieves.', ...body })).body;
    const ballotOn = async (a: AmendmentResponse) =>
      (await g.chair.client.post<AmendmentResponse>(`/api/amendments/${a.id}/ballot`, { closesAt: new Date(Date.now() + DAY).toISOString() })).body.ballotId!;
    const accepted = await propose(g.ngo, { kind: 'replace', targetClauseId: clauseByLabel(doc, '4.').id, text: NEW_4 });
    const acceptedBallot = await ballotOn(accepted);
    for (const v of [g.chair, g.rapporteur, g.ngo, g.company, g.government]) await v.client.post(`/api/ballots/${acceptedBallot}/votes`, { choice: 'yes' });
    await g.chair.client.post(`/api/ballots/${acceptedBallot}/close`, { reason: 'Every member has voted.' });
    const open = await propose(g.company, { kind: 'delete', targetClauseId: clauseByLabel(doc, '8.').id });
    return { g, doc, openBallotId: await ballotOn(open) };
  }

  const openAs = (who: Pick<Delegate, 'email' | 'name'>, language: 'en' | 'fr' = 'en', viewport?: { width: number; height: number }): Promise<Page> =>
    browsers.openLoggedIn(who.email, PASSWORD, { language, reportPageErrorsAs: who.name, ...(viewport ? { viewport } : {}) });

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  describe('adopting and closing', () => {
    let g: DraftingGroup;
    let doc: DocumentResponse;
    let openBallotId: string;
    let chair: Page;

    beforeAll(async () => {
      ({ g, doc, openBallotId } = await draftWithPendingAmendments());
      chair = await openAs(g.chair);
    });

    it('the adoption dialog lists every warning as it opens, before any click on “open”, and the chair acknowledges each', async () => {
      await chair.goto(`${t.baseUrl}/documents/${doc.id}`);
      await chair.getByRole('button', { name: 'Open the adoption ballot' }).click();
      const dialog = chair.getByRole('dialog', { name: 'Adopt version 1' });
      const open = dialog.getByTestId('adoption-warning-open-amendment-ballots');
      await open.getByText('1 amendment ballot on this version is still open').waitFor();
      await open.getByRole('link', { name: 'Deletes clause 8.' }).waitFor();
      const left = dialog.getByTestId('adoption-warning-accepted-unconsolidated');
      await left.getByText('1 accepted amendment is not yet in the text').waitFor();
      await left.getByText('Replaces clause 4.').waitFor();
      const submit = dialog.getByRole('button', { name: 'Open it anyway' });
      expect(await submit.isDisabled()).toBe(true);
      await open.getByRole('checkbox').check();
      expect(await submit.isDisabled()).toBe(true);
      await left.getByRole('checkbox').check();
      expect(await submit.isDisabled()).toBe(false);
      expect(await axeViolations(chair)).toEqual([]);
      await screenshot(chair, 'chair-safeguards-adoption-warnings.png', { fullPage: false });
    });

    it('the chair chooses how long the ballot stays open (echoed as a date in words) and its rule, the group’s default first', async () => {
      const dialog = chair.getByRole('dialog', { name: 'Adopt version 1' });
      const rule = dialog.getByRole('textbox', { name: 'Decision rule' });
      expect(await rule.inputValue()).toBe('Majority in every stakeholder group');
      await dialog.getByText('The group adopts texts by: Majority in every stakeholder group.').waitFor();
      const days = dialog.getByRole('textbox', { name: 'Days the ballot stays open' });
      expect(await days.inputValue()).toBe('7');
      await days.fill('3');
      const inThreeDays = new Intl.DateTimeFormat('en', { dateStyle: 'full' }).format(new Date(Date.now() + 3 * DAY));
      await dialog.getByText(new RegExp(`^It closes on ${inThreeDays}`)).waitFor();
      await rule.click();
      await chair.getByRole('option', { name: 'Two-thirds majority' }).click();
      const before = Date.now();
      await dialog.getByRole('button', { name: 'Open it anyway' }).click();
      await chair.waitForURL(/\/ballots\/[0-9a-f-]{36}$/);
      const ballotId = new URL(chair.url()).pathname.split('/').pop()!;
      const ballot = (await api().get<BallotResponse>(`/api/ballots/${ballotId}`)).body;
      expect(ballot.rule).toBe('supermajority');
      expect(Date.parse(ballot.closesAt)).toBeGreaterThanOrEqual(before + 3 * DAY - 60_000);
      expect(Date.parse(ballot.closesAt)).toBeLessThanOrEqual(Date.now() + 3 * DAY);
      await chair.getByText('Two-thirds majority', { exact: true }).first().waitFor();
    });

    it('closing a ballot early asks why; the ballot then says who closed it, when, and why', async () => {
      await chair.goto(`${t.baseUrl}/ballots/${openBallotId}`);
      await chair.getByRole('button', { name: 'Close the ballot now…' }).click();
      await chair.getByRole('button', { name: 'Close the ballot', exact: true }).click();
      await chair.getByText('Say why the ballot closes before its closing time').waitFor();
      expect((await api().get<BallotResponse>(`/api/ballots/${openBallotId}`)).body.status).toBe('open');
      await chair.getByRole('textbox', { name: /^Reason for closing early/ }).fill('The adoption ballot is open; this amendment can wait for the next version.');
      await chair.getByRole('button', { name: 'Close the ballot', exact: true }).click();
      const closedBy = chair.getByTestId('ballot-outcome');
      await closedBy.getByText(new RegExp(`Closed early on .* by ${g.chair.name}`)).waitFor();
      await closedBy.getByTestId('ballot-close-reason').getByText(': The adoption ballot is open; this amendment can wait for the next version.').waitFor();
      expect(await axeViolations(chair)).toEqual([]);
    });
  });

  it('en français : consolider montre d’abord le texte qui en résulte et les amendements intégrés, et demande une note', async () => {
    const { g, doc } = await draftWithPendingAmendments();
    const chair = await openAs(g.chair, 'fr');
    await chair.goto(`${t.baseUrl}/documents/${doc.id}`);
    await chair.getByRole('button', { name: 'Consolider la version 2' }).click();
    const dialog = chair.getByRole('dialog', { name: 'Consolider la version 2' });
    const preview = dialog.getByTestId('consolidation-preview');
    await preview.getByText('1 amendement intégré').waitFor();
    await preview.getByText('Ce qui change de la version 1 à la version 2').waitFor();
    const changed = preview.locator('li[data-status="changed"]');
    await changed.getByText('security researchers', { exact: false }).first().waitFor();
    expect(await changed.locator('ins').count()).toBeGreaterThan(0);
    // Nothing is created yet.
    expect((await api().get<DocumentResponse>(`/api/documents/${doc.id}`)).body.currentVersion).toBe(1);
    expect(await axeViolations(chair)).toEqual([]);
    await screenshot(chair, 'chair-safeguards-consolidation-preview-fr.png', { fullPage: false });

    await dialog.getByRole('button', { name: 'Créer la version 2' }).click();
    await dialog.getByText('Obligatoire', { exact: true }).waitFor();
    await dialog.getByRole('textbox', { name: /^Note sur la nouvelle version/ }).fill('Le principe 4 protège désormais les chercheurs en sécurité.');
    await dialog.getByRole('button', { name: 'Créer la version 2' }).click();
    const note = chair.getByTestId('version-note');
    await note.getByText(/^Note sur la version 2, le /).waitFor();
    await note.getByText('Le principe 4 protège désormais les chercheurs en sécurité.').waitFor();
    expect((await api().get<DocumentResponse>(`/api/documents/${doc.id}`)).body.version).toMatchObject({ number: 2, note: 'Le principe 4 protège désormais les chercheurs en sécurité.' });
  });

  it('en français, sur un téléphone : le dialogue d’admission dit que l’organisation n’est pas vérifiée et quel plafond est dépassé', async () => {
    const steward = await newDelegate(t.baseUrl, { stakeholderGroup: 'civil-society', subtype: 'technical-community' });
    await t.dataSource.query(`UPDATE people SET is_steward = true WHERE id = $1`, [steward.id]);
    const gov = await newDelegate(t.baseUrl, { stakeholderGroup: 'government', subtype: 'national' }, 'Ambassadrice');
    const company = await newDelegate(t.baseUrl, { stakeholderGroup: 'private-sector', subtype: 'company' });
    const shell = await newDelegate(t.baseUrl, { name: 'Shell Holdings', stakeholderGroup: 'private-sector', subtype: 'company' });
    for (const d of [gov, company]) await steward.client.post(`/api/organisations/${d.organisation.id}/verify`);
    const group: WorkingGroupResponse = await newWorkingGroup(gov.client);
    await admit(group.id, company, gov);
    await admit(group.id, shell, null);

    const page = await openAs(gov, 'fr', { width: 390, height: 844 });
    await page.goto(`${t.baseUrl}/working-groups/${group.id}`);
    await page.getByRole('button', { name: `Admettre ${shell.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Admettre ${shell.name}` });
    await dialog.getByTestId('admit-unverified').getByText('Organisation non vérifiée', { exact: true }).waitFor();
    await dialog.getByText(`${shell.name} agit pour Shell Holdings, une organisation non vérifiée`, { exact: false }).waitFor();
    const caps = dialog.getByTestId('admit-caps');
    await caps.getByText('L’admettre dépasse un plafond').waitFor();
    await caps.getByText(/^L’alerte se déclencherait : /).waitFor();
    await caps.getByText(/détient 2 des 3 membres votants/).waitFor();
    // Still a member of nothing: nothing is admitted before the chair confirms.
    expect((await gov.client.get<WorkingGroupResponse>(`/api/working-groups/${group.id}`)).body.pendingRequests).toHaveLength(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'chair-safeguards-admit-fr-phone.png', { fullPage: false });

    await dialog.getByRole('button', { name: 'Admettre quand même' }).click();
    await page.getByText(`${shell.name} est désormais membre.`).first().waitFor();
    expect((await gov.client.get<WorkingGroupResponse>(`/api/working-groups/${group.id}`)).body.pendingRequests).toHaveLength(0);
  });
});
