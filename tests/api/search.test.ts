import type { CommentResponse, DocumentResponse, SearchResponse, SearchResult } from '@parley/contracts';
import { expectProblem } from '../support/expectations';
import { clauseByLabel, type Delegate, type DraftingGroup, newDraftingGroup, newGroupDelegate, newParisCallDocument } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { issueMembersOnlyVersion, MEMBERS_ONLY_TEXT } from '../support/members-only-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/** Issue #25, decision 0053: GET /api/search over a real PostgreSQL with unaccent and pg_trgm. */
describe('search everything', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let other: DraftingGroup;
  let doc: DocumentResponse;
  let v2: DocumentResponse;
  let principle4: DocumentResponse['version']['clauses'][number];
  let dueDiligence: CommentResponse;
  let securite: CommentResponse;
  let amina: Delegate;
  const anonymous = () => new ApiClient(t.baseUrl);
  const search = async (client: ApiClient, params: Record<string, string>): Promise<SearchResponse> => {
    const res = await client.get<SearchResponse>(`/api/search?${new URLSearchParams(params).toString()}`);
    if (res.status !== 200) throw new Error(`search ${JSON.stringify(params)}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** The words of a result's passage that are marked. */
  const marked = (r: SearchResult) => r.passage.marks.map(([s, e]) => r.passage.text.slice(s, e));
  const comment = async (who: Delegate, body: string, extra: Record<string, unknown> = {}) => {
    const res = await who.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId: principle4.id, kind: 'technical', body, ...extra });
    if (res.status !== 201) throw new Error(`comment: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [g, other] = await Promise.all([newDraftingGroup(t), newDraftingGroup(t)]);
    doc = await newParisCallDocument(t, g);
    principle4 = clauseByLabel(doc, '4.');
    dueDiligence = await comment(g.ngo, 'States should exercise due diligence before any hack-back by companies.');
    await comment(g.company, 'Diligence is due, but the word "due" alone is not the phrase.');
    securite = await comment(g.government, 'La sécurité des réseaux relève des États.', { writtenLanguage: 'fr' });
    // A public version 2 that rewrites principle 4 with words version 1 never had.
    const clauses = doc.version.clauses.map((c) => ({ id: c.id, kind: c.kind, text: c.id === principle4.id ? `${c.text} No actor should engage in offensive hack-back operations.` : c.text }));
    const res = await g.chair.client.post<DocumentResponse>(`/api/documents/${doc.id}/chairs-texts`, { label: 'Rev. 1', standing: 'draft', office: 'chair', clauses });
    if (res.status !== 201) throw new Error(`chair's text: ${res.status} ${JSON.stringify(res.body)}`);
    v2 = res.body;
    const status = await g.chair.client.post(`/api/documents/${doc.id}/clauses/${principle4.id}/status`, { status: 'agreed' });
    if (status.status !== 201) throw new Error(`status: ${status.status} ${JSON.stringify(status.body)}`);
    amina = await newGroupDelegate(t, 'civil-society', 'academia', 'Institut Amina');
    await t.dataSource.query(`UPDATE people SET name = 'Amina Diallo-Ndiaye' WHERE id = $1`, [amina.id]);
  });
  afterAll(() => t.close());

  it('finds a clause by a word of any version, each version with its number, its latest status and its group and document', async () => {
    const found = await search(anonymous(), { q: 'hack-back operations', kind: 'clause' });
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({
      kind: 'clause',
      id: principle4.id,
      status: 'agreed',
      openBrackets: 0,
      target: { workingGroup: { id: g.id }, document: { id: doc.id, title: doc.title }, version: 2, clauseId: principle4.id },
    });
    // A word both versions have: both versions are found.
    const word = principle4.text.split(/\s+/).find((w) => /^[a-z]{9,}$/i.test(w))!;
    const both = await search(anonymous(), { q: word, kind: 'clause', document: doc.id });
    expect(both.items.filter((r) => r.id === principle4.id).map((r) => r.target.version).sort()).toEqual([1, 2]);
    expect(v2.version.number).toBe(2);
  });

  it('finds the comment that says the phrase "due diligence", not one with both words apart, and marks the phrase', async () => {
    const found = await search(anonymous(), { q: '"due diligence"', kind: 'comment' });
    expect(found.items.map((r) => r.id)).toEqual([dueDiligence.id]);
    expect(marked(found.items[0])).toEqual(['due diligence']);
    expect(found.items[0].passage.text).toContain('States should exercise due diligence');
    expect(found.items[0]).toMatchObject({ author: { id: g.ngo.id }, target: { document: { id: doc.id }, version: 1, clauseId: principle4.id } });
  });

  it('finds French text without its accents ("securite" finds "sécurité") and marks the word as written', async () => {
    const found = await search(anonymous(), { q: 'securite' });
    expect(found.items.map((r) => r.id)).toContain(securite.id);
    const hit = found.items.find((r) => r.id === securite.id)!;
    expect(marked(hit)).toEqual(['sécurité']);
    expect(hit.language).toBe('fr');
    // The language filter: in French only, the English texts are out.
    expect((await search(anonymous(), { q: 'securite', language: 'en' })).items.map((r) => r.id)).not.toContain(securite.id);
    expect((await search(anonymous(), { q: 'securite', language: 'fr' })).items.map((r) => r.id)).toEqual([securite.id]);
  });

  it('finds a person by a misspelt name, with their current affiliation', async () => {
    const found = await search(anonymous(), { q: 'Amina Dialo', kind: 'person' });
    expect(found.items[0]).toMatchObject({ kind: 'person', id: amina.id, title: 'Amina Diallo-Ndiaye', affiliation: { organisationId: amina.organisation.id } });
    expect(marked(found.items[0])).toEqual(['Amina']);
    // an organisation by a misspelt name too, accents aside
    const orgs = await search(anonymous(), { q: 'Institut Amnia', kind: 'organisation' });
    expect(orgs.items.map((r) => r.id)).toContain(amina.organisation.id);
  });

  it('filters by group, kind, organisation, stakeholder group, dates and language', async () => {
    const created = await other.chair.client.post(`/api/working-groups/${other.id}/documents`, { title: 'Another text', clauses: [{ kind: 'operative', text: 'Due diligence applies to every actor.' }] });
    expect(created.status).toBe(201);
    const everywhere = await search(anonymous(), { q: 'diligence' });
    expect(new Set(everywhere.items.map((r) => r.target.workingGroup?.id))).toEqual(new Set([g.id, other.id]));
    expect((await search(anonymous(), { q: 'diligence', group: other.id })).items.every((r) => r.target.workingGroup?.id === other.id)).toBe(true);
    expect((await search(anonymous(), { q: 'diligence', kind: 'comment' })).items.every((r) => r.kind === 'comment')).toBe(true);
    const byOrg = await search(anonymous(), { q: 'diligence', organisation: g.company.organisation.id });
    expect(byOrg.items.map((r) => r.author?.id)).toEqual([g.company.id]);
    const civil = await search(anonymous(), { q: 'diligence', stakeholderGroup: 'civil-society', kind: 'comment' });
    expect(civil.items.map((r) => r.id)).toEqual([dueDiligence.id]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await search(anonymous(), { q: 'diligence', kind: 'comment', from: today, to: today })).items).toHaveLength(2);
    expect((await search(anonymous(), { q: 'diligence', kind: 'comment', to: '2020-01-01' })).items).toHaveLength(0);
  });

  it('never shows a members-only version to the public or to non-members; its members find it', async () => {
    const { clauseId } = await issueMembersOnlyVersion(g, v2);
    const q = { q: 'Geneva session cyber agencies' };
    expect((await search(anonymous(), q)).items).toEqual([]);
    expect((await search(g.outsider.client, q)).items).toEqual([]);
    expect((await search(other.chair.client, q)).items).toEqual([]);
    const members = await search(g.observer.client, q);
    expect(members.items.map((r) => [r.kind, r.id, r.target.version])).toEqual([['clause', clauseId, 3]]);
    expect(members.items[0].passage.text).toContain(MEMBERS_ONLY_TEXT.slice(0, 40));
    // a comment made on the members-only version stays with it
    const c = await g.ngo.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId, version: 3, kind: 'general', body: 'Consulting capitals about the Geneva timetable first.' });
    expect(c.status).toBe(201);
    expect((await search(anonymous(), { q: 'Geneva timetable' })).items).toEqual([]);
    expect((await search(g.chair.client, { q: 'Geneva timetable' })).items.map((r) => r.id)).toEqual([c.body.id]);
  });

  it('keeps the affiliation the author held at the time of the act', async () => {
    const before = g.ngo.snapshot.organisationName;
    await t.dataSource.query(`UPDATE organisations SET name = 'Renamed Rights Watch' WHERE id = $1`, [g.ngo.organisation.id]);
    const found = await search(anonymous(), { q: '"due diligence"', kind: 'comment' });
    expect(found.items[0].affiliation).toMatchObject({ organisationId: g.ngo.organisation.id, organisationName: before, stakeholderGroup: 'civil-society' });
    const org = await search(anonymous(), { q: 'Renamed Rights Watch', kind: 'organisation' });
    expect(org.items[0]).toMatchObject({ id: g.ngo.organisation.id, title: 'Renamed Rights Watch' });
  });

  it('pages through many results with a stable cursor, best first (a member, on the members-only version)', async () => {
    for (let i = 0; i < 23; i++) await comment(g.rapporteur, `Interoperability note ${i}: interoperability of incident reporting.`);
    const first = await search(g.rapporteur.client, { q: 'interoperability' });
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const second = await search(g.rapporteur.client, { q: 'interoperability', cursor: first.nextCursor! });
    expect(second.items).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((r) => r.id)).size).toBe(23);
    expect((await search(anonymous(), { q: 'interoperability' })).items).toEqual([]);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const bad = async (query: string, field: string) => expectProblem(await anonymous().get(`/api/search?${query}`), 400, { fields: [field] });
    await bad('q=', 'q');
    await bad('q=%20%20', 'q');
    await bad('kind=clause', 'q');
    await bad(`q=${'a'.repeat(201)}`, 'q');
    await bad('q=core&from=2026-13-45', 'from');
    await bad('q=core&to=yesterday', 'to');
    await bad('q=core&from=2026-02-01&to=2026-01-01', 'to');
    await bad('q=core&kind=tweet', 'kind');
    await bad('q=core&language=de', 'language');
    await bad('q=core&group=not-an-id', 'group');
    await bad('q=core&cursor=garbage', 'cursor');
    // A cursor that decodes, with a rank PostgreSQL's real cannot hold: still the client's fault.
    await bad(`q=core&cursor=${Buffer.from(JSON.stringify(['1e39', 1])).toString('base64url')}`, 'cursor');
    await bad('q=core&colour=blue', 'colour');
  });

  it('answers an empty page, not an error, for words no text has or punctuation alone', async () => {
    expect((await search(anonymous(), { q: 'zyxwvutsrq' })).items).toEqual([]);
    expect((await search(anonymous(), { q: '!!! ???' })).items).toEqual([]);
    expect((await search(anonymous(), { q: 'the' })).items).toBeDefined();
  });
});
