import type { Page } from 'playwright-core';
import { axeViolations, Browsers, webBuildSnapshot } from '../support/browser';
import { newDraftingGroup, newGroupDelegate, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { confirmAffiliation } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const PASSWORD = 'correct horse battery';
const PHONE = { width: 375, height: 800 };
const OBJECTION = 'Their funding by a vendor under discussion here is not declared.';
const CHAIR_REASON = 'Their funding is declared in their statement of interests on file; the objection is noted.';

/**
 * Accreditation by non-objection, walked as the chair, a member, the applicant and a visitor would
 * (issue #19): the chair sets the join policy in the rules of procedure; the applicant asks to join;
 * a member objects, signed and reasoned; the applicant reads the objection, live; after the period
 * the chair admits, acknowledging it, with a reason; a visitor not signed in reads it all, and in
 * French on a phone.
 */
describe('accreditation by non-objection in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;
  let applicant: Delegate;
  let applicantPage: Page;

  const openAs = (who: Pick<Delegate, 'email' | 'name'>, language: 'en' | 'fr' = 'en', viewport?: { width: number; height: number }): Promise<Page> =>
    browsers.openLoggedIn(who.email, PASSWORD, { language, reportPageErrorsAs: who.name, ...(viewport ? { viewport } : {}) });
  const groupUrl = () => `${t.baseUrl}/working-groups/${g.id}`;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl, { viewport: { width: 1280, height: 1000 } });
    g = await newDraftingGroup(t);
    applicant = await newGroupDelegate(t, 'civil-society', 'ngo', 'Applicant Institute');
    await confirmAffiliation(t.baseUrl, applicant.snapshot.affiliationId);
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('the chair sets the join policy to non-objection in the rules of procedure, which everyone reads in words', async () => {
    const chair = await openAs(g.chair);
    await chair.goto(groupUrl());
    const rules = chair.getByRole('region', { name: 'Rules of procedure' });
    await rules.getByText('A chair admits or refuses each request to join.').waitFor();
    await rules.getByRole('button', { name: 'Change' }).click();
    const form = chair.getByRole('form', { name: 'Change the rules of procedure' });
    await form.getByRole('radio', { name: /Admission by non-objection/ }).check();
    await form.getByRole('textbox', { name: 'Non-objection period for requests to join (hours)' }).fill('24');
    await form.getByRole('textbox', { name: 'Why the rules change (optional)' }).fill('Admissions by non-objection, with public objections.');
    await form.getByRole('button', { name: 'Save the rules' }).click();
    await rules.getByText('Requests to join are circulated to members for 24 hours; objections are signed and public; a chair decides.').waitFor();
    // Said once: the period is in the join policy's own line.
    expect(await rules.getByText(/for 24 hours/).count()).toBe(1);
    expect(await axeViolations(chair)).toEqual([]);
  });

  it('the applicant asks to join; the request circulates, in public', async () => {
    applicantPage = await openAs(applicant);
    await applicantPage.goto(groupUrl());
    await applicantPage.getByRole('button', { name: 'Ask to join' }).click();
    const form = applicantPage.getByRole('form', { name: 'Ask to join' });
    await form.getByRole('textbox', { name: 'Statement' }).fill('We work on the norms in our region and would contribute drafting.');
    await form.getByRole('button', { name: 'Send my request' }).click();
    const mine = applicantPage.getByTestId('applicant-circulation');
    await mine.getByText(/Members may object for .* more/).waitFor();
    await mine.getByText('Circulating to members: no objection raised so far.').waitFor();
  });

  it('a member objects, signed and reasoned; the applicant reads the objection at once, with who objected and why', async () => {
    const member = await openAs(g.ngo);
    await member.goto(groupUrl());
    const request = member.getByTestId('circulated-request').filter({ hasText: applicant.name });
    await request.getByRole('button', { name: `Object to ${applicant.name}’s request` }).click();
    const form = member.getByRole('form', { name: `Object to ${applicant.name}’s request` });
    // A reason is required.
    await form.getByRole('button', { name: 'Object publicly' }).click();
    await form.getByText('This field is required.').or(form.locator('[aria-invalid="true"]')).first().waitFor();
    await form.getByRole('textbox', { name: 'Why you object' }).fill(OBJECTION);
    await form.getByRole('button', { name: 'Object publicly' }).click();
    await request.getByTestId('objection').getByText(`“${OBJECTION}”`).waitFor();
    await request.getByRole('button', { name: 'Withdraw my objection' }).waitFor();
    expect(await axeViolations(member)).toEqual([]);

    // The applicant's page, open all along, shows it live: the objector, their organisation, the reason.
    const mine = applicantPage.getByTestId('applicant-circulation');
    const objection = mine.getByTestId('objection');
    await objection.getByText(`“${OBJECTION}”`).waitFor();
    await objection.getByText(g.ngo.name).waitFor();
    await objection.getByText(g.ngo.snapshot.organisationName).first().waitFor();
    await mine.getByText('Circulating to members: 1 objection raised so far.').waitFor();
    expect(await axeViolations(applicantPage)).toEqual([]);
  });

  it('after the period the chair admits, acknowledging the objection and giving a reason', async () => {
    await t.dataSource.query(`ALTER TABLE join_request_circulations DISABLE TRIGGER join_request_circulations_guard`);
    await t.dataSource.query(`UPDATE join_request_circulations SET ends_at = now() - interval '1 minute' WHERE working_group_id = $1`, [g.id]);
    await t.dataSource.query(`ALTER TABLE join_request_circulations ENABLE TRIGGER join_request_circulations_guard`);

    const chair = await openAs(g.chair);
    await chair.goto(groupUrl());
    await chair.getByRole('button', { name: `Admit ${applicant.name}` }).click();
    const dialog = chair.getByRole('dialog', { name: `Admit ${applicant.name}` });
    await dialog.getByText('1 objection stands').waitFor();
    await dialog.getByText(`“${OBJECTION}”`).waitFor();
    // 'Admit anyway' when the organisation is unverified (the fixture's are).
    const confirm = dialog.getByRole('button', { name: /^Admit( anyway)?$/ });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('checkbox', { name: `I have read the objection of ${g.ngo.name} (${g.ngo.snapshot.organisationName})` }).check();
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Your reason for admitting' }).fill(CHAIR_REASON);
    expect(await axeViolations(chair)).toEqual([]);
    await confirm.click();
    await dialog.waitFor({ state: 'hidden' });
    const request = chair.getByTestId('circulated-request').filter({ hasText: applicant.name });
    await request.getByText('Admitted over 1 objection, acknowledged by the chair.').waitFor();
    await request.getByText(`The chair’s reason: “${CHAIR_REASON}”`).waitFor();
  });

  it('a visitor not signed in reads the request, the signed objection and the chair’s decision on the group page', async () => {
    const visitor = await browsers.open({ reportPageErrorsAs: 'visitor' });
    await visitor.goto(groupUrl());
    const request = visitor.getByTestId('circulated-request').filter({ hasText: applicant.name });
    await request.getByText(`“${OBJECTION}”`).waitFor();
    await request.getByTestId('objection').getByText(g.ngo.name).waitFor();
    await request.getByText('Admitted over 1 objection, acknowledged by the chair.').waitFor();
    await request.getByText(`The chair’s reason: “${CHAIR_REASON}”`).waitFor();
    expect(await request.getByRole('button', { name: /Object/ }).count()).toBe(0);
    expect(await axeViolations(visitor)).toEqual([]);
  });

  it('in French on a phone, the visitor reads the rules of procedure and the objection', async () => {
    const visitor = await browsers.open({ language: 'fr', viewport: PHONE, reportPageErrorsAs: 'visiteur' });
    await visitor.goto(groupUrl());
    await visitor.getByRole('region', { name: 'Règlement intérieur' }).getByText('Les demandes d’adhésion sont diffusées aux membres pendant 24 heures ; les objections sont signées et publiques ; un président décide.').waitFor();
    const request = visitor.getByTestId('circulated-request').filter({ hasText: applicant.name });
    await request.getByText('Objections soulevées').waitFor();
    await request.getByText(`“${OBJECTION}”`).waitFor();
    await request.getByText('Admise malgré 1 objection, dont le président a pris acte.').waitFor();
    // Nothing wider than the phone.
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await axeViolations(visitor)).toEqual([]);
  });
});
