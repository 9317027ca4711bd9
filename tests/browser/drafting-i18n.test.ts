import { join } from 'node:path';
import { demoDraft } from '../support/demo-draft';
import type { Page } from 'playwright-core';
import type { AmendmentPage, AmendmentResponse, AuditEventResponse, BallotResponse, DocumentListResponse, SessionResponse, WorkingGroupListResponse } from '@parley/contracts';
import { DEMO_PASSWORD, demoEmail } from '../../apps/api/src/demo/demo-people';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { Browsers, OUTPUT, seriousAxeViolations, webBuildSnapshot } from '../support/browser';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const NORMS = 'Working group on international norms';
const FRANCE = 'Claire Dubois'; // France: a voting member of the group

/**
 * The demo document read in French: why an amendment is outdated or was rejected is said in French
 * (from the reason codes the API gives beside its English notes), a delegate withdraws their
 * co-sponsorship of a proposed amendment from its card, and an amendment's ballot is titled in French.
 */
describe('drafting in French: status notes, withdrawing a co-sponsorship, ballot titles', () => {
  let t: TestApp;
  let browsers: Browsers;
  let api: ApiClient;
  let groupId: string;
  let documentId: string;
  let amendments: AmendmentResponse[];
  let session: SessionResponse;
  const byOrganisation = (name: string) => amendments.find((a) => a.author.snapshot?.organisationName === name)!;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    await t.app.get(DemoSeeder).seed();
    browsers = new Browsers(t.baseUrl);
    api = new ApiClient(t.baseUrl);
    groupId = (await api.get<WorkingGroupListResponse>('/api/working-groups')).body.items.find((g) => g.name === NORMS)!.id;
    documentId = demoDraft((await api.get<DocumentListResponse>(`/api/working-groups/${groupId}/documents`)).body.items).id;
    amendments = (await api.get<AmendmentPage>(`/api/documents/${documentId}/amendments`)).body.items;
    session = (await api.post<SessionResponse>('/api/auth/login', { email: demoEmail(FRANCE), password: DEMO_PASSWORD })).body;
  });
  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  /** A page in French signed in as the French delegate (one session: log-ins are rate-limited), and their API client. */
  async function signedIn(): Promise<{ page: Page; client: ApiClient }> {
    const page = await browsers.open({ language: 'fr', viewport: { width: 1360, height: 1100 } });
    await browsers.signInWith(page, session);
    return { page, client: new ApiClient(t.baseUrl).withToken(session.token) };
  }

  /** Opens a clause's amendments in the side panel, and the card of one amendment there. */
  async function amendmentCard(page: Page, amendment: AmendmentResponse) {
    await page.goto(`${t.baseUrl}/documents/${documentId}?clause=${amendment.targetClauseId}`);
    const panel = page.getByTestId('clause-panel');
    await panel.getByRole('tab', { name: /^Amendements/ }).click();
    const card = panel.locator(`[data-amendment-id="${amendment.id}"]`);
    await card.waitFor();
    return card;
  }

  it('says in French why an amendment is outdated and why another was rejected', async () => {
    const { page } = await signedIn();
    const outdated = await amendmentCard(page, byOrganisation('Japan'));
    await outdated.getByText('Caduc', { exact: true }).waitFor();
    expect(await outdated.getByTestId('status-note').textContent()).toBe(
      'Un amendement concurrent au paragraphe 4 de la version 1, de Marcus Johnson (Public Knowledge), a été adopté.',
    );
    await outdated.getByText('Exposé des motifs :').waitFor();
    await page.screenshot({ path: join(OUTPUT, 'drafting-fr-outdated.png') });

    const rejected = await amendmentCard(page, byOrganisation('Cisco'));
    await rejected.getByText('Rejeté', { exact: true }).waitFor();
    expect(await rejected.getByTestId('status-note').textContent()).toBe('Issue du scrutin — Rejeté : 2 oui – 10 non ; il fallait une majorité simple de oui sur les non.');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('a delegate withdraws their co-sponsorship of a proposed amendment from its card', async () => {
    const google = byOrganisation('Google');
    const { page, client } = await signedIn();
    expect((await client.post<AmendmentResponse>(`/api/amendments/${google.id}/cosponsors`)).status).toBe(201);

    const card = await amendmentCard(page, google);
    await card.getByText('1 cosignataire').waitFor();
    await card.getByRole('button', { name: 'Retirer ma cosignature' }).click();
    await page.getByText('Vous ne cosignez plus cet amendement.').waitFor();
    await card.getByRole('button', { name: 'Cosigner' }).waitFor();
    expect(await card.getByText('1 cosignataire').count()).toBe(0);
    await page.screenshot({ path: join(OUTPUT, 'drafting-fr-cosponsorship-withdrawn.png') });

    expect((await api.get<AmendmentResponse>(`/api/amendments/${google.id}`)).body.cosponsors).toEqual([]);
    const log = (await api.get<{ items: AuditEventResponse[] }>(`/api/audit?scope=wg:${groupId}&action=amendment.cosponsorship-withdrawn`)).body.items;
    expect(log.filter((e) => e.subjectId === google.id).map((e) => e.actorName)).toEqual([FRANCE]);
  });

  it('titles an amendment’s ballot in French, on its page and in the group’s audit log', async () => {
    const cisco = byOrganisation('Cisco');
    const ballot = (await api.get<BallotResponse>(`/api/ballots/${cisco.ballotId}`)).body;
    expect(ballot.subject.details).toMatchObject({ type: 'amendment', kind: cisco.kind, clauseLabel: cisco.targetLabel });
    const { page } = await signedIn();
    await page.goto(`${t.baseUrl}/ballots/${cisco.ballotId}`);
    const title = page.getByRole('heading', { level: 1 });
    await title.waitFor();
    const french = `Amendement : remplacement du paragraphe ${cisco.targetLabel?.replace(/\.$/, '')} de « ${ballot.subject.details?.type === 'amendment' ? ballot.subject.details.documentTitle : ''} » (version ${cisco.appliesToVersion})`;
    expect(cisco.kind).toBe('replace');
    expect(await title.textContent()).toBe(french);
    expect(await page.title()).toContain(french);
    await page.screenshot({ path: join(OUTPUT, 'drafting-fr-amendment-ballot.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The group's public record lists it under the same title, and its audit log says it opened.
    await page.goto(`${t.baseUrl}/working-groups/${groupId}/record`);
    await page.getByTestId('record-ballots').getByRole('link', { name: french }).waitFor();
    await page.goto(`${t.baseUrl}/working-groups/${groupId}/audit?action=ballot.opened`);
    await page.getByText(`a ouvert le scrutin « ${french} »`).first().waitFor();
    await page.screenshot({ path: join(OUTPUT, 'drafting-fr-ballot-opened-audit.png') });
  });

  it('says a refusal and a form’s field errors in French, from their codes, with no English', async () => {
    const proposed = amendments.filter((a) => a.status === 'proposed' && a.author.name !== FRANCE);
    const amendment = proposed.find((a) => a.author.snapshot?.organisationName !== 'Google') ?? proposed[0];
    const { page, client } = await signedIn();
    expect((await client.post<AmendmentResponse>(`/api/amendments/${amendment.id}/cosponsors`)).status).toBe(201);
    // No live updates on this page, so it still offers what the author's withdrawal has since made impossible.
    await page.routeWebSocket(/socket\.io/, (ws) => ws.close());
    await page.route('**/socket.io/**', (route) => route.abort());
    const card = await amendmentCard(page, amendment);
    const login = await new ApiClient(t.baseUrl).post<SessionResponse>('/api/auth/login', { email: demoEmail(amendment.author.name!), password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    expect((await new ApiClient(t.baseUrl).withToken(login.body.token).post(`/api/amendments/${amendment.id}/withdraw`)).status).toBe(200);

    await card.getByRole('button', { name: 'Retirer ma cosignature' }).click();
    const refusal = card.getByRole('alert');
    await refusal.waitFor();
    // not-proposed, with the amendment's status (withdrawn) said in French.
    expect(await refusal.textContent()).toBe('Cet amendement est retiré ; seul un amendement proposé peut encore être modifié.');

    // The form's own check and the server's field error speak the same French.
    const panel = page.getByTestId('clause-panel');
    await panel.getByRole('button', { name: 'Proposer un amendement…' }).click();
    const form = panel.getByRole('form', { name: 'Proposer un amendement' });
    await form.getByRole('button', { name: 'Proposer l’amendement' }).click();
    await form.getByText('Obligatoire', { exact: true }).waitFor();
    await form.getByLabel(/Exposé des motifs/).fill('Une précision');
    await form.getByRole('button', { name: 'Proposer l’amendement' }).click();
    await form.getByText('Le texte proposé est identique au texte actuel', { exact: true }).waitFor();
    await page.screenshot({ path: join(OUTPUT, 'drafting-fr-refusal-and-field-errors.png') });
    const said = `${await card.textContent()} ${await form.textContent()}`;
    for (const english of ['withdrawn', 'This amendment', 'Required', 'The proposed text']) expect(said).not.toContain(english);
  });
});
