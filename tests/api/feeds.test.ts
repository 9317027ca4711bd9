import { JSDOM } from 'jsdom';
import type { AuditEventResponse, DocumentResponse } from '@parley/contracts';
import { newAdoptedDocument, type AdoptedDocument } from '../support/adoption-fixtures';
import { auditEvents, expectProblem } from '../support/expectations';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, PARIS_CALL_CLAUSES, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { issueMembersOnlyVersion, MEMBERS_ONLY_TEXT } from '../support/members-only-fixture';
import { meetingActs, scheduleMeeting } from '../support/meeting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const ATOM = 'http://www.w3.org/2005/Atom';

interface Entry {
  id: string;
  title: string;
  updated: string;
  link: string | null;
  author: string;
}

/** Parses a feed with a strict XML parser (jsdom's DOMParser): a malformed document fails the test. */
function parseFeed(xml: string) {
  const dom = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');
  expect(dom.getElementsByTagName('parsererror')).toHaveLength(0);
  const root = dom.documentElement;
  expect({ name: root.localName, ns: root.namespaceURI }).toEqual({ name: 'feed', ns: ATOM });
  const text = (el: Element, name: string) => el.getElementsByTagNameNS(ATOM, name)[0]?.textContent ?? '';
  const child = (name: string) => [...root.children].find((c) => c.localName === name);
  const entries: Entry[] = [...root.getElementsByTagNameNS(ATOM, 'entry')].map((e) => ({
    id: text(e, 'id'),
    title: text(e, 'title'),
    updated: text(e, 'updated'),
    link: e.getElementsByTagNameNS(ATOM, 'link')[0]?.getAttribute('href') ?? null,
    author: text(e.getElementsByTagNameNS(ATOM, 'author')[0], 'name'),
  }));
  return {
    lang: root.getAttribute('xml:lang'),
    id: child('id')?.textContent,
    title: child('title')?.textContent,
    updated: child('updated')?.textContent,
    entries,
  };
}

