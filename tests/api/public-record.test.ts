import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  BracketListResponse,
  AuditLogResponse,
  BallotListResponse,
  BallotResponse,
  ChairNominationResponse,
  ChairTermListResponse,
  DocumentListResponse,
  MeetingList,
  SilenceList,
  DocumentResponse,
  AmendmentPage,
  MemberResponse,
  Page,
  OrganisationResponse,
  SignatoriesResponse,
  WorkingGroupListResponse,
  WorkingGroupResponse,
} from '@parley/contracts';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { newAdoptedDocument, type AdoptedDocument } from '../support/adoption-fixtures';
import { newDraftWithAcceptedAmendment } from '../support/safeguard-fixtures';
import { newChamber, openMotion, type Chamber } from '../support/ballot-fixtures';
import { downloadCsv } from '../support/csv-download';
import { newDelegate, newPerson } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { meetingActs, scheduleMeeting } from '../support/meeting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const NORMS = 'Working group on international norms';

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;

/**
 * What a reader sees in an answer: a PDF's text as poppler extracts it, a Word file's document parts
 * unzipped; anything else as it came. Compressed bytes read as text can look like an address by chance.
 */
function readableText(contentType: string, body: Buffer): string {
  if (contentType.startsWith('application/pdf')) {
    const dir = mkdtempSync(join(tmpdir(), 'parley-pdf-'));
    try {
      writeFileSync(join(dir, 'answer.pdf'), body);
      return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'answer.pdf'), '-'], { encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (contentType.startsWith('application/vnd.openxmlformats-officedocument')) {
    return Object.entries(unzipSync(new Uint8Array(body)))
      .filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('\n');
  }
  return new TextDecoder().decode(body); // as fetch's text(): a leading byte-order mark dropped
}
/** Keys no public answer may carry, whatever their value. */
const PRIVATE_KEYS = new Set(['email', 'passwordHash', 'password_hash', 'salt', 'token', 'sessionToken', 'csrfToken']);

/** Every key path in a JSON value where `test` holds. */
function findKeys(value: unknown, test: (key: string, v: unknown) => boolean, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => findKeys(v, test, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [...(test(k, v) ? [`${path}.${k}`] : []), ...findKeys(v, test, `${path}.${k}`)]);
  return [];
}

/**
 * The public record, read as the public reads it: no account, every public endpoint of the API
 * walked over a seeded demo plus ballots of every kind (roll-call, roll-call with tallies hidden
 * until close, secret; open and closed), an adopted text with signatories, and a pending join
 * request. Each answer is checked for what must never be public.
 */
describe('the public record, read anonymously', () => {
  let t: TestApp;
  let c: Chamber;
  let adopted: AdoptedDocument;
  let ballots: { secretClosed: string; secretOpen: string; hiddenOpen: string; liveClosed: string };
  const webDir = mkdtempSync(join(tmpdir(), 'parley-web-'));
  const anon = () => new ApiClient(t.baseUrl);
  /** Every answer read during the walk: path -> status and raw text. */
  const read = new Map<string, { status: number; text: string; json: unknown }>();
  const secrets: { emails: string[]; salts: string[] } = { emails: [], salts: [] };
  const CANARY = {
    pending: 'canary: the statement of a pending request',
    hidden: 'canary: a reason hidden until close',
    secretReason: 'canary: a secret reason',
    onlineUrl: 'https://meet.example.org/canary-members-only-room',
  };

  async function get(path: string): Promise<{ status: number; text: string; json: unknown }> {
    const res = await fetch(t.baseUrl + path, { headers: { accept: 'application/json' } });
    const text = readableText(res.headers.get('content-type') ?? '', Buffer.from(await res.arrayBuffer()));
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* CSV, Markdown, JSON Lines */
    }
    const entry = { status: res.status, text, json };
    read.set(path, entry);
    return entry;
  }
  const getJson = async <T>(path: string): Promise<T> => {
    const r = await get(path);
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.text.slice(0, 300)}`);
    return r.json as T;
  };

  beforeAll(async () => {
    writeFileSync(
      join(webDir, 'index.html'),
      '<!doctype html><html><head><title>Parley</title><meta name="description" content="generic" /></head><body><div id="root"></div></body></html>',
    );
    t = await startTestApp({ env: { PARLEY_WEB_DIR: webDir } });
    await t.app.get(DemoSeeder).seed();

    // Ballots of every kind, with votes and reasons.
    c = await newChamber(t.baseUrl, t.dataSource);
    const secretClosed = await openMotion(c.chair, c.group, { title: 'Secret: that the chair stays', visibility: 'secret', requireReasonForNo: true });
    await c.company.client.post(`/api/ballots/${secretClosed.id}/votes`, { choice: 'no', reason: CANARY.secretReason });
    await c.civil.client.post(`/api/ballots/${secretClosed.id}/votes`, { choice: 'yes' });
    await c.government.client.post(`/api/ballots/${secretClosed.id}/votes`, { choice: 'abstain' });
    await c.government.client.post(`/api/ballots/${secretClosed.id}/votes`, { choice: 'yes' }); // changed
    await c.chair.client.post(`/api/ballots/${secretClosed.id}/close`, { reason: 'Closed early in a test.' });
    const secretOpen = await openMotion(c.chair, c.group, { title: 'Secret: that the group meets in Abidjan', visibility: 'secret' });
    await c.civil.client.post(`/api/ballots/${secretOpen.id}/votes`, { choice: 'no', reason: CANARY.secretReason });
    const hiddenOpen = await openMotion(c.chair, c.group, { title: 'Hidden tallies: that the group meets in Lima', tallies: 'hidden-until-close' });
    await c.company.client.post(`/api/ballots/${hiddenOpen.id}/votes`, { choice: 'no', reason: CANARY.hidden });
    const liveClosed = await openMotion(c.chair, c.group, { title: 'Roll call: that the group meets in Oslo' });
    await c.company.client.post(`/api/ballots/${liveClosed.id}/votes`, { choice: 'yes' });
    await c.chair.client.post(`/api/ballots/${liveClosed.id}/close`, { reason: 'Closed early in a test.' });
    ballots = { secretClosed: secretClosed.id, secretOpen: secretOpen.id, hiddenOpen: hiddenOpen.id, liveClosed: liveClosed.id };

    // An adopted text with signatories (one withdrawn).
    adopted = await newAdoptedDocument(t);
    const base = `/api/documents/${adopted.doc.id}/versions/1/endorsements`;
    await adopted.g.ngo.client.post(base, { organisationId: adopted.g.ngo.organisation.id });
    const gone = await adopted.g.government.client.post(base, { organisationId: adopted.g.government.organisation.id });
    await adopted.g.government.client.post(`${base}/${gone.body.id}/withdraw`, { reason: 'Not yet ratified' });

    // A draft whose accepted amendment waits to be consolidated (the consolidation preview).
    await newDraftWithAcceptedAmendment(t);

    // A session with an online address: for members, never in a public answer (decision 0043).
    const session = await scheduleMeeting(c.chair.client, c.group.id, { onlineUrl: CANARY.onlineUrl });
    await meetingActs(session.id).open(c.chair.client);

    // A pending join request in a demo group: for the chairs who decide it, not for the group page.
    const norms = (await anon().get<WorkingGroupListResponse>('/api/working-groups')).body.items.find((g) => g.name === NORMS)!;
    const applicant = await newDelegate(t.baseUrl);
    await applicant.client.post(`/api/working-groups/${norms.id}/join-requests`, { kind: 'member', statement: CANARY.pending });
    await newPerson(t.baseUrl, { email: 'canary.leak@press.example' });

    secrets.emails = (await t.dataSource.query(`SELECT email FROM people`)).map((r: { email: string }) => r.email);
    secrets.salts = (await t.dataSource.query(`SELECT salt FROM votes`)).map((r: { salt: string }) => r.salt);

    // The walk: every public GET endpoint, for every group, member, chair term, nomination, ballot, document, version and amendment.
    const groups = await getJson<WorkingGroupListResponse>('/api/working-groups');
    await getJson('/api/working-groups?status=active');
    const people = new Set<string>();
    const organisations = new Set<string>();
    for (const g of groups.items) {
      const group = await getJson<WorkingGroupResponse>(`/api/working-groups/${g.id}`);
      for (const status of ['current', 'past', 'all'])
        for (const m of await getJson<MemberResponse[]>(`/api/working-groups/${g.id}/members?status=${status}`)) people.add(m.person.id);
      for (const term of group.chairTerms) {
        people.add(term.person.id);
        organisations.add(term.snapshot.organisationId);
      }
      // Requests circulated under non-objection, with their signed objections (decision 0039).
      await getJson(`/api/working-groups/${g.id}/circulations`);
      for (const n of await getJson<ChairNominationResponse[]>(`/api/working-groups/${g.id}/chair-nominations`))
        await getJson(`/api/chair-nominations/${n.id}`);
      await getJson(`/api/working-groups/${g.id}/proxies`);
      const list = await getJson<BallotListResponse>(`/api/working-groups/${g.id}/ballots?limit=200`);
      for (const b of list.items) await walkBallot(b.id);
      const docs = await getJson<DocumentListResponse>(`/api/working-groups/${g.id}/documents`);
      await getJson(`/api/working-groups/${g.id}/silence`);
      for (const d of docs.items) await walkDocument(d.id);
      await get(`/api/audit/export.jsonl?scope=wg:${g.id}`);
      await get(`/api/working-groups/${g.id}/feed.atom`);
      await get(`/api/working-groups/${g.id}/calendar.ics`);
      for (const m of (await getJson<MeetingList>(`/api/working-groups/${g.id}/meetings`)).items) {
        await getJson(`/api/meetings/${m.id}`);
        await get(`/api/meetings/${m.id}/calendar.ics`);
      }
    }
    for (const b of Object.values(ballots)) await walkBallot(b);
    await walkDocument(adopted.doc.id);
    for (const v of [c.chair, c.company, c.civil, c.government, adopted.g.ngo, adopted.g.government]) people.add(v.id);
    for (const p of people) {
      await getJson(`/api/people/${p}`);
      await getJson(`/api/people/${p}/chair-terms`);
    }
    const orgs = await getJson<Page<OrganisationResponse>>('/api/organisations?limit=200');
    for (const o of [...orgs.items.map((x) => x.id), ...organisations]) {
      await getJson(`/api/organisations/${o}`);
      await getJson(`/api/organisations/${o}/chair-terms`);
      await getJson(`/api/organisations/${o}/roster`);
    }
    await getJson<ChairTermListResponse>('/api/chair-terms');
    await get('/api/chair-terms.csv');
    await get('/api/chair-terms?format=csv');
    let cursor: string | null = null;
    do {
      const page: AuditLogResponse = await getJson<AuditLogResponse>(`/api/audit?scope=all&limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
      for (const l of page.links.slice(0, 3)) await getJson(l.api);
      cursor = page.nextCursor;
    } while (cursor);
    await getJson(`/api/audit?scope=wg:${c.group.id}&action=vote`);
    await getJson('/api/audit/head');
    await get('/api/audit/export.jsonl');
    await getJson('/api/health');
    await getJson('/api/home');
    // Institutional sign-in (issue #24): the providers offered on the sign-in page.
    await getJson('/api/auth/identity-providers');
    // Search (issue #25): what the public finds, canaries included (none may come back).
    for (const q of ['Oslo', 'chair', CANARY.secretReason, CANARY.pending, CANARY.hidden]) await getJson(`/api/search?q=${encodeURIComponent(q)}`);
    // The agreed-language library (issue #25, decision 0054): adopted texts the public may open, browsed and searched.
    for (const q of ['', 'Oslo', CANARY.pending]) await getJson(`/api/agreed-language${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  });

  async function walkBallot(id: string): Promise<void> {
    const b = await getJson<BallotResponse>(`/api/ballots/${id}`);
    await get(`/api/ballots/${id}/roll-call?limit=500`);
    await get(`/api/ballots/${id}/votes.csv`);
    expect(b.id).toBe(id);
  }

  async function walkDocument(id: string): Promise<void> {
    const doc = await getJson<DocumentResponse>(`/api/documents/${id}`);
    for (const v of doc.versions) {
      await getJson(`/api/documents/${id}?version=${v.number}`);
      await getJson(`/api/documents/${id}/versions/${v.number}`);
      await getJson(`/api/documents/${id}/versions/${v.number}/provenance`);
      await getJson(`/api/documents/${id}/versions/${v.number}/dispositions`);
      await get(`/api/documents/${id}/versions/${v.number}/dispositions.csv`);
      await getJson<SignatoriesResponse>(`/api/documents/${id}/versions/${v.number}/signatories`);
      await get(`/api/documents/${id}/versions/${v.number}/adopted.md`);
      await get(`/api/documents/${id}/versions/${v.number}/export.pdf`);
      await get(`/api/documents/${id}/versions/${v.number}/dispositions.pdf`);
      await get(`/api/documents/${id}/versions/${v.number}/export.docx${v.number > 1 ? '?against=1' : ''}`);
      await get(`/api/documents/${id}/versions/${v.number}/comment-template.docx`);
      await getJson(`/api/documents/${id}/versions/${v.number}/adoption-preflight`);
      await getJson(`/api/documents/${id}/versions/${v.number}/silence-preflight`);
      if (v.number > 1) await getJson(`/api/documents/${id}/compare?from=1&to=${v.number}`);
      await getJson(`/api/documents/${id}/versions/${v.number}/compilation`);
      await getJson(`/api/documents/${id}/versions/${v.number}/explanations`);
      await getJson(`/api/documents/${id}/versions/${v.number}/last-call`);
      // The demo's draft in its languages (French, and a little Spanish and Arabic), clause by clause.
      await getJson(`/api/documents/${id}/versions/${v.number}/language-versions`);
    }
    await getJson(`/api/documents/${id}/divisions`);
    await get(`/api/documents/${id}/feed.atom?lang=fr`);
    for (const clause of doc.version.clauses.filter((cl) => cl.kind !== 'heading').slice(0, 3)) await getJson(`/api/documents/${id}/clauses/${clause.id}/voting-order`);
    for (const clause of doc.version.clauses.filter((cl) => cl.kind !== 'heading').slice(0, 3)) await getJson(`/api/documents/${id}/clauses/${clause.id}/status`);
    for (const s of (await getJson<SilenceList>(`/api/documents/${id}/silence`)).items) await getJson(`/api/silence/${s.id}`);
    // 200 while accepted amendments wait to be consolidated, 409 otherwise.
    await get(`/api/documents/${id}/consolidation-preview`);
    await getJson(`/api/documents/${id}/chairs-texts/suggestion`);
    for (const clause of doc.version.clauses.filter((cl) => cl.counts.comments + cl.counts.earlierComments > 0))
      await getJson(`/api/documents/${id}/comments?clauseId=${clause.id}`);
    const amendments = await getJson<AmendmentPage>(`/api/documents/${id}/amendments?limit=200`);
    for (const a of amendments.items) await getJson(`/api/amendments/${a.id}`);
    for (const a of amendments.items.slice(0, 3)) await getJson(`/api/amendments/${a.id}/voting-place`);
    const brackets = await getJson<BracketListResponse>(`/api/documents/${id}/brackets`);
    for (const b of brackets.brackets) await getJson(`/api/brackets/${b.id}`);
  }

  afterAll(async () => {
    rmSync(webDir, { recursive: true, force: true });
    await t.close();
  });

  it('walks every public GET endpoint of the API (as listed in its OpenAPI document) without an account', async () => {
    const paths = (await anon().get('/api/docs-json')).body.paths as Record<string, Record<string, { security?: unknown[]; responses?: Record<string, unknown> }>>;
    const publicGets = Object.entries(paths)
      // Navigations answered by a redirect (institutional sign-in's start and callback) are not reads.
      .filter(([, ops]) => ops.get && !ops.get.security?.length && !ops.get.responses?.['302'])
      .map(([p]) => p);
    const pattern = (p: string) => new RegExp(`^${p.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/?]+')}(\\?.*)?$`);
    const walked = [...read.entries()].filter(([, r]) => r.status === 200).map(([p]) => p);
    const missed = publicGets.filter((p) => !walked.some((w) => pattern(p).test(w)));
    expect(missed).toEqual([]);
    expect(read.size).toBeGreaterThan(200);
  });

  it('no answer carries an e-mail address, a password hash, a session token or a vote’s salt', () => {
    expect(secrets.emails.length).toBeGreaterThan(40);
    expect(secrets.salts.length).toBeGreaterThan(5);
    for (const [path, r] of read) {
      expect([path, EMAIL.exec(r.text)?.[0] ?? null]).toEqual([path, null]);
      expect([path, r.text.includes('$argon2')]).toEqual([path, false]);
      for (const salt of secrets.salts) expect([path, r.text.includes(salt)]).toEqual([path, false]);
      if (r.json !== null) expect([path, findKeys(r.json, (k) => PRIVATE_KEYS.has(k))]).toEqual([path, []]);
    }
  });

  it('no answer carries a session’s online address: members read it, the public and the calendars see only that there is one', () => {
    expect([...read.keys()].filter((p) => p.startsWith('/api/meetings/')).length).toBeGreaterThan(0);
    for (const [path, r] of read) expect([path, r.text.includes(CANARY.onlineUrl)]).toEqual([path, false]);
  });

  it('a secret ballot publishes who could vote and its totals and breakdowns, never a voter’s choice or reason', async () => {
    for (const id of [ballots.secretClosed, ballots.secretOpen]) {
      const b = read.get(`/api/ballots/${id}`)!;
      expect(findKeys(b.json, (k, v) => (k === 'choice' || k === 'reason') && v !== null)).toEqual([]);
      expect(b.text).not.toContain(CANARY.secretReason);
      expect(read.get(`/api/ballots/${id}/roll-call?limit=500`)!.status).toBe(403);
    }
    const closed = read.get(`/api/ballots/${ballots.secretClosed}`)!.json as BallotResponse;
    expect(closed.result).toMatchObject({ outcome: expect.any(String), totals: { yes: 2, no: 1, abstain: 0 }, byOrganisation: [] });
    const csv = read.get(`/api/ballots/${ballots.secretClosed}/votes.csv`)!;
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[0]).toBe('ballot_id,ballot_title,outcome,breakdown,stakeholder_group,subtype,eligible,yes,no,abstain,recuse,not_voted,withheld');
    expect((await downloadCsv(`${t.baseUrl}/api/ballots/${ballots.secretClosed}/votes.csv`)).hasBom).toBe(true);
    for (const v of [c.company, c.civil, c.government]) expect(csv.text).not.toContain(v.id);
    expect(read.get(`/api/ballots/${ballots.secretOpen}/votes.csv`)!.status).toBe(409);

    // The audit log records that a vote was cast (a commitment), never the choice or its reason.
    const events = (read.get(`/api/audit?scope=wg:${c.group.id}&action=vote`)!.json as AuditLogResponse).items.filter(
      (e) => e.subjectId === ballots.secretClosed || e.subjectId === ballots.secretOpen,
    );
    expect(events.map((e) => e.action).sort()).toEqual(['vote.cast', 'vote.cast', 'vote.cast', 'vote.cast', 'vote.changed']);
    for (const e of events) {
      expect(Object.keys(e.change).sort()).toEqual(['changes', 'commitment', 'commitmentScheme', 'countedUnder']);
      expect(JSON.stringify(e)).not.toContain(CANARY.secretReason);
    }
    for (const [path, r] of read) expect([path, r.text.includes(CANARY.secretReason)]).toEqual([path, false]);
  });

  it('a roll-call ballot with tallies hidden until close shows who voted, not what, anywhere (ballot, roll call, CSV, audit log, export)', () => {
    const b = read.get(`/api/ballots/${ballots.hiddenOpen}`)!.json as BallotResponse;
    expect(b.runningTally).toBeNull();
    expect(b.rollCall!.items.find((i) => i.voter.id === c.company.id)).toMatchObject({ voted: true, choice: null, reason: null });
    const csv = read.get(`/api/ballots/${ballots.hiddenOpen}/votes.csv`)!.text.split('\r\n');
    const company = csv.find((l) => l.includes(c.company.id))!;
    expect(company).toMatch(/,true,,,/);
    const vote = (read.get(`/api/audit?scope=wg:${c.group.id}&action=vote`)!.json as AuditLogResponse).items.find((e) => e.subjectId === ballots.hiddenOpen)!;
    expect(vote).toMatchObject({ actorId: c.company.id, change: {}, withheld: expect.any(String) });
    for (const [path, r] of read) expect([path, r.text.includes(CANARY.hidden)]).toEqual([path, false]);
  });

  it('a closed roll-call ballot publishes each vote with the voter’s affiliation, and its CSV behind a UTF-8 byte-order mark', async () => {
    const roll = read.get(`/api/ballots/${ballots.liveClosed}/roll-call?limit=500`)!.json as BallotResponse['rollCall'];
    expect(roll!.items.find((i) => i.voter.id === c.company.id)).toMatchObject({ choice: 'yes', snapshot: { organisationId: c.company.organisation.id } });
    const csv = read.get(`/api/ballots/${ballots.liveClosed}/votes.csv`)!.text.split('\r\n');
    expect(csv[0]).toBe(
      'ballot_id,ballot_title,ballot_status,voter_id,voter,title,organisation_id,organisation,organisation_verified,stakeholder_group,subtype,country,voted,choice,reason,changed_at',
    );
    expect(csv.find((l) => l.includes(c.company.id))).toContain(`,${c.company.organisation.name},false,private-sector,company,US,true,yes,,`);
    expect(csv.filter(Boolean)).toHaveLength(1 + 4);
    const download = await downloadCsv(`${t.baseUrl}/api/ballots/${ballots.liveClosed}/votes.csv`);
    expect(download.hasBom).toBe(true);
    expect(download.lines).toEqual(csv.filter(Boolean));
  });

  it('a group’s page shows members with affiliations, composition, alarms and chair history, but not the pending requests chairs decide', () => {
    const groups = read.get('/api/working-groups')!.json as WorkingGroupListResponse;
    const norms = groups.items.find((g) => g.name === NORMS)!;
    const first = read.get(`/api/working-groups/${norms.id}`)!.json as WorkingGroupResponse;
    expect(first.pendingRequests).toBeNull();
    expect(first.viewer).toBeNull();
    expect(first.counts.pendingRequests).toBe(1);
    expect(read.get(`/api/working-groups/${norms.id}`)!.text).not.toContain(CANARY.pending);
    expect(first.members.length).toBeGreaterThan(5);
    expect(first.chairTerms.length).toBeGreaterThan(0);
    expect(first.members.every((m) => m.admissionSnapshot.organisationName)).toBe(true);
    expect(first.composition.votingMembers.total).toBeGreaterThan(0);
    const withAlarms = groups.items.filter((g) => g.alarms.length > 0);
    expect(withAlarms.length).toBeGreaterThan(0);
  });

  it('an adopted text exports as Markdown with its numbering, vote record, provenance totals and signatories; a draft does not', () => {
    const md = read.get(`/api/documents/${adopted.doc.id}/versions/1/adopted.md`)!;
    expect(md.status).toBe(200);
    expect(md.text).toMatch(/^# Paris Call — draft principles\n/);
    expect(md.text).toContain('## Text');
    expect(md.text).toMatch(/\*\*1\.\*\* \S/);
    expect(md.text).toContain('## Adoption vote');
    expect(md.text).toContain('**passed**');
    expect(md.text).toContain('### Roll call');
    expect(md.text).toContain(`| ${adopted.g.company.name} | `);
    expect(md.text).toContain('## Who wrote this text');
    const signatories = md.text.slice(md.text.indexOf('## Signatories'));
    expect(signatories).toMatch(/^## Signatories\n\n1 civil-society organisation\.\n/);
    expect(signatories).toContain(`| ${adopted.g.ngo.organisation.name} | Civil society | ngo | FR | ${adopted.g.ngo.name}, Delegate |`);
    expect(signatories).not.toContain(adopted.g.government.organisation.name);
    const draft = [...read.entries()].find(([p, r]) => p.endsWith('/adopted.md') && !p.includes(adopted.doc.id) && r.status !== 200);
    expect(draft?.[1].status).toBe(409);
  });

  it('pages are indexable: server-side titles and descriptions on stable URLs', async () => {
    const html = async (path: string) => {
      // A pooled connection the server closed while idle can fail once: ask again.
      const res = await fetch(t.baseUrl + path, { headers: { accept: 'text/html' } }).catch(() =>
        fetch(t.baseUrl + path, { headers: { accept: 'text/html' } }),
      );
      expect([path, res.status]).toEqual([path, 200]);
      const text = await res.text();
      return { title: /<title>([^<]*)<\/title>/.exec(text)?.[1] ?? '', description: /<meta name="description" content="([^"]*)"/.exec(text)?.[1] ?? '' };
    };
    const groups = read.get('/api/working-groups')!.json as WorkingGroupListResponse;
    const g = groups.items.find((x) => x.name === 'Working group on multistakeholder implementation')!;
    expect(await html(`/working-groups/${g.id}`)).toEqual({
      title: `${g.name} · Parley`,
      description: expect.stringMatching(/voting members \(\d+ government, \d+ private sector, \d+ civil society\); chaired by .*Mexico/),
    });
    expect((await html(`/working-groups/${g.id}/audit`)).title).toBe(`Audit log · ${g.name} · Parley`);
    expect((await html(`/working-groups/${g.id}/record`)).title).toBe(`Public record · ${g.name} · Parley`);
    const chair = g.chairs[0];
    expect(await html(`/people/${chair.person.id}`)).toEqual({
      title: `${chair.person.name} · Parley`,
      description: expect.stringContaining(`at ${chair.snapshot.organisationName}`),
    });
    expect(await html(`/documents/${adopted.doc.id}`)).toEqual({
      title: 'Paris Call — draft principles · Parley',
      description: expect.stringContaining('adopted (version 1)'),
    });
    expect(await html(`/documents/${adopted.doc.id}/versions/1/signatories`)).toEqual({
      title: 'Signatories · Paris Call — draft principles · Parley',
      description: expect.stringContaining('1 civil-society organisation'),
    });
    expect(await html(`/ballots/${ballots.liveClosed}`)).toMatchObject({ title: 'Roll call: that the group meets in Oslo · Parley' });
    expect(await html('/audit')).toEqual({
      title: 'Audit log · Parley',
      description: expect.stringMatching(/^Every act on Parley: \d+ events in \d+ hash chains/),
    });
    expect((await html(`/audit/events/${encodeURIComponent(`wg:${g.id}`)}/1`)).title).toBe('Audit event 1 · working-group.created · Parley');
    // An unknown id keeps the generic title rather than failing.
    expect((await html('/working-groups/3f1c2a9e-8b7d-4c6e-9a5b-1d2e3f4a5b6c')).title).toBe('Parley');
  });
});
