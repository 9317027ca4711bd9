import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AmendmentResponse, DocumentResponse, OpenedBallotResponse, OrganisationResponse, SessionResponse } from '@parley/contracts';
import { Browsers, installXssTrap, OUTPUT, webBuildSnapshot, xssEvidence } from '../support/browser';
import { confirmAffiliation, newPerson } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

/**
 * Stored XSS: every text a person can write that the web shows is filled with markup that would run
 * script if it were ever rendered as HTML, then the pages that render it are opened in chromium.
 * Nothing may run (the trap stays empty: no call, no dialog, no CSP violation), no element or event
 * attribute may be created from it, and it must show as the literal text it is. Run twice: with the
 * server's CSP (what users get) and with the CSP bypassed (so the app's own escaping is what holds).
 */
const payload = (tag: string) => `${tag}<img src=x onerror=__xss(1)>"><svg onload=__xss(2)><script>__xss(3)</script>`;
/** For long fields: the short payload plus an iframe, a javascript: link in markdown and HTML, and a template expression. */
const longPayload = (tag: string) =>
  `${payload(tag)} '><iframe srcdoc="<script>parent.__xss('${tag}-iframe')</script>"></iframe> [link](javascript:__xss('${tag}-md')) <a href="javascript:__xss('${tag}-a')">a</a> {{constructor.constructor('__xss(1)')()}} \${__xss(2)}`;
/** What any page must show, as text, when it renders a payload. */
const SHOWN = `<img src=x onerror=__xss(1)>`;

interface World {
  chair: ApiClient;
  chairSession: SessionResponse;
  member: ApiClient;
  memberSession: SessionResponse;
  ids: { chair: string; member: string; civil: string; group: string; motion: string; document: string };
}

const registered = (t: TestApp, name: string): Promise<{ client: ApiClient; session: SessionResponse }> => newPerson(t.baseUrl, { name });

