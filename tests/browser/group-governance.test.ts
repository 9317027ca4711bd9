import type { ChairNominationResponse, JoinRequestResponse, MeResponse, WorkingGroupResponse } from '@parley/contracts';
import type { Page } from 'playwright-core';
import { axeViolations, Browsers, notificationShown, recordNotifications, screenshot, webBuildSnapshot } from '../support/browser';
import { newDelegate } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { admit, insertChairTerm, newWorkingGroup } from '../support/working-group-factories';

jest.setTimeout(180_000);

type Delegate = Awaited<ReturnType<typeof newDelegate>>;
const PASSWORD = 'correct horse battery';

/**
 * The governance controls of the group page, in chromium: an observer is not offered the nomination
 * form; a person withdraws their pending request; a nominator withdraws a nomination; a chair
 * removes a member with a reason; a voting member opens a ballot on removing a chair; a chair
 * resigns behind a confirm dialog. A nominee is offered Decline, a nominator (a self-nominee too) Withdraw.
 */
describe('group governance in the browser: withdrawals and removals behind confirm dialogs', () => {
  let t: TestApp;
  let browsers: Browsers;
  let chair: Delegate;
  let member: Delegate;
  let observer: Delegate;
  let candidate: Delegate;
  let applicant: Delegate;
  let group: WorkingGroupResponse;

  const groupPage = async (who: Delegate, language: 'en' | 'fr' = 'en'): Promise<Page> => {
    const page = await browsers.openLoggedIn(who.email, PASSWORD, { language, reportPageErrorsAs: who.name });
    await page.goto(`${t.baseUrl}/working-groups/${group.id}`);
    await page.getByRole('heading', { level: 1, name: group.name }).waitFor();
    await recordNotifications(page);
    return page;
  };

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl);
    chair = await newDelegate(t.baseUrl, { name: 'Republic of Arcadia', stakeholderGroup: 'government', subtype: 'national' }, 'Ambassador');
    member = await newDelegate(t.baseUrl, { name: 'Access Rights', stakeholderGroup: 'civil-society', subtype: 'ngo' }, 'Policy analyst');
    observer = await newDelegate(t.baseUrl, { name: 'Initech', stakeholderGroup: 'private-sector', subtype: 'company' }, 'Analyst');
    candidate = await newDelegate(t.baseUrl, { name: 'University of Lumeria', stakeholderGroup: 'civil-society', subtype: 'academia' }, 'Professor');
    applicant = await newDelegate(t.baseUrl, { name: 'Globex', stakeholderGroup: 'private-sector', subtype: 'company' }, 'Policy director');
    group = await newWorkingGroup(chair.client, { name: 'Working group on governance controls' });
    for (const d of [member, candidate]) await admit(group.id, d, chair);
    await admit(group.id, observer, chair, 'observer');
    await insertChairTerm(t.dataSource, group.id, chair.id, (await chair.client.get<MeResponse>('/api/me')).body.currentSnapshot);
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('an observer is not offered the nomination form nor a chair-removal ballot; a voting member is', async () => {
    const page = await groupPage(observer);
    await page.getByTestId('my-standing').getByText('You take part as: observer.').waitFor();
    expect(await page.getByRole('button', { name: 'Nominate a chair' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Propose removal of/ }).count()).toBe(0);

    const voting = await groupPage(member);
    await voting.getByRole('button', { name: 'Nominate a chair' }).click();
    await voting.getByRole('textbox', { name: /^Nominee/ }).click();
    // Observers are not among the nominees.
    await voting.getByRole('option', { name: new RegExp(candidate.name) }).waitFor();
    expect(await voting.getByRole('option', { name: new RegExp(observer.name) }).count()).toBe(0);
  });

  it('a person withdraws their pending request to join, with a note; they can ask again', async () => {
    const asked = await applicant.client.post<JoinRequestResponse>(`/api/working-groups/${group.id}/join-requests`, { kind: 'member', statement: 'We build the networks.' });
    expect(asked.status).toBe(201);
    const page = await groupPage(applicant);
    await page.getByText(/You asked to join as member on/).waitFor();
    await page.getByRole('button', { name: 'Withdraw my request…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw your request to join' });
    await dialog.getByRole('textbox', { name: /^Note/ }).fill('We will follow another group.');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Withdraw the request' }).click();
    await notificationShown(page, 'You withdrew your request to join.');
    await page.getByRole('button', { name: 'Ask to join' }).waitFor();
  });

  it('the nominator withdraws a nomination the nominee has not answered', async () => {
    const n = await member.client.post<ChairNominationResponse>(`/api/working-groups/${group.id}/chair-nominations`, { nomineeId: candidate.id });
    expect(n.status).toBe(201);
    // The nominee answers someone else's nomination: Accept or Decline, no Withdraw.
    const nominee = await groupPage(candidate);
    const card = nominee.getByTestId('nomination');
    await card.getByRole('button', { name: 'Accept' }).waitFor();
    await card.getByRole('button', { name: 'Decline' }).waitFor();
    expect(await card.getByRole('button', { name: /^Withdraw/ }).count()).toBe(0);
    const page = await groupPage(member);
    // The nominator withdraws, and neither accepts nor declines.
    expect(await page.getByTestId('nomination').getByRole('button', { name: /^(Accept|Decline)$/ }).count()).toBe(0);
    await page.getByRole('button', { name: `Withdraw the nomination of ${candidate.name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Withdraw the nomination' }).click();
    await notificationShown(page, 'The nomination was withdrawn.');
    await page.getByTestId('nomination-status').getByText('Withdrawn').waitFor();
    await page.getByText(new RegExp(`^Withdrawn by ${member.name} on `)).waitFor();
  });

  it('a self-nominated member sees Accept and Withdraw, not Decline, and withdraws through the dialog', async () => {
    const n = await candidate.client.post<ChairNominationResponse>(`/api/working-groups/${group.id}/chair-nominations`, { nomineeId: candidate.id });
    expect(n.status).toBe(201);
    const page = await groupPage(candidate);
    const card = page.getByTestId('nomination').filter({ hasText: 'Nominated themself' });
    await card.getByRole('button', { name: 'Accept' }).waitFor();
    expect(await card.getByRole('button', { name: 'Decline' }).count()).toBe(0);
    await card.getByRole('button', { name: `Withdraw the nomination of ${candidate.name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Withdraw the nomination' }).click();
    await notificationShown(page, 'The nomination was withdrawn.');
    await page.getByText(new RegExp(`^Withdrawn by ${candidate.name} on `)).waitFor();
    expect(await page.getByTestId('nomination').getByRole('button', { name: /^(Accept|Decline|Withdraw)/ }).count()).toBe(0);
  });

  it('a chair removes a member: the reason is required, then recorded; the member leaves the list', async () => {
    const page = await groupPage(chair);
    await page.getByRole('button', { name: `Remove ${observer.name} from the group` }).click();
    const dialog = page.getByRole('dialog', { name: `Remove ${observer.name} from the group` });
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await dialog.getByText('Required', { exact: true }).waitFor();
    await dialog.getByRole('textbox', { name: /^Reason for removing/ }).fill('Shared the closed drafts with the press.');
    await screenshot(page, 'group-remove-member.png');
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByText(`${observer.name} was removed from the group.`).waitFor();
    await page.getByTestId('member-row').filter({ hasText: observer.name }).waitFor({ state: 'detached' });
    // The chair's own row and chairs' rows offer no removal: oneself leaves, a chair is removed by ballot.
    expect(await page.getByRole('button', { name: `Remove ${chair.name} from the group` }).count()).toBe(0);
  });

  it('a voting member proposes removing the chair, in French: the ballot opens and the chair’s row links to it', async () => {
    const page = await groupPage(member, 'fr');
    await page.getByRole('button', { name: `Proposer le retrait de ${chair.name} de la présidence` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /^Pourquoi retirer cette présidence/ }).fill('Ne réunit jamais le groupe.');
    await dialog.getByRole('button', { name: 'Ouvrir le scrutin de retrait' }).click();
    await page.getByText(`Le scrutin sur le retrait de ${chair.name} de la présidence est ouvert.`).waitFor();
    const link = page.getByTestId('removal-ballot');
    await link.waitFor();
    expect(await link.textContent()).toBe('Scrutin de retrait ouvert : allez voter');
    await screenshot(page, 'group-chair-removal-fr.png');
    await link.click();
    await page.waitForURL(/\/ballots\//);
  });
  it('a chair resigns through the confirm dialog: cancel changes nothing; confirming ends the term, with the note on the record', async () => {
    const termId = await insertChairTerm(t.dataSource, group.id, candidate.id, (await candidate.client.get<MeResponse>('/api/me')).body.currentSnapshot);
    const page = await groupPage(candidate);
    const row = page.getByTestId('chair').filter({ hasText: candidate.name });
    await row.getByRole('button', { name: 'Resign…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Resign as chair' });
    await dialog.getByText(`Your term as chair of ${group.name} ends now, for good`).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Nothing happened: still chair, on the page and in the API.
    await row.getByRole('button', { name: 'Resign…' }).waitFor();
    let fresh = (await candidate.client.get<WorkingGroupResponse>(`/api/working-groups/${group.id}`)).body;
    expect(fresh.chairTerms.find((term) => term.id === termId)?.endReason).toBeNull();

    await row.getByRole('button', { name: 'Resign…' }).click();
    dialog = page.getByRole('dialog', { name: 'Resign as chair' });
    await dialog.getByRole('textbox', { name: /^Note/ }).fill('Moving to another post.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'group-chair-resign.png');
    await dialog.getByRole('button', { name: 'Resign now' }).click();
    await notificationShown(page, 'You resigned as chair.');
    await row.waitFor({ state: 'detached' });
    await page.getByText(/ · Resigned$/).waitFor();
    fresh = (await candidate.client.get<WorkingGroupResponse>(`/api/working-groups/${group.id}`)).body;
    expect(fresh.chairTerms.find((term) => term.id === termId)).toMatchObject({ endReason: 'resigned', endNote: 'Moving to another post.' });
    expect(await axeViolations(page)).toEqual([]);
  });
});
