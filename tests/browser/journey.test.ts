import type { Page } from 'playwright-core';
import type { OrganisationResponse } from '@parley/contracts';
import { Clock } from '../../apps/api/src/platform/clock/clock';
import { Browsers, screenshot, seriousAxeViolations, webBuildSnapshot } from '../support/browser';
import { newPerson } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(90_000);

const PASSWORD = 'correct horse battery';
const GROUP = 'Working group on protecting the public core';
const DOC = 'Norm on the public core of the internet';
const CLAUSE_1 = 'Calls on all stakeholders to refrain from activities that damage the general availability or integrity of the public core of the internet.';
const AMENDED =
  'Calls on all stakeholders, including companies operating critical infrastructure, to refrain from activities that damage the general availability or integrity of the public core of the internet.';

interface Delegate {
  name: string;
  email: string;
  title: string;
  organisation: { name: string; stakeholderGroup: string; subtype: string; country: string };
  org?: OrganisationResponse;
  page?: Page;
}

const government: Delegate = {
  name: 'Amélie Laurent',
  email: 'amelie.laurent@diplomatie.example',
  title: 'Ambassador for digital affairs',
  organisation: { name: 'Ministry for Europe and Foreign Affairs', stakeholderGroup: 'government', subtype: 'national', country: 'FR' },
};
const company: Delegate = {
  name: 'Daniel Okoro',
  email: 'daniel.okoro@northwind.example',
  title: 'Director of public policy',
  organisation: { name: 'Northwind Security', stakeholderGroup: 'private-sector', subtype: 'company', country: 'US' },
};
const civil: Delegate = {
  name: 'Leila Haddad',
  email: 'leila.haddad@digitalrights.example',
  title: 'Policy lead',
  organisation: { name: 'Digital Rights Lab', stakeholderGroup: 'civil-society', subtype: 'ngo', country: 'KE' },
};
const delegates = [government, company, civil];

/**
 * The whole journey, live, with three delegates in three browsers (government, company, civil
 * society): a group is convened, two of them ask to join and are admitted, the civil-society
 * delegate is nominated and confirmed as chair by a chambered ballot, she creates a document; the
 * government delegate asks a clarification question she answers; the company delegate proposes an
 * amendment the government delegate co-sponsors; all three vote it through; she consolidates
 * version 2, all three adopt it, each organisation endorses it; an anonymous visitor then checks
 * the public record, who chaired what, the provenance and the audit log.
 *
 * Setup through the API only: the accounts, their organisations (verified by the steward) and
 * affiliations. Everything after that happens in the browsers. One thing is simulated: a week
 * passing (the API's clock and the three browsers' clocks move forward together), so the
 * chair-confirmation ballot reaches its closing time (a new group has no chair yet who could close
 * it early); the API's own scheduler then closes it.
 */