describe('Atom feeds of public acts (issue #20)', () => {
  let t: TestApp;
  let adopted: AdoptedDocument;
  const anonymous = () => new ApiClient(t.baseUrl);
  const feed = async (path: string) => {
    const res = await anonymous().get<string>(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    return { xml: res.body, ...parseFeed(res.body) };
  };
  const entryOf = (e: AuditEventResponse) => `urn:parley:audit:${e.scope}:${e.sequence}`;

  beforeAll(async () => {
    t = await startTestApp();
    // Adopted by a secret ballot: the chain records each voter's vote (a commitment, never the choice).
    adopted = await newAdoptedDocument(t, { visibility: 'secret' });
  });
  afterAll(() => t.close());

  it('serves a group’s public acts as well-formed Atom: stable ids, times, sentences naming actor, organisation and stakeholder group, absolute links, authors', async () => {
    const { g } = adopted;
    const f = await feed(`/api/working-groups/${g.id}/feed.atom`);
    expect(f).toMatchObject({ lang: 'en', id: `urn:parley:feed:working-group:${g.id}` });
    const events = (await auditEvents(t.baseUrl, `wg:${g.id}`)).filter((e) => !e.action.startsWith('vote.'));
    // Newest first, one entry per act, each with its own stable id.
    expect(f.entries.map((e) => e.id)).toEqual(events.reverse().map(entryOf));
    expect(f.updated).toBe(f.entries[0].updated);
    for (const e of f.entries) {
      expect(e.link).toMatch(/^http:\/\/localhost:3000\/audit\/events\/wg%3A[0-9a-f-]+\/\d+$/);
      expect(new Date(e.updated).toISOString()).toBe(e.updated);
      expect(e.author).not.toBe('');
    }
    const chairOrg = g.chair.snapshot.organisationName;
    expect(f.entries.map((e) => e.title)).toEqual(
      expect.arrayContaining([
        `${g.chair.name} (${chairOrg}, private sector) created the document “${adopted.doc.title}”`,
        `${g.chair.name} (${chairOrg}, private sector) opened a ballot in “${f.title!.replace(' — public acts', '')}”`,
        expect.stringMatching(/recorded the adoption of version 1 of “Paris Call — draft principles”$/),
      ]),
    );
    // The same feed again: the same ids (a reader does not see old acts as new).
    expect((await feed(`/api/working-groups/${g.id}/feed.atom`)).entries.map((e) => e.id)).toEqual(f.entries.map((e) => e.id));
  });

  it('never carries a secret ballot’s votes', async () => {
    const { g } = adopted;
    const votes = (await auditEvents(t.baseUrl, `wg:${g.id}`)).filter((e) => e.action === 'vote.cast');
    expect(votes.length).toBeGreaterThan(0);
    const f = await feed(`/api/working-groups/${g.id}/feed.atom`);
    const ids = new Set(f.entries.map((e) => e.id));
    expect(votes.filter((v) => ids.has(entryOf(v)))).toEqual([]);
    expect(f.entries.filter((e) => /vot(e|ed)\b/i.test(e.title))).toEqual([]);
  });

  it('serves a document’s versions and adoptions, in English and in French', async () => {
    const { doc, g } = adopted;
    const en = await feed(`/api/documents/${doc.id}/feed.atom`);
    expect(en.id).toBe(`urn:parley:feed:document:${doc.id}`);
    expect(en.entries.map((e) => e.title)).toEqual([
      expect.stringMatching(/ recorded the adoption of version 1 of “Paris Call — draft principles”$/),
      `${g.chair.name} (${g.chair.snapshot.organisationName}, private sector) created the document “Paris Call — draft principles”`,
    ]);
    const fr = await feed(`/api/documents/${doc.id}/feed.atom?lang=fr`);
    expect(fr.lang).toBe('fr');
    expect(fr.title).toBe('Paris Call — draft principles — versions et adoptions');
    expect(fr.entries.map((e) => e.title)).toEqual([
      expect.stringMatching(/ a enregistré l’adoption de la version 1 de « Paris Call — draft principles »$/),
      `${g.chair.name} (${g.chair.snapshot.organisationName}, secteur privé) a créé le document « Paris Call — draft principles »`,
    ]);
    expect(fr.entries.map((e) => e.id)).toEqual(en.entries.map((e) => e.id));
  });

  describe('a group with a version kept to members', () => {
    let g: DraftingGroup;
    let doc: DocumentResponse;
    beforeAll(async () => {
      g = await newDraftingGroup(t);
      doc = await newParisCallDocument(t, g);
      const { clauseId } = await issueMembersOnlyVersion(g, doc);
      const quoted = 'consult their cyber agencies';
      const start = MEMBERS_ONLY_TEXT.indexOf(quoted);
      const res = await g.ngo.client.post(`/api/documents/${doc.id}/comments`, {
        clauseId,
        body: `Why “${quoted}”?`,
        quote: { text: quoted, start, end: start + quoted.length },
      });
      expect(res.status).toBe(201);
    });

    it('shows that the version was issued, never its text nor a comment quoting it', async () => {
      for (const path of [`/api/working-groups/${g.id}/feed.atom`, `/api/documents/${doc.id}/feed.atom`, `/api/documents/${doc.id}/feed.atom?lang=fr`]) {
        const f = await feed(path);
        expect(f.xml).not.toContain('cyber agencies');
        expect(f.xml).not.toContain(MEMBERS_ONLY_TEXT);
      }
      const f = await feed(`/api/documents/${doc.id}/feed.atom`);
      expect(f.entries[0].title).toMatch(/ issued a chair’s text as version 2 of “Paris Call — draft principles”$/);
    });
  });

  it('escapes what people typed: a title with markup characters stays text', async () => {
    const g = await newDraftingGroup(t);
    const title = `Norms & <Rules> "draft" 'one' ]]>`;
    const res = await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title, clauses: PARIS_CALL_CLAUSES.slice(0, 3) });
    expect(res.status).toBe(201);
    const f = await feed(`/api/documents/${res.body.id}/feed.atom`);
    expect(f.entries).toHaveLength(1);
    expect(f.entries[0].title).toContain(`created the document “${title}”`);
    expect(f.xml).not.toContain('<Rules>');
  });

  it('keeps the newest 50 acts, newest first', async () => {
    const g = await newDraftingGroup(t);
    const doc = await newParisCallDocument(t, g);
    const p1 = clauseByLabel(doc, '1.');
    for (let i = 0; i < 55; i++) {
      const res = await g.ngo.client.post(`/api/documents/${doc.id}/comments`, { clauseId: p1.id, body: `Comment number ${i}.` });
      expect(res.status).toBe(201);
    }
    const f = await feed(`/api/working-groups/${g.id}/feed.atom`);
    expect(f.entries).toHaveLength(50);
    const events = await auditEvents(t.baseUrl, `wg:${g.id}`);
    expect(f.entries[0].id).toBe(entryOf(events.at(-1)!));
    const times = f.entries.map((e) => e.updated);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('says a session was opened and closed, without its hundreds of check-ins and turns at the floor (issue #21)', async () => {
    const g = await newDraftingGroup(t);
    const m = await scheduleMeeting(g.chair.client, g.id);
    const acts = meetingActs(m.id);
    expect((await acts.open(g.chair.client)).status).toBe(200);
    expect((await acts.takeUp(g.chair.client, m.agenda[0].id)).status).toBe(200);
    expect((await acts.attend(g.ngo.client)).status).toBe(201);
    const asked = await acts.ask(g.ngo.client, m.agenda[0].id);
    const request = asked.body.floor.queue[0];
    expect((await acts.give(g.chair.client, request.id)).status).toBe(200);
    expect((await acts.end(g.chair.client, request.id)).status).toBe(200);
    expect((await acts.close(g.chair.client)).status).toBe(200);
    const f = await feed(`/api/working-groups/${g.id}/feed.atom`);
    const titles = f.entries.map((e) => e.title).join('\n');
    expect(titles).toMatch(/scheduled a session of/);
    expect(titles).toMatch(/opened a session of/);
    expect(titles).toMatch(/closed a session of/);
    expect(titles).not.toMatch(/floor|checked in/i);
    expect(titles).not.toContain('meeting.');
    const fr = await feed(`/api/working-groups/${g.id}/feed.atom?lang=fr`);
    expect(fr.entries.map((e) => e.title).join('\n')).toMatch(/a levé une séance de/);
  });

  it('answers 404 for an unknown group or document, 400 for a malformed id or a language it does not speak, as problem+json', async () => {
    expectProblem(await anonymous().get('/api/working-groups/0b5d7c4e-1111-4222-8333-444455556666/feed.atom'), 404);
    expectProblem(await anonymous().get('/api/documents/0b5d7c4e-1111-4222-8333-444455556666/feed.atom'), 404);
    expectProblem(await anonymous().get('/api/documents/nope/feed.atom'), 400, { fields: ['id'] });
    expectProblem(await anonymous().get(`/api/working-groups/${adopted.g.id}/feed.atom?lang=de`), 400, { fields: ['lang'] });
  });
});