async function ok<T>(what: string, p: Promise<{ status: number; body: T }>): Promise<T> {
  const res = await p;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Everything a person can write, written by hostile people, through the API as the web would send it. */
async function hostileWorld(t: TestApp): Promise<World> {
  await registered(t, 'First Steward'); // the steward: nobody below holds that power
  const chair = await registered(t, payload('PERSON-CHAIR'));
  const member = await registered(t, payload('PERSON-MEMBER'));
  const civil = await registered(t, payload('PERSON-CIVIL'));
  const org = async (c: ApiClient, tag: string, group: string, subtype: string) =>
    ok<OrganisationResponse>(
      'organisation',
      c.post('/api/organisations', {
        name: payload(tag),
        stakeholderGroup: group,
        subtype,
        country: 'FR',
        website: `https://example.org/${tag}?q="><svg onload=__xss('${tag}-web')>`,
        lobbyingRegisterId: payload(`${tag}-REG`).slice(0, 100),
      }),
    );
  const [ministry, company, expert] = [
    await org(chair.client, 'ORG-GOV', 'government', 'national'),
    await org(member.client, 'ORG-CO', 'private-sector', 'company'),
    await org(civil.client, 'ORG-IND', 'civil-society', 'individual'),
  ];
  // Confirmed by their organisations (as a focal point would), so that they may join as voting members.
  const affiliations = [
    await ok<{ id: string }>(
      'affiliation',
      chair.client.post('/api/me/affiliations', { organisationId: ministry.id, title: payload('TITLE-CHAIR'), startDate: '2020-01-01' }),
    ),
    await ok<{ id: string }>(
      'affiliation',
      member.client.post('/api/me/affiliations', { organisationId: company.id, title: payload('TITLE-MEMBER'), startDate: '2020-01-01' }),
    ),
  ];
  affiliations.push(
    await ok<{ id: string }>(
      'affiliation',
      civil.client.post('/api/me/affiliations', {
        organisationId: expert.id,
        title: payload('TITLE-CIVIL'),
        startDate: '2020-01-01',
        funding: { note: longPayload('FUNDING'), organisationName: payload('FUNDER') },
      }),
    ),
  );
  for (const a of affiliations) await confirmAffiliation(t.baseUrl, a.id);

  await ok(
    'declaration',
    member.client.post('/api/me/declarations', { kind: 'equity', organisationName: payload('DECL-ORG'), note: longPayload('DECL-NOTE'), since: '2019-01-01' }),
  );

  const group = await ok<{ id: string }>(
    'group',
    chair.client.post('/api/working-groups', { name: payload('GROUP'), mandate: longPayload('MANDATE'), joinPolicy: 'approval', quorum: 0 }),
  );
  const asked = await ok<{ id: string }>(
    'join',
    member.client.post(`/api/working-groups/${group.id}/join-requests`, { kind: 'member', statement: longPayload('STATEMENT-MEMBER') }),
  );
  await ok(
    'admit',
    chair.client.post(`/api/working-groups/${group.id}/join-requests/${asked.id}/decision`, { decision: 'admit', reason: longPayload('ADMIT') }),
  );
  await ok('join', civil.client.post(`/api/working-groups/${group.id}/join-requests`, { kind: 'member', statement: longPayload('STATEMENT-CIVIL') }));
  await ok(
    'nominate',
    member.client.post(`/api/working-groups/${group.id}/chair-nominations`, { nomineeId: member.session.me.id, statement: longPayload('NOMINATION') }),
  );
  // The convener confirms no chair here: make the chair a chair the way imported history would, so chair-only pages have one.
  const me = (await chair.client.get('/api/me')).body;
  await t.dataSource.query(`INSERT INTO chair_terms (working_group_id, person_id, snapshot, started_at) VALUES ($1, $2, $3, now() - interval '1 day')`, [
    group.id,
    me.id,
    JSON.stringify(me.currentSnapshot),
  ]);

  const motion = await ok<{ id: string }>(
    'motion',
    chair.client.post('/api/ballots', {
      workingGroupId: group.id,
      subjectType: 'motion',
      title: payload('BALLOT-TITLE'),
      description: longPayload('BALLOT-DESC'),
      requireReasonForNo: true,
      closesAt: new Date(Date.now() + 3600_000).toISOString(),
    }),
  );
  await ok('vote', member.client.post(`/api/ballots/${motion.id}/votes`, { choice: 'no', reason: longPayload('VOTE-REASON') }));
  await ok('vote', chair.client.post(`/api/ballots/${motion.id}/votes`, { choice: 'yes' }));

  const doc = await ok<DocumentResponse>(
    'document',
    chair.client.post(`/api/working-groups/${group.id}/documents`, {
      title: payload('DOC-TITLE'),
      clauses: [
        { kind: 'heading', text: payload('CLAUSE-HEADING') },
        { kind: 'preamble', text: longPayload('CLAUSE-PREAMBLE') },
        { kind: 'operative', text: `Calls on states ${payload('CLAUSE-OP')} to protect the public core.` },
      ],
    }),
  );
  const op = doc.version.clauses.find((c) => c.kind === 'operative')!;
  const quoteText = payload('CLAUSE-OP');
  const start = op.text.indexOf(quoteText);
  const comment = await ok<{ id: string }>(
    'comment',
    member.client.post(`/api/documents/${doc.id}/comments`, {
      clauseId: op.id,
      kind: 'clarification',
      body: longPayload('COMMENT'),
      quote: { text: quoteText, start, end: start + quoteText.length },
    }),
  );
  await ok('reply', chair.client.post(`/api/comments/${comment.id}/replies`, { body: longPayload('REPLY') }));
  await ok('disposition', chair.client.post(`/api/comments/${comment.id}/disposition`, { disposition: 'noted', reason: longPayload('DISPOSITION') }));
  const replace = await ok<AmendmentResponse>(
    'amendment',
    member.client.post(`/api/documents/${doc.id}/amendments`, {
      kind: 'replace',
      baseVersion: 1,
      targetClauseId: op.id,
      text: `Calls on all ${payload('AMEND-TEXT')} to protect it.`,
      rationale: longPayload('AMEND-WHY'),
    }),
  );
  await ok(
    'insertion',
    member.client.post(`/api/documents/${doc.id}/amendments`, {
      kind: 'insert',
      baseVersion: 1,
      afterClauseId: op.id,
      clauseKind: 'operative',
      text: payload('INSERT-TEXT'),
      rationale: longPayload('INSERT-WHY'),
    }),
  );
  // Put the replacement to the vote, accept it and consolidate: version 2 carries the payload, so compare and provenance render it.
  const balloted = await ok<AmendmentResponse>('amendment ballot', chair.client.post(`/api/amendments/${replace.id}/ballot`, {}));
  for (const c of [chair.client, member.client]) await ok('vote', c.post(`/api/ballots/${balloted.ballotId}/votes`, { choice: 'yes' }));
  await ok('close', chair.client.post(`/api/ballots/${balloted.ballotId}/close`, { reason: 'Closed early in a test.' }));
  await ok('consolidate', chair.client.post(`/api/documents/${doc.id}/versions`, {}));
  // Adopt version 2, and have both organisations endorse it; one endorsement is withdrawn with a hostile reason.
  const adoption = await ok<OpenedBallotResponse>(
    'adoption ballot',
    chair.client.post(`/api/documents/${doc.id}/versions/2/adoption-ballot`, {
      confirmUnanswered: true,
      closesAt: new Date(Date.now() + 3600_000).toISOString(),
    }),
  );
  for (const c of [chair.client, member.client]) await ok('vote', c.post(`/api/ballots/${adoption.ballotId}/votes`, { choice: 'yes' }));
  await ok('close', chair.client.post(`/api/ballots/${adoption.ballotId}/close`, { reason: 'Closed early in a test.' }));
  await ok('endorse', member.client.post(`/api/documents/${doc.id}/versions/2/endorsements`, { organisationId: company.id }));
  const endorsed = await ok<{ id: string }>('endorse', chair.client.post(`/api/documents/${doc.id}/versions/2/endorsements`, { organisationId: ministry.id }));
  await ok('withdraw', chair.client.post(`/api/documents/${doc.id}/versions/2/endorsements/${endorsed.id}/withdraw`, { reason: longPayload('WITHDRAW') }));

  return {
    chair: chair.client,
    chairSession: chair.session,
    member: member.client,
    memberSession: member.session,
    ids: { chair: chair.session.me.id, member: member.session.me.id, civil: civil.session.me.id, group: group.id, motion: motion.id, document: doc.id },
  };
}

describe('stored XSS renders inert', () => {
  let t: TestApp;
  let w: World;
  let browsers: Browsers;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot() } });
    w = await hostileWorld(t);
    browsers = new Browsers(t.baseUrl);
  });
  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  /** Each page, who looks at it, and a part of it that must have rendered before it is judged. */
  const pages = (): { path: string; as: 'anonymous' | 'chair' | 'member'; shows: RegExp }[] => [
    { path: `/people/${w.ids.member}`, as: 'anonymous', shows: /DECL-NOTE/ },
    { path: `/people/${w.ids.civil}`, as: 'anonymous', shows: /FUNDING|TITLE-CIVIL/ },
    { path: `/people/${w.ids.chair}`, as: 'anonymous', shows: /TITLE-CHAIR/ },
    { path: '/organisations', as: 'anonymous', shows: /ORG-CO/ },
    { path: '/me', as: 'member', shows: /DECL-NOTE/ },
    { path: '/working-groups', as: 'anonymous', shows: /GROUP/ },
    { path: `/working-groups/${w.ids.group}`, as: 'chair', shows: /STATEMENT-CIVIL/ },
    { path: `/working-groups/${w.ids.group}`, as: 'anonymous', shows: /MANDATE/ },
    { path: '/chair-terms', as: 'anonymous', shows: /PERSON-CHAIR/ },
    { path: `/ballots/${w.ids.motion}`, as: 'member', shows: /BALLOT-DESC/ },
    { path: `/documents/${w.ids.document}?version=1`, as: 'member', shows: /CLAUSE-PREAMBLE/ },
    { path: `/documents/${w.ids.document}`, as: 'chair', shows: /AMEND-TEXT/ },
    { path: `/documents/${w.ids.document}/compare?from=1&to=2`, as: 'anonymous', shows: /AMEND-TEXT/ },
    { path: `/documents/${w.ids.document}/versions/2/provenance`, as: 'anonymous', shows: /AMEND-TEXT/ },
    { path: `/documents/${w.ids.document}/versions/1/dispositions`, as: 'anonymous', shows: /DISPOSITION/ },
    { path: `/documents/${w.ids.document}/versions/2/signatories`, as: 'member', shows: /ORG-CO/ },
    { path: `/working-groups/${w.ids.group}/record`, as: 'anonymous', shows: /PERSON-MEMBER/ },
    { path: `/working-groups/${w.ids.group}/audit`, as: 'anonymous', shows: /PERSON-MEMBER/ },
    { path: '/audit', as: 'anonymous', shows: /PERSON-CIVIL/ },
    { path: '/audit/events/platform/2', as: 'anonymous', shows: /PERSON-CHAIR/ },
  ];

  async function visit(page: Page, path: string, shows: RegExp): Promise<string[]> {
    await page.goto(`${t.baseUrl}${path}`);
    await page.locator('main').getByText(shows).first().waitFor({ timeout: 15_000 });
    // Let lazy panels, live updates and images settle, then expand what can be expanded.
    await page.waitForLoadState('networkidle').catch(() => undefined);
    for (const button of await page.locator('main button[aria-expanded="false"]').all()) await button.click({ timeout: 1000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    const problems = await xssEvidence(page);
    const text = await page.locator('main').innerText();
    if (!text.includes(SHOWN)) problems.push(`the payload does not show as text on ${path}`);
    return problems.map((p) => `${path}: ${p}`);
  }

  it('the trap itself works: markup injected into a page is caught, with the CSP (a violation) and without it (the script runs)', async () => {
    for (const bypassCSP of [false, true]) {
      const page = await browsers.open({ bypassCSP });
      await installXssTrap(page);
      await page.goto(`${t.baseUrl}/working-groups`);
      await page.locator('main').getByText(/GROUP/).first().waitFor();
      await page.evaluate((html) => document.querySelector('main')!.insertAdjacentHTML('beforeend', html), payload('SELF-TEST'));
      await page.waitForTimeout(300);
      const evidence = await xssEvidence(page);
      expect(evidence.some((e) => (bypassCSP ? e.startsWith('script ran') : e.startsWith('CSP violation')))).toBe(true);
      expect(evidence.some((e) => e.startsWith('element: <img src="x"'))).toBe(true);
    }
  });

  for (const bypassCSP of [false, true])
    it(`nothing written by a user runs, injects markup or attributes, on any page ${bypassCSP ? 'even with the CSP switched off (escaping alone)' : 'with the server CSP'}`, async () => {
      const tabs = {
        anonymous: await browsers.open({ bypassCSP }),
        chair: await browsers.open({ bypassCSP }),
        member: await browsers.open({ bypassCSP }),
      };
      await browsers.signInWith(tabs.chair, w.chairSession);
      await browsers.signInWith(tabs.member, w.memberSession);
      for (const p of Object.values(tabs)) await installXssTrap(p);
      const problems: string[] = [];
      for (const { path, as, shows } of pages()) problems.push(...(await visit(tabs[as], path, shows)));
      await tabs.chair.goto(`${t.baseUrl}/documents/${w.ids.document}`);
      await tabs.chair.screenshot({ path: join(OUTPUT, `xss-document${bypassCSP ? '-no-csp' : ''}.png`), fullPage: false });
      expect(problems).toEqual([]);
    });
});
