import { randomUUID } from 'node:crypto';
import type { AuditEventResponse, BallotSummary, DocumentListResponse, WorkingGroupListResponse, WorkingGroupResponse } from '@parley/contracts';
import { BallotService } from '../../apps/api/src/decisions/ballot.service';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { newChamber, openMotion } from '../support/ballot-fixtures';
import { axeViolations, Browsers, screenshot, webBuildSnapshot } from '../support/browser';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

const IMPLEMENTATION = 'Working group on multistakeholder implementation';
const day = (iso: string, lng: string) => new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));

/**
 * A journalist, without an account, checks a group's record (issue 17, the journalist's path): under
 * which affiliation and on which day each member was admitted, the way from the group page to its
 * record and audit log and back from a document that does not exist, and who closed a ballot and when.
 */
describe('the journalist’s path', () => {
  let t: TestApp;
  let api: ApiClient;
  let group: WorkingGroupResponse;
  let operatorClosed: { id: string; groupId: string };
  let browsers: Browsers;

  beforeAll(async () => {
    const webDir = await webBuildSnapshot();
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: webDir } });
    await t.app.get(DemoSeeder).seed();
    api = new ApiClient(t.baseUrl);
    const id = (await api.get<WorkingGroupListResponse>('/api/working-groups')).body.items.find((g) => g.name === IMPLEMENTATION)!.id;
    group = (await api.get<WorkingGroupResponse>(`/api/working-groups/${id}`)).body;
    // A ballot an operator task closed a week before its closing time, as the demo loader once did.
    const chamber = await newChamber(t.baseUrl, t.dataSource);
    const ballot = await openMotion(chamber.chair, chamber.group, { closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString() });
    await t.app.get(BallotService).closeByOperator(ballot.id, 'demo loader');
    operatorClosed = { id: ballot.id, groupId: ballot.workingGroupId };
    browsers = new Browsers(t.baseUrl);
  });

  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('reads under which affiliation, and since when, every member was admitted', async () => {
    const members = group.members;
    expect(members.length).toBeGreaterThan(3);
    for (const language of ['en', 'fr'] as const) {
      const page = await browsers.open({ language });
      await page.goto(`${t.baseUrl}/working-groups/${group.id}/record`);
      await page.getByRole('heading', { level: 1, name: IMPLEMENTATION }).waitFor();
      const rows = page.getByTestId('record-members').locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(members.length);
      const cells = await page.getByTestId('record-admitted-under').allTextContents();
      expect(cells).not.toContain('—');
      for (const m of members) {
        const a = m.admissionSnapshot;
        const expected = `${a.title}, ${a.organisationName}${language === 'fr' ? ', le ' : ', on '}${day(m.admittedAt, language)}`;
        await rows.filter({ hasText: m.person.name }).getByTestId('record-admitted-under').filter({ hasText: expected }).waitFor();
      }
      await screenshot(page, `journalist-admitted-under-${language}.png`);
      expect(await axeViolations(page)).toEqual([]);
    }
  });

  it('goes from the group page to its public record and its audit log, and back from a document that does not exist', async () => {
    const page = await browsers.open();
    await page.goto(`${t.baseUrl}/working-groups/${group.id}`);
    await page.getByRole('heading', { level: 1, name: IMPLEMENTATION }).waitFor();
    await page.getByRole('link', { name: 'Public record of this group' }).click();
    await page.waitForURL(`${t.baseUrl}/working-groups/${group.id}/record`);
    await page.getByTestId('record-members').waitFor();
    await page.goBack();
    await page.getByRole('link', { name: 'Audit log of this group' }).click();
    await page.waitForURL(`${t.baseUrl}/working-groups/${group.id}/audit`);
    await page.getByRole('heading', { level: 1, name: `Audit log of ${IMPLEMENTATION}` }).waitFor();

    await page.goto(`${t.baseUrl}/documents/${randomUUID()}`);
    await page.getByText('This document was not found.').waitFor();
    await screenshot(page, 'journalist-missing-document.png');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Browse the working groups' }).click();
    await page.waitForURL(`${t.baseUrl}/working-groups`);
    await page.getByRole('link', { name: IMPLEMENTATION }).first().waitFor();

    const fr = await browsers.open({ language: 'fr' });
    await fr.goto(`${t.baseUrl}/working-groups/${group.id}`);
    await fr.getByRole('link', { name: 'Dossier public de ce groupe' }).waitFor();
    await fr.getByRole('link', { name: 'Journal d’audit de ce groupe' }).waitFor();
    await fr.goto(`${t.baseUrl}/documents/${randomUUID()}/versions/1/provenance`);
    await fr.getByRole('link', { name: 'Parcourir les groupes de travail' }).click();
    await fr.waitForURL(`${t.baseUrl}/working-groups`);
  });

  it('reaches the signatories of an adopted text from any of the document’s pages, in English and French', async () => {
    const groups = (await api.get<WorkingGroupListResponse>('/api/working-groups')).body.items;
    const lists = await Promise.all(groups.map(async (g) => (await api.get<DocumentListResponse>(`/api/working-groups/${g.id}/documents`)).body.items));
    const adopted = lists.flat().find((d) => d.adoptedVersion !== null)!;
    expect(adopted).toBeDefined();
    const words = { en: { link: `Signatories of version ${adopted.adoptedVersion}`, title: 'Signatories' }, fr: { link: `Signataires de la version ${adopted.adoptedVersion}`, title: 'Signataires' } };
    for (const language of ['en', 'fr'] as const) {
      const page = await browsers.open({ language });
      // The provenance page carries no endorsement panel: the way is the document's own navigation.
      await page.goto(`${t.baseUrl}/documents/${adopted.id}/versions/${adopted.adoptedVersion}/provenance`);
      await page.getByRole('navigation').getByRole('link', { name: words[language].link }).click();
      await page.waitForURL(`${t.baseUrl}/documents/${adopted.id}/versions/${adopted.adoptedVersion}/signatories`);
      await page.getByRole('heading', { level: 1, name: words[language].title }).waitFor();
    }
  });

  it('reads who closed a ballot and when: at its closing time, or early and by whom', async () => {
    const ballots = (await api.get<{ items: BallotSummary[] }>(`/api/working-groups/${group.id}/ballots`)).body.items;
    const chair = ballots.find((b) => b.subject.type === 'chair-confirmation' && b.status === 'closed')!;
    expect(Date.parse(chair.closedAt!)).toBeGreaterThanOrEqual(Date.parse(chair.closesAt));
    const page = await browsers.open();
    await page.goto(`${t.baseUrl}/ballots/${chair.id}`);
    await page
      .getByTestId('ballot-closed-by')
      .filter({ hasText: /^Closed at its closing time, / })
      .waitFor();

    // Closed a week early by an operator task, not by a chair: never "at its closing time".
    await page.goto(`${t.baseUrl}/ballots/${operatorClosed.id}`);
    const closedBy = page.getByTestId('ballot-closed-by');
    await closedBy
      .filter({ hasText: /^Closed early on .* by an operator of the platform, not by a chair, before its closing time \(.+\); the audit log names who$/ })
      .waitFor();
    expect(await closedBy.textContent()).not.toMatch(/at its closing time/);
    await screenshot(page, 'journalist-operator-closed.png');

    const fr = await browsers.open({ language: 'fr' });
    await fr.goto(`${t.baseUrl}/ballots/${operatorClosed.id}`);
    await fr
      .getByTestId('ballot-closed-by')
      .filter({ hasText: /^Clos par anticipation le .* par un opérateur de la plateforme, non par un président/ })
      .waitFor();

    // The audit log names the operator and says the ballot closed early.
    const closed = (await api.get<{ items: AuditEventResponse[] }>(`/api/audit?scope=wg:${operatorClosed.groupId}&action=ballot.closed`)).body.items;
    expect(closed).toHaveLength(1);
    await page.goto(`${t.baseUrl}/working-groups/${operatorClosed.groupId}/audit?action=ballot.closed`);
    await page
      .getByTestId('audit-event')
      .filter({ hasText: /demo loader closed the ballot early: / })
      .waitFor();
  });
});