describe('the whole journey: three delegates, three browsers, one norm from convening to endorsement', () => {
  let t: TestApp;
  let browsers: Browsers;
  let groupId = '';
  let documentId = '';
  const realNow = Clock.prototype.now;
  let daysAhead = 0;

  const url = (path: string) => `${t.baseUrl}${path}`;
  const page = (d: Delegate) => d.page!;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    Clock.prototype.now = () => new Date(Date.now() + daysAhead * 24 * 3600_000);
    const stewardClient = (await newPerson(t.baseUrl, { name: 'Platform Steward', email: 'steward@parley.example', password: PASSWORD })).client;
    for (const d of delegates) {
      const { client, id } = await newPerson(t.baseUrl, { name: d.name, email: d.email, password: PASSWORD });
      d.org = (await client.post<OrganisationResponse>('/api/organisations', d.organisation)).body;
      expect((await stewardClient.post(`/api/organisations/${d.org.id}/verify`)).status).toBe(200);
      expect((await client.post('/api/me/affiliations', { organisationId: d.org.id, title: d.title, startDate: '2021-09-01' })).status).toBe(201);
      // The steward names each delegate their organisation's first focal point, which confirms their affiliation.
      expect((await stewardClient.post(`/api/organisations/${d.org.id}/focal-points`, { personId: id, reason: 'Named by the organisation in writing' })).status).toBe(201);
    }
    browsers = new Browsers(t.baseUrl);
  });

  afterAll(async () => {
    Clock.prototype.now = realNow;
    await browsers?.close();
    await t?.close();
  });

  it('each delegate logs in in their own browser; the government delegate convenes the group', async () => {
    for (const d of delegates) {
      d.page = await browsers.open();
      // A clock the test can move forward with the server's (time flows normally until then).
      await d.page.clock.install();
      await browsers.logIn(d.page, d.email, PASSWORD);
    }
    const gov = page(government);
    await gov.getByRole('navigation').getByRole('link', { name: 'Working groups' }).click();
    await gov.getByRole('heading', { level: 1, name: 'Working groups' }).waitFor();
    await gov
      .getByRole('link', { name: 'Convene a working group' })
      .or(gov.getByRole('button', { name: 'Convene a working group' }))
      .first()
      .click();
    await gov.getByRole('heading', { level: 1, name: 'Convene a working group' }).waitFor();
    await gov.getByRole('textbox', { name: /^Name/ }).fill(GROUP);
    await gov
      .getByRole('textbox', { name: /^Mandate/ })
      .fill('Draft a norm protecting the general availability and integrity of the public core of the internet, and commentary on its implementation.');
    await gov.getByRole('radio', { name: /Joining needs a chair's approval/ }).check();
    await gov.getByRole('button', { name: 'Convene the group' }).click();
    await gov.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    groupId = /\/working-groups\/([0-9a-f-]{36})/.exec(gov.url())![1];
    await gov.getByText('You convened this group.').waitFor();
  });

  it('the company and civil-society delegates ask to join; the convener sees the requests arrive and admits them', async () => {
    const gov = page(government);
    for (const d of [company, civil]) {
      const p = page(d);
      await p.getByRole('navigation').getByRole('link', { name: 'Working groups' }).click();
      await p.getByRole('link', { name: GROUP }).click();
      await p.getByRole('heading', { level: 1, name: GROUP }).waitFor();
      await p.getByRole('button', { name: 'Ask to join' }).click();
      await p.getByRole('radio', { name: 'Member (votes)' }).check();
      await p.getByRole('textbox', { name: /^Statement/ }).fill(`${d.organisation.name} wants the norm to be workable for everyone who runs the internet.`);
      await p.getByRole('button', { name: 'Send my request' }).click();
      await p.getByText(/You asked to join as member on .*; a chair will answer your request\./).waitFor();
    }
    // Live: the convener's page was open all along.
    await gov.getByRole('heading', { name: '2 requests to join' }).waitFor({ timeout: 20_000 });
    for (const d of [company, civil]) {
      await gov.getByRole('button', { name: `Admit ${d.name}` }).click();
      await gov.getByRole('dialog', { name: `Admit ${d.name}` }).getByRole('button', { name: /^Admit( anyway)?$/ }).click();
    }
    await gov.getByRole('heading', { name: '0 requests to join' }).waitFor();
    for (const d of [company, civil]) await page(d).getByTestId('my-standing').getByText('You take part as: member.').waitFor({ timeout: 20_000 });
  });

  it('the civil-society delegate nominates herself, accepts, and the three of them confirm her in a chambered ballot', async () => {
    const leila = page(civil);
    await leila.getByRole('button', { name: 'Nominate a chair' }).click();
    const form = leila.getByRole('form', { name: 'Nominate a chair' });
    await form.getByRole('textbox', { name: /^Nominee/ }).click();
    await leila.getByRole('option', { name: `Myself (${civil.name})` }).click();
    await form.getByRole('textbox', { name: /^Statement/ }).fill('I will chair in the open and answer every clarification question.');
    await form.getByRole('button', { name: 'Nominate' }).click();
    const nomination = leila.getByTestId('nomination').filter({ hasText: civil.name });
    await nomination.getByText('Accepting opens a ballot of the members, decided by a majority in each stakeholder group.').waitFor();
    await nomination.getByRole('button', { name: 'Accept and open the ballot' }).click();
    await leila.waitForURL(/\/ballots\/[0-9a-f-]{36}$/);
    const ballotPath = new URL(leila.url()).pathname;
    const title = `Confirm ${civil.name} (${civil.organisation.name}) as chair of ${GROUP}`;
    await leila.getByRole('heading', { level: 1, name: title }).waitFor();

    for (const [i, d] of [civil, government, company].entries()) {
      const p = page(d);
      if (d !== civil) {
        // The others follow the link the group page shows them.
        await p.goto(url(`/working-groups/${groupId}`));
        await p.getByRole('link', { name: 'Confirmation ballot: open, go and vote' }).click();
        await p.getByRole('heading', { level: 1, name: title }).waitFor();
      }
      await p.getByRole('radio', { name: 'Yes' }).check();
      await p.getByRole('button', { name: 'Cast my vote' }).click();
      await p.getByText('You voted: Yes').waitFor();
      // The nominee's page counts each vote as it is cast, without a reload.
      await leila.getByText(`${i + 1} of 3 voters ${i === 0 ? 'has' : 'have'} voted`).waitFor({ timeout: 20_000 });
    }

    // A week passes: the ballot reaches its closing time and the API's scheduler closes it.
    daysAhead = 7.01;
    for (const d of delegates) await page(d).clock.fastForward(daysAhead * 24 * 3600_000);
    await leila.getByText(/^Closed at its closing time/).waitFor({ timeout: 30_000 });
    await screenshot(leila, 'journey-chair-confirmed.png');
    await leila.goto(url(`/working-groups/${groupId}`));
    await leila.getByTestId('chair').filter({ hasText: civil.name }).getByText('Confirmed by ballot').waitFor();
    expect(ballotPath).toMatch(/^\/ballots\//);
  });

  it('the new chair creates the document; the government delegate asks a clarification question, which she answers', async () => {
    const leila = page(civil);
    await leila.getByRole('link', { name: 'New document' }).click();
    await leila.getByRole('heading', { level: 1, name: 'New document' }).waitFor();
    await leila.getByRole('textbox', { name: /^Title/ }).fill(DOC);
    await leila
      .getByRole('textbox', { name: /^Text/ })
      .fill(
        [
          'Protecting the public core',
          'Recognising that the general availability and integrity of the public core of the internet are essential to all,',
          `1. ${CLAUSE_1}`,
          '2. Encourages states to cooperate in responding to incidents that affect the public core.',
        ].join('\n\n'),
      );
    await leila.getByText('4 clauses').waitFor();
    await leila.getByRole('button', { name: 'Create the document' }).click();
    await leila.getByRole('heading', { level: 1, name: DOC }).waitFor();
    documentId = /\/documents\/([0-9a-f-]{36})/.exec(leila.url())![1];

    const gov = page(government);
    await gov.goto(url(`/working-groups/${groupId}`));
    await gov.getByTestId('group-documents').getByRole('link', { name: DOC }).click();
    await gov.getByRole('heading', { level: 1, name: DOC }).waitFor();
    await gov.locator('li.clause-row[data-label="2."] button.clause-open').click();
    const panel = gov.getByTestId('clause-panel');
    await panel.getByRole('heading', { name: 'Clause 2.' }).waitFor();
    await panel.getByRole('textbox', { name: 'Kind of comment' }).click();
    await gov.getByRole('option', { name: 'Clarification question' }).click();
    await panel.getByRole('textbox', { name: /^Your comment/ }).fill('Does “cooperate” include sharing technical indicators with the private sector?');
    await panel.getByRole('button', { name: 'Post the comment' }).click();
    await panel.getByTestId('thread').filter({ hasText: 'technical indicators' }).getByText('Awaiting an answer').waitFor();

    // The chair's page shows the question arrive on clause 2, live; she answers it with a disposition.
    await leila.locator('li.clause-row[data-label="2."]').getByText('1 question unanswered').waitFor({ timeout: 20_000 });
    await leila.locator('li.clause-row[data-label="2."] button.clause-open').click();
    const thread = leila.getByTestId('clause-panel').getByTestId('thread').filter({ hasText: 'technical indicators' });
    await thread.getByRole('button', { name: 'Give a disposition' }).click();
    await thread.getByRole('textbox', { name: /^Disposition/ }).click();
    await leila.getByRole('option', { name: 'Accepted' }).click();
    await thread.getByRole('textbox', { name: /^Reason/ }).fill('Yes: the commentary will say so explicitly.');
    await thread.getByRole('button', { name: 'Record the disposition' }).click();
    await thread.getByText('Yes: the commentary will say so explicitly.').waitFor();
  });

  it('the company delegate proposes an amendment, the government delegate co-sponsors it, all three vote it through', async () => {
    const daniel = page(company);
    await daniel.goto(url(`/documents/${documentId}`));
    await daniel.locator('li.clause-row[data-label="1."] button.clause-open').click();
    const panel = daniel.getByTestId('clause-panel');
    await panel.getByRole('tab', { name: /^Amendments/ }).click();
    await panel.getByRole('button', { name: 'Propose an amendment…' }).click();
    const form = panel.getByRole('form', { name: 'Propose an amendment' });
    await form.getByRole('textbox', { name: /^New text of the clause/ }).fill(AMENDED);
    await form
      .getByRole('textbox', { name: /^Rationale/ })
      .fill('Operators of critical infrastructure hold much of the public core; the norm should name them.');
    await form.getByRole('button', { name: 'Propose the amendment' }).click();
    const card = panel.getByTestId('amendment').filter({ hasText: 'should name them' });
    await card.locator('ins').filter({ hasText: 'including companies operating critical infrastructure' }).first().waitFor();

    const gov = page(government);
    await gov.goto(url(`/documents/${documentId}`));
    await gov.locator('li.clause-row[data-label="1."] button.clause-open').click();
    await gov
      .getByTestId('clause-panel')
      .getByRole('tab', { name: /^Amendments/ })
      .click();
    const govCard = gov.getByTestId('clause-panel').getByTestId('amendment').filter({ hasText: 'should name them' });
    await govCard.getByRole('button', { name: 'Co-sponsor', exact: true }).click();
    await govCard.getByTestId('cross-group').getByText('Government').waitFor();
    await govCard.getByTestId('cross-group').getByText('Private sector').waitFor(); // the company proposer's group

    const leila = page(civil);
    await leila.goto(url(`/documents/${documentId}`));
    await leila.locator('li.clause-row[data-label="1."] button.clause-open').click();
    await leila
      .getByTestId('clause-panel')
      .getByRole('tab', { name: /^Amendments/ })
      .click();
    const chairCard = leila.getByTestId('clause-panel').getByTestId('amendment').filter({ hasText: 'should name them' });
    await chairCard.getByRole('button', { name: 'Put to a vote' }).click();
    await chairCard.getByRole('textbox', { name: 'The ballot closes in' }).click();
    await leila.getByRole('option', { name: 'one hour' }).click();
    await chairCard.getByRole('button', { name: 'Open the ballot' }).click();
    const ballotHref = (await chairCard.getByRole('link', { name: 'Vote on this amendment' }).getAttribute('href'))!;
    await voteYesAll(ballotHref, /^Amendment: Replace clause 1\./);
    await closeAsChair(ballotHref);

    await leila.goto(url(`/documents/${documentId}`));
    await leila.getByText('1 accepted amendment waits to be applied.').waitFor();
    await leila.getByRole('button', { name: 'Consolidate version 2' }).click();
    const consolidating = leila.getByRole('dialog', { name: 'Consolidate version 2' });
    await consolidating.getByRole('textbox', { name: /^Note on the new version/ }).fill('Clause 1 as amended.');
    await consolidating.getByRole('button', { name: 'Create version 2' }).click();
    await leila.locator('li.clause-row[data-label="1."] p.clause-text').filter({ hasText: AMENDED }).waitFor();
  });

  it('all three adopt version 2; each organisation endorses it', async () => {
    const leila = page(civil);
    await leila.goto(url(`/documents/${documentId}`));
    await leila.getByRole('button', { name: 'Open the adoption ballot' }).first().click();
    const dialog = leila.getByRole('dialog', { name: 'Adopt version 2' });
    await dialog.getByRole('button', { name: 'Open the adoption ballot' }).click();
    // Opening it takes the chair to the ballot.
    await leila.waitForURL(/\/ballots\/[0-9a-f-]{36}$/);
    const ballotHref = new URL(leila.url()).pathname;
    await voteYesAll(ballotHref, new RegExp(DOC));
    await closeAsChair(ballotHref);
    await leila.goto(url(`/documents/${documentId}`));
    await leila.getByText('Version 2 was adopted; its text is frozen.').waitFor();

    const expected = ['1 state', '1 state and 1 company', '1 state, 1 company and 1 civil-society organisation'];
    for (const [i, d] of [government, company, civil].entries()) {
      const p = page(d);
      // Each finds the signatories from the public record.
      await p.goto(url(`/working-groups/${groupId}/record`));
      await p.getByRole('link', { name: 'signatories' }).first().click();
      await p.getByRole('heading', { level: 1, name: 'Signatories' }).waitFor();
      await p
        .getByTestId('endorse-button')
        .filter({ hasText: `Endorse on behalf of ${d.organisation.name}` })
        .click();
      await p.getByTestId('signatory-headline').filter({ hasText: expected[i] }).waitFor();
    }
    await screenshot(page(civil), 'journey-signatories.png');
  });

  it('an anonymous visitor checks the public record, who chaired what, who wrote what and the audit log', async () => {
    const visitor = await browsers.open();
    await visitor.goto(url(`/working-groups/${groupId}/record`));
    await visitor.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    const members = visitor.getByTestId('record-members');
    for (const d of delegates) await members.getByText(d.name).first().waitFor();
    const term = visitor.getByTestId('chair-term-row').filter({ hasText: civil.name });
    await term.getByTestId('confirming-ballot').waitFor();
    const ballots = visitor.getByTestId('record-ballots');
    await ballots
      .getByText(/passed/)
      .first()
      .waitFor();
    expect(await seriousAxeViolations(visitor)).toEqual([]);
    await screenshot(visitor, 'journey-public-record.png');

    await visitor.getByRole('navigation').getByRole('link', { name: 'Chairs' }).click();
    const row = visitor.getByTestId('chair-term-row').filter({ hasText: civil.name });
    await row.waitFor();
    expect(await row.getByTestId('confirming-ballot').textContent()).toBe('Ballot passed');
    await row.getByText(civil.organisation.name).first().waitFor();

    await visitor.goto(url(`/documents/${documentId}/versions/2/provenance`));
    const added = visitor
      .locator('li[data-label="1."] span.prov-segment[data-group="private-sector"]')
      .filter({ hasText: 'including companies operating critical infrastructure' });
    await added.waitFor();
    expect(await added.getAttribute('title')).toMatch(new RegExp(`^Introduced by ${company.name} \\(${company.organisation.name}, Private sector\\)`));

    await visitor.goto(url(`/working-groups/${groupId}/audit`));
    await visitor.getByTestId('audit-event').filter({ hasText: `was confirmed as chair by ballot` }).first().waitFor();
    await visitor.getByTestId('audit-event').filter({ hasText: civil.organisation.name }).first().waitFor();
  });

  async function voteYesAll(ballotHref: string, heading: RegExp): Promise<void> {
    for (const d of delegates) {
      const p = page(d);
      await p.goto(url(ballotHref));
      await p.getByRole('heading', { level: 1, name: heading }).waitFor();
      await p.getByRole('radio', { name: 'Yes' }).check();
      await p.getByRole('button', { name: 'Cast my vote' }).click();
      await p.getByText('You voted: Yes').waitFor();
    }
  }

  async function closeAsChair(ballotHref: string): Promise<void> {
    const leila = page(civil);
    await leila.goto(url(ballotHref));
    await leila.getByText('3 of 3 voters have voted').waitFor();
    await leila.getByRole('button', { name: 'Close the ballot now…' }).click();
    await leila.getByLabel('Reason for closing early').fill('Every member has voted.');
    await leila.getByRole('button', { name: 'Close the ballot', exact: true }).click();
    await leila.getByText('The ballot is closed.').first().waitFor();
    // The other two are still on the ballot page: it shows the close without a reload.
    for (const d of [government, company])
      await page(d)
        .getByText(new RegExp(`^Closed early on .* by ${civil.name}`))
        .first()
        .waitFor({ timeout: 20_000 });
  }
});
