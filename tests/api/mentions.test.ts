import { mentionToken } from '@parley/domain';
import { PROBLEM_TYPES, type CommentResponse, type CommentThreadPage, type DocumentResponse } from '@parley/contracts';
import { auditEvents, expectProblem } from '../support/expectations';
import { admit, clauseByLabel, newDraftingGroup, newGroupDelegate, newParisCallDocument, type DraftingGroup } from '../support/drafting-fixtures';
import { newPerson, type SignedIn } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

describe('@mentions in comments (issue #20)', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let steward: SignedIn;
  let doc: DocumentResponse;
  let principle2: DocumentResponse['version']['clauses'][number];
  const events = () => auditEvents(t.baseUrl, `wg:${g.id}`);
  const lastEvent = async () => (await events()).at(-1)!;
  const post = (body: string) => g.ngo.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId: principle2.id, body });
  const candidates = (client: ApiClient, q: string, groupId = g.id) =>
    client.get<{ items: { personId: string; name: string; snapshot: unknown }[] }>(
      `/api/working-groups/${groupId}/mention-candidates?q=${encodeURIComponent(q)}`,
    );

  beforeAll(async () => {
    t = await startTestApp();
    // The first person registered is the platform's steward: someone outside the group.
    steward = await newPerson(t.baseUrl, { name: 'Platform Steward' });
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    principle2 = clauseByLabel(doc, '2.');
  });
  afterAll(() => t.close());

  it('records a mentioned member with their affiliation now, in comment.posted and in the comment served', async () => {
    const body = `${mentionToken(g.government.name, g.government.id)}, does your ministry read “public core” as including routing?`;
    const res = await post(body);
    expect(res.status).toBe(201);
    const recorded = { personId: g.government.id, name: g.government.name, snapshot: g.government.snapshot };
    expect(res.body.body).toBe(body);
    expect(res.body.mentions).toEqual([recorded]);
    expect(await lastEvent()).toMatchObject({ action: 'comment.posted', subjectId: res.body.id, actorId: g.ngo.id, change: { body, mentions: [recorded] } });

    // Everyone reading the thread sees who was mentioned and as whom (the affiliation when mentioned).
    const threads = await new ApiClient(t.baseUrl).get<CommentThreadPage>(`/api/documents/${doc.id}/comments?clauseId=${principle2.id}`);
    expect(threads.body.items.find((c) => c.id === res.body.id)?.mentions).toEqual([recorded]);
  });

  it('shows a chair’s front door excerpt as text: @Name, not the markup', async () => {
    const res = await post(`Over to ${mentionToken(g.company.name, g.company.id)} on routing.`);
    const home = await g.chair.client.get<{ me: { commentsToAnswer: { items: { id: string; excerpt: string }[] } } }>('/api/home');
    expect(home.body.me.commentsToAnswer.items.find((c) => c.id === res.body.id)?.excerpt).toBe(`Over to @${g.company.name} on routing.`);
  });

  it('reads as @Name in the disposition report’s CSV, not the markup', async () => {
    const res = await post(`Routing is for ${mentionToken(g.company.name, g.company.id)} to answer.`);
    const csv = await new ApiClient(t.baseUrl).get<string>(`/api/documents/${doc.id}/versions/1/dispositions.csv`);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain(`Routing is for @${g.company.name} to answer.`);
    expect(csv.body).not.toContain(`](${g.company.id})`);
    expect(res.status).toBe(201);
  });

  it('records mentions in a reply too, each person once, observers and chairs included', async () => {
    const root = await post('Opening a thread on the public core.');
    const body = `${mentionToken(g.observer.name, g.observer.id)} and ${mentionToken(g.chair.name, g.chair.id)} — ${mentionToken('again', g.observer.id)}`;
    const res = await g.company.client.post<CommentResponse>(`/api/comments/${root.body.id}/replies`, { body });
    expect(res.status).toBe(201);
    expect(res.body.mentions.map((m) => m.personId)).toEqual([g.observer.id, g.chair.id]);
    expect((await lastEvent()).change).toMatchObject({ parentId: root.body.id, mentions: [{ personId: g.observer.id }, { personId: g.chair.id }] });
  });

  it('leaves a token naming someone outside the group, a departed member or nobody as text: not recorded, not refused', async () => {
    const departed = await newGroupDelegate(t, 'government', 'national', 'Departed');
    await admit(t, g.id, departed, 'member');
    await t.dataSource.query(`UPDATE memberships SET left_at = now() WHERE working_group_id = $1 AND person_id = $2`, [g.id, departed.id]);
    const nobody = '0b5d7c4e-1111-4222-8333-444455556666';
    const body = `${mentionToken(g.outsider.name, g.outsider.id)}, ${mentionToken(departed.name, departed.id)} and ${mentionToken('Nobody', nobody)}: see ${mentionToken(g.rapporteur.name, g.rapporteur.id)}`;
    const res = await post(body);
    expect(res.status).toBe(201);
    expect(res.body.body).toBe(body);
    expect(res.body.mentions).toEqual([{ personId: g.rapporteur.id, name: g.rapporteur.name, snapshot: g.rapporteur.snapshot }]);
    expect((await lastEvent()).change.mentions).toEqual([{ personId: g.rapporteur.id, name: g.rapporteur.name, snapshot: g.rapporteur.snapshot }]);
  });

  it('keeps comment.posted without a mentions key when nobody is mentioned (the shape of older events)', async () => {
    const res = await post('No one named here; @[not a token] either.');
    expect(res.status).toBe(201);
    expect(res.body.mentions).toEqual([]);
    expect(Object.keys((await lastEvent()).change)).not.toContain('mentions');
    const [row] = await t.dataSource.query(`SELECT mentions FROM comments WHERE id = $1`, [res.body.id]);
    expect(row.mentions).toEqual([]);
  });

  it('keeps the body limit: tokens count in the 10,000 characters, and a longer body is refused naming the field', async () => {
    const token = mentionToken(g.government.name, g.government.id);
    const fits = `${token} ${'x'.repeat(10_000 - token.length - 1)}`;
    expect(fits).toHaveLength(10_000);
    const ok = await post(fits);
    expect(ok.status).toBe(201);
    expect(ok.body.mentions).toHaveLength(1);
    expectProblem(await post(`${fits}y`), 400, { fields: ['body'] });
  });

  describe('GET /api/working-groups/:id/mention-candidates', () => {
    let accented: Awaited<ReturnType<typeof newGroupDelegate>>;
    beforeAll(async () => {
      accented = await newGroupDelegate(t, 'civil-society', 'academia', 'Université');
      await t.dataSource.query(`UPDATE people SET name = 'Hélène Ångström-Diallo' WHERE id = $1`, [accented.id]);
      await admit(t, g.id, accented, 'member');
    });

    it('finds members by the start of any word of their name, ignoring case and accents, with their affiliation now', async () => {
      for (const q of ['helene', 'ANGS', 'diallo', 'hél ång']) {
        const res = await candidates(g.ngo.client, q);
        expect(res.status).toBe(200);
        expect(res.body.items).toEqual([{ personId: accented.id, name: 'Hélène Ångström-Diallo', snapshot: accented.snapshot }]);
      }
      expect((await candidates(g.ngo.client, 'elene')).body.items).toEqual([]);
    });

    it('lists at most 10, never people outside the group', async () => {
      const all = await candidates(g.chair.client, '');
      expect(all.status).toBe(200);
      expect(all.body.items.length).toBeLessThanOrEqual(10);
      const ids = all.body.items.map((c) => c.personId);
      expect(ids).toContain(g.observer.id);
      expect(ids).not.toContain(g.outsider.id);
      expect((await candidates(g.chair.client, g.outsider.name)).body.items).toEqual([]);
    });

    it('answers members, chairs and stewards; refuses a non-member (403) and a reader without a session (401); 404 for no such group', async () => {
      expect((await candidates(g.observer.client, 'a')).status).toBe(200);
      expect((await candidates(steward.client, 'a')).status).toBe(200);
      expectProblem(await candidates(g.outsider.client, 'a'), 403, { type: PROBLEM_TYPES.forbidden });
      expectProblem(await candidates(new ApiClient(t.baseUrl), 'a'), 401);
      expectProblem(await candidates(g.ngo.client, 'a', '0b5d7c4e-1111-4222-8333-444455556666'), 404);
      expectProblem(await g.ngo.client.get(`/api/working-groups/${g.id}/mention-candidates?q=${'a'.repeat(81)}`), 400, { fields: ['q'] });
    });
  });
});
