import type { Page } from 'playwright-core';
import type { AmendmentResponse, BallotResponse, ChairNominationResponse, DocumentResponse } from '@parley/contracts';
import { newAdoptedDocument, votersOf, type AdoptedDocument } from '../support/adoption-fixtures';
import { inAnHour } from '../support/ballot-fixtures';
import { axeViolations, Browsers, screenshot, webBuildSnapshot, type Language } from '../support/browser';
import { downloadCsv } from '../support/csv-download';
import { clauseByLabel, newDraftingGroup, PARIS_CALL_CLAUSES, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(300_000);

/** Long enough that a phone must shorten the ballot's title. */
const LONG_TITLE = 'Paris Call for Trust and Security in Cyberspace — draft principles for states, companies and civil society';
const PHONE = { width: 390, height: 844 };
const BOARD_NOTE = 'Unpaid member of the board since 2022.';

const ok = <T>(res: { status: number; body: T }, expected: number, what: string): T => {
  if (res.status !== expected) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/**
 * Voting with the text in view (issue 17): a ballot page says what is being decided (an amendment's
 * change against its clause, a version's text, a nominee's declarations) with links back to where it
 * lives; every vote can carry a reason; a closed ballot says what happens next; the French page
 * says the nomination in French; and on a phone the title stays short.
 */
describe('a ballot shows what is voted on, takes reasons with every vote, and says what happens next', () => {
  let t: TestApp;
  let browsers: Browsers;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let newText: string;
  let openAmendment: { ballotId: string; amendmentId: string };
  let closedAmendmentBallotId: string;
  let chairBallotId: string;
  let adopted: AdoptedDocument;

  const as = async (who: Delegate, language: Language = 'en', viewport?: { width: number; height: number }): Promise<Page> => {
    const page = await browsers.open({ language, ...(viewport ? { viewport } : {}) });
    await browsers.signInWith(page, who.session);
    return page;
  };

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    browsers = new Browsers(t.baseUrl);
    g = await newDraftingGroup(t);
    doc = ok(await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title: LONG_TITLE, clauses: PARIS_CALL_CLAUSES }), 201, 'document');
    const clause4 = clauseByLabel(doc, '4.');
    newText = clause4.text.replace('including trade secrets', 'notably trade secrets');
    expect(newText).not.toBe(clause4.text);

    // The government proposes, the NGO co-sponsors, the chair puts it to a vote that asks a reason for no.
    const amendment = ok(
      await g.government.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, {
        kind: 'replace',
        baseVersion: 1,
        targetClauseId: clause4.id,
        text: newText,
        rationale: 'Trade secrets are one case among others, not the whole.',
      }),
      201,
      'amendment',
    );
    ok(await g.ngo.client.post(`/api/amendments/${amendment.id}/cosponsors`), 201, 'co-sponsor');
    const opened = ok(await g.chair.client.post<AmendmentResponse>(`/api/amendments/${amendment.id}/ballot`, { closesAt: inAnHour(), requireReasonForNo: true }), 201, 'ballot');
    openAmendment = { ballotId: opened.ballotId!, amendmentId: amendment.id };

    // A second amendment (delete clause 5.), passed and closed early by the chair.
    const deletion = ok(
      await g.company.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, {
        kind: 'delete',
        baseVersion: 1,
        targetClauseId: clauseByLabel(doc, '5.').id,
        rationale: 'Covered by clause 6.',
      }),
      201,
      'deletion',
    );
    const deletionBallot = ok(await g.chair.client.post<AmendmentResponse>(`/api/amendments/${deletion.id}/ballot`, { closesAt: inAnHour() }), 201, 'ballot').ballotId!;
    for (const v of votersOf(g)) ok(await v.client.post(`/api/ballots/${deletionBallot}/votes`, { choice: 'yes' }), 200, 'vote');
    ok(await g.chair.client.post(`/api/ballots/${deletionBallot}/close`, { reason: 'Every member has voted.' }), 200, 'close');
    closedAmendmentBallotId = deletionBallot;

    // The company nominates the NGO delegate (who declared a board seat), who accepts: a confirmation ballot, no end date.
    ok(await g.ngo.client.post('/api/me/declarations', { kind: 'board', organisationName: 'Open Networks Foundation', note: BOARD_NOTE }), 201, 'declaration');
    const nomination = ok(
      await g.company.client.post<ChairNominationResponse>(`/api/working-groups/${g.id}/chair-nominations`, { nomineeId: g.ngo.id, statement: 'She listens to every side.' }),
      201,
      'nomination',
    );
    chairBallotId = ok(await g.ngo.client.post<ChairNominationResponse>(`/api/chair-nominations/${nomination.id}/acceptance`, {}), 200, 'acceptance').ballot!.id;

    adopted = await newAdoptedDocument(t);
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('an amendment ballot shows the change against its clause, who proposed and backs it, and links to the amendment, document and group', async () => {
    const words = {
      en: { section: 'What is being voted on', proposed: 'Proposed by', cosponsors: '1 co-sponsor', amendment: 'See the amendment beside clause 4.', read: `Read version 1 of “${LONG_TITLE}”` },
      fr: { section: 'Ce qui est soumis au scrutin', proposed: 'Proposé par', cosponsors: '1 cosignataire', amendment: 'Voir l’amendement à côté du paragraphe 4.', read: `Lire la version 1 de « ${LONG_TITLE} »` },
    };
    for (const language of ['en', 'fr'] as const) {
      const w = words[language];
      const page = await browsers.open({ language });
      await page.goto(`${t.baseUrl}/ballots/${openAmendment.ballotId}`);
      const subject = page.getByRole('region', { name: w.section });
      await subject.waitFor();
      // The change itself: "including" struck out, "notably" inserted, against clause 4.'s text.
      const diff = subject.getByTestId('ballot-subject-diff');
      expect((await diff.locator('del').textContent())?.trim()).toMatch(/including$/);
      expect((await diff.locator('ins').textContent())?.trim()).toMatch(/notably$/);
      await subject.getByTestId('ballot-subject-proposer').getByText(w.proposed).waitFor();
      await subject.getByTestId('ballot-subject-proposer').getByRole('link', { name: g.government.name }).waitFor();
      await subject.getByTestId('ballot-subject-proposer').getByText(g.government.organisation.name).waitFor();
      await subject.getByTestId('ballot-subject-cosponsors').getByText(w.cosponsors).waitFor();
      await subject.getByTestId('ballot-subject-cosponsors').getByRole('link', { name: g.ngo.name }).waitFor();
      expect(await subject.getByRole('link', { name: w.read }).getAttribute('href')).toBe(`/documents/${doc.id}?v=1`);
      await screenshot(page, `ballot-subject-amendment-${language}.png`, { fullPage: true });
      expect(await axeViolations(page)).toEqual([]);

      // From the ballot to the amendment, beside its clause in the document.
      await subject.getByRole('link', { name: w.amendment }).click();
      await page.waitForURL(`${t.baseUrl}/documents/${doc.id}?v=1&clause=${clauseByLabel(doc, '4.').id}&panel=amendments`);
      await page.locator(`[data-testid="amendment"][data-amendment-id="${openAmendment.amendmentId}"]`).waitFor();

      // And to its working group.
      await page.goBack();
      await page.getByTestId('ballot-group-link').click();
      await page.waitForURL(`${t.baseUrl}/working-groups/${g.id}`);
    }
  });

  it('an adoption ballot shows the version’s text and counts, and once adopted says organisations can endorse it', async () => {
    const words = {
      en: { section: 'What is being voted on', lead: /^Version 1 of “Paris Call — draft principles”: \d+ clauses$/, next: 'Version 1 is adopted; organisations can endorse it.', link: 'Endorse it, or see who has', read: 'Read version 1 in the document, with its comments' },
      fr: { section: 'Ce qui est soumis au scrutin', lead: /^Version 1 de « Paris Call — draft principles » : \d+ paragraphes$/, next: 'La version 1 est adoptée ; les organisations peuvent l’approuver.', link: 'L’approuver, ou voir qui l’a approuvée', read: 'Lire la version 1 dans le document, avec ses commentaires' },
    };
    const clause4 = clauseByLabel(adopted.doc, '4.');
    for (const language of ['en', 'fr'] as const) {
      const w = words[language];
      const page = await browsers.open({ language });
      await page.goto(`${t.baseUrl}/ballots/${adopted.ballotId}`);
      const subject = page.getByRole('region', { name: w.section });
      await subject.getByText(w.lead).waitFor();
      await subject.getByTestId('ballot-subject-text').getByText(clause4.text).waitFor();
      expect(await subject.getByTestId('ballot-subject-counts').locator('li').count()).toBe(5);
      expect(await subject.getByRole('link', { name: w.read }).getAttribute('href')).toBe(`/documents/${adopted.doc.id}?v=1`);
      const next = page.getByTestId('ballot-next-steps');
      await next.getByText(w.next, { exact: false }).waitFor();
      await screenshot(page, `ballot-subject-adoption-${language}.png`, { fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      await next.getByRole('link', { name: w.link }).click();
      await page.waitForURL(`${t.baseUrl}/documents/${adopted.doc.id}/versions/1/signatories`);
    }
  });

  it('a closed amendment ballot says the amendment now waits to be consolidated', async () => {
    const next = {
      en: 'The amendment now waits to be consolidated into a new version by the chair.',
      fr: 'L’amendement attend maintenant que la présidence l’intègre dans une nouvelle version.',
    };
    for (const language of ['en', 'fr'] as const) {
      const page = await browsers.open({ language });
      await page.goto(`${t.baseUrl}/ballots/${closedAmendmentBallotId}`);
      await page.getByTestId('ballot-next-steps').getByText(next[language], { exact: false }).waitFor();
      // A deletion shows the clause struck out.
      expect(await page.getByTestId('ballot-subject-diff').locator('del').textContent()).toContain(clauseByLabel(doc, '5.').text);
    }
  });

  it('the chair-confirmation ballot says the nomination in the reader’s language, with the nominee’s declarations', async () => {
    const ballot = ok(await g.chair.client.get<BallotResponse>(`/api/ballots/${chairBallotId}`), 200, 'ballot');
    // The stored description stays English (rows written before this change read the same way).
    expect(ballot.description).toContain('The term would have no end date.');

    const fr = await browsers.open({ language: 'fr' });
    await fr.goto(`${t.baseUrl}/ballots/${chairBallotId}`);
    await fr.getByRole('heading', { level: 1, name: /^Confirmation de / }).waitFor();
    await fr.getByRole('heading', { level: 2, name: 'Comment ce scrutin est décidé' }).waitFor();
    const main = (await fr.locator('main').textContent()) ?? '';
    expect(main).not.toContain('The term would have no end date');
    expect(main).not.toContain('Nominated by');
    const subject = fr.getByRole('region', { name: 'Ce qui est soumis au scrutin' });
    await subject.getByTestId('ballot-subject-term').getByText('Le mandat n’aurait pas de date de fin.').waitFor();
    await subject.getByTestId('ballot-subject-nominator').getByText('Proposé(e) par').waitFor();
    await subject.getByTestId('ballot-subject-nominator').getByRole('link', { name: g.company.name }).waitFor();
    await subject.getByTestId('ballot-subject-person').getByText(g.ngo.organisation.name).waitFor();
    await subject.getByTestId('ballot-subject-declarations').getByText(BOARD_NOTE).waitFor();
    await screenshot(fr, 'ballot-subject-chair-fr.png', { fullPage: true });
    expect(await axeViolations(fr)).toEqual([]);
    await subject.getByRole('link', { name: `Voir la page de ${g.ngo.name}` }).click();
    await fr.waitForURL(`${t.baseUrl}/people/${g.ngo.id}`);

    const en = await browsers.open();
    await en.goto(`${t.baseUrl}/ballots/${chairBallotId}`);
    await en.getByTestId('ballot-subject-term').getByText('The term would have no end date.').waitFor();
    await en.getByTestId('ballot-subject-nominator').getByText('Nominated by').waitFor();
  });

  it('the vote’s label carries no stray required asterisk, before and after voting, in English and French', async () => {
    const words = {
      en: { choose: 'Choose your vote', change: 'Change your vote until the ballot closes', cast: 'Cast my vote', yes: 'Yes' },
      fr: { choose: 'Choisissez votre vote', change: 'Modifiez votre vote jusqu’à la clôture', cast: 'Voter', yes: 'Oui' },
    };
    for (const [language, who] of [
      ['en', g.chair],
      ['fr', g.government],
    ] as const) {
      const w = words[language];
      const page = await as(who, language);
      await page.goto(`${t.baseUrl}/ballots/${chairBallotId}`);
      const group = page.locator('main').getByRole('radiogroup');
      await group.and(page.getByRole('radiogroup', { name: w.choose })).waitFor();
      // The visible label of the group, as a sighted reader sees it (a required mark included).
      const label = () => group.evaluate((el) => document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ?? null);
      expect(await label()).toBe(w.choose);
      await group.getByRole('radio', { name: w.yes, exact: true }).check();
      await page.getByRole('button', { name: w.cast, exact: true }).click();
      await group.and(page.getByRole('radiogroup', { name: w.change })).waitFor();
      expect(await label()).toBe(w.change);
    }
  });

  it('every choice takes a reason (required for no on this ballot), shown in the roll call and the votes CSV', async () => {
    const yesReason = 'Trade secrets are not the only confidential business information.';
    const noReason = 'The narrower wording is clearer for courts.';
    const abstainReason = 'Notre ministère n’a pas encore arrêté sa position.';

    const company = await as(g.company);
    await company.goto(`${t.baseUrl}/ballots/${openAmendment.ballotId}`);
    const group = company.getByRole('radiogroup', { name: 'Choose your vote' });
    await group.waitFor();
    await group.getByRole('radio', { name: 'Yes', exact: true }).check();
    await company.getByRole('textbox', { name: 'Reason (optional)' }).fill(yesReason);
    await company.getByRole('button', { name: 'Cast my vote' }).click();
    await company.getByTestId('my-vote').getByText(`Your reason: ${yesReason}`).waitFor();

    const rapporteur = await as(g.rapporteur);
    await rapporteur.goto(`${t.baseUrl}/ballots/${openAmendment.ballotId}`);
    await rapporteur.getByRole('radio', { name: 'No', exact: true }).check();
    await rapporteur.getByRole('button', { name: 'Cast my vote' }).click();
    await rapporteur.getByText('This ballot needs a reason for a no vote.').waitFor();
    await rapporteur.getByRole('textbox', { name: /^Reason/ }).fill(noReason);
    await rapporteur.getByRole('button', { name: 'Cast my vote' }).click();
    await rapporteur.getByTestId('my-vote').getByText(`Your reason: ${noReason}`).waitFor();

    const government = await as(g.government, 'fr');
    await government.goto(`${t.baseUrl}/ballots/${openAmendment.ballotId}`);
    await government.getByRole('radio', { name: 'Abstention' }).check();
    await government.getByRole('textbox', { name: 'Motif (facultatif)' }).fill(abstainReason);
    await government.getByRole('button', { name: 'Voter', exact: true }).click();
    await government.getByTestId('my-vote').getByText(`Votre motif : ${abstainReason}`).waitFor();
    await screenshot(government, 'ballot-reason-fr.png');

    // Each reason in the roll call, beside its voter, and in the votes CSV.
    await company.reload();
    for (const [who, reason] of [
      [g.company, yesReason],
      [g.rapporteur, noReason],
      [g.government, abstainReason],
    ] as const)
      await company.getByTestId('roll-call-row').filter({ hasText: who.name }).getByText(reason).waitFor();
    expect(await axeViolations(company)).toEqual([]);
    const csv = await downloadCsv(`${t.baseUrl}/api/ballots/${openAmendment.ballotId}/votes.csv`);
    expect(csv.status).toBe(200);
    for (const reason of [yesReason, noReason, abstainReason]) expect(csv.text).toContain(reason);
  });

  it('on a phone the title takes at most three lines, the rest a tap away, and the subject fits the screen', async () => {
    const words = { en: { more: 'Show the full title', section: 'What is being voted on' }, fr: { more: 'Afficher le titre en entier', section: 'Ce qui est soumis au scrutin' } };
    for (const language of ['en', 'fr'] as const) {
      const page = await browsers.open({ language, viewport: PHONE });
      await page.goto(`${t.baseUrl}/ballots/${openAmendment.ballotId}`);
      const title = page.getByRole('heading', { level: 1 });
      await title.getByText(LONG_TITLE, { exact: false }).waitFor();
      const lines = async () =>
        title.evaluate((h) => {
          const style = getComputedStyle(h);
          return Math.round(h.getBoundingClientRect().height / parseFloat(style.lineHeight));
        });
      expect(await lines()).toBeLessThanOrEqual(3);
      // The heading keeps the whole title for screen readers.
      expect(await title.textContent()).toContain(LONG_TITLE);
      await screenshot(page, `ballot-title-phone-${language}.png`);
      const more = page.getByRole('button', { name: words[language].more });
      await more.click();
      expect(await lines()).toBeGreaterThan(3);
      await page.getByRole('region', { name: words[language].section }).getByTestId('ballot-subject-diff').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(await axeViolations(page)).toEqual([]);
    }
  });
});
