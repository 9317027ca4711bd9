import type { DocumentResponse } from '@parley/contracts';
import { expectProblem } from '../support/expectations';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { issueMembersOnlyVersion } from '../support/members-only-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

interface FollowList {
  items: {
    targetType: string;
    targetId: string;
    title: string;
    group: { id: string; name: string };
    document: { id: string; title: string } | null;
    link: string;
    since: string;
  }[];
}

describe('follows (issue #20)', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let membersOnlyClause: string;
  const list = (client: ApiClient) => client.get<FollowList>('/api/me/follows');
  const auditHead = async () => JSON.stringify((await new ApiClient(t.baseUrl).get('/api/audit/head')).body);

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    ({ clauseId: membersOnlyClause } = await issueMembersOnlyVersion(g, doc));
  });
  afterAll(() => t.close());

  it('follows a group, a document and a clause, lists them with where they lead, and writes nothing to the audit log', async () => {
    const before = await auditHead();
    const p4 = clauseByLabel(doc, '4.');
    for (const [type, id] of [
      ['working-group', g.id],
      ['document', doc.id],
      ['clause', p4.id],
    ]) {
      const res = await g.outsider.client.request('PUT', `/api/me/follows/${type}/${id}`);
      expect(res.status).toBe(204);
    }
    const res = await list(g.outsider.client);
    expect(res.status).toBe(200);
    const group = { id: g.id, name: expect.any(String) };
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          targetType: 'working-group',
          targetId: g.id,
          title: res.body.items[0].group.name,
          group,
          document: null,
          link: `/working-groups/${g.id}`,
        }),
        expect.objectContaining({
          targetType: 'document',
          targetId: doc.id,
          title: doc.title,
          group,
          document: { id: doc.id, title: doc.title },
          link: `/documents/${doc.id}`,
        }),
        expect.objectContaining({
          targetType: 'clause',
          targetId: p4.id,
          title: '4.',
          group,
          document: { id: doc.id, title: doc.title },
          link: `/documents/${doc.id}?clause=${p4.id}`,
        }),
      ]),
    );
    expect(res.body.items).toHaveLength(3);
    const rows = await t.dataSource.query(`SELECT target_type, working_group_id FROM follows WHERE person_id = $1`, [g.outsider.id]);
    expect(rows.every((r: { working_group_id: string }) => r.working_group_id === g.id)).toBe(true);
    expect(await auditHead()).toBe(before);
    // Nobody else sees what someone follows.
    expect((await list(g.ngo.client)).body.items).toEqual([]);
  });

  it('is idempotent: following again keeps one follow and its first date; unfollowing twice is 204 both times', async () => {
    await g.ngo.client.request('PUT', `/api/me/follows/document/${doc.id}`);
    const first = (await list(g.ngo.client)).body.items;
    expect((await g.ngo.client.request('PUT', `/api/me/follows/document/${doc.id}`)).status).toBe(204);
    expect((await list(g.ngo.client)).body.items).toEqual(first);
    expect((await g.ngo.client.request('DELETE', `/api/me/follows/document/${doc.id}`)).status).toBe(204);
    expect((await list(g.ngo.client)).body.items).toEqual([]);
    expect((await g.ngo.client.request('DELETE', `/api/me/follows/document/${doc.id}`)).status).toBe(204);
  });

  it('lets members follow a clause only a members-only version holds; for anyone else it does not exist (404, not 403)', async () => {
    expect((await g.ngo.client.request('PUT', `/api/me/follows/clause/${membersOnlyClause}`)).status).toBe(204);
    expect((await list(g.ngo.client)).body.items).toEqual([expect.objectContaining({ targetType: 'clause', targetId: membersOnlyClause })]);
    const refused = await g.outsider.client.request('PUT', `/api/me/follows/clause/${membersOnlyClause}`);
    expectProblem(refused, 404);
    const unknown = await g.outsider.client.request('PUT', `/api/me/follows/clause/0b5d7c4e-1111-4222-8333-444455556666`);
    expectProblem(unknown, 404);
    // The two answers are the same: the refusal does not tell a stranger the clause exists.
    expect({ ...(refused.body as object), instance: null }).toEqual({ ...(unknown.body as object), instance: null });
    expect((await t.dataSource.query(`SELECT 1 FROM follows WHERE person_id = $1 AND target_id = $2`, [g.outsider.id, membersOnlyClause])).length).toBe(0);
    // A member who leaves no longer sees the clause in their list (it is not public yet), and it is not deleted for them.
    await t.dataSource.query(`UPDATE memberships SET left_at = now() WHERE working_group_id = $1 AND person_id = $2`, [g.id, g.ngo.id]);
    expect((await list(g.ngo.client)).body.items).toEqual([]);
    expect((await t.dataSource.query(`SELECT 1 FROM follows WHERE person_id = $1 AND target_id = $2`, [g.ngo.id, membersOnlyClause])).length).toBe(1);
  });

  it('refuses a stranger (401), an unknown group or document (404), a bad type or id (400 naming it)', async () => {
    expectProblem(await new ApiClient(t.baseUrl).request('PUT', `/api/me/follows/document/${doc.id}`), 401);
    expectProblem(await new ApiClient(t.baseUrl).get('/api/me/follows'), 401);
    expectProblem(await g.ngo.client.request('PUT', `/api/me/follows/working-group/0b5d7c4e-1111-4222-8333-444455556666`), 404);
    expectProblem(await g.ngo.client.request('PUT', `/api/me/follows/document/0b5d7c4e-1111-4222-8333-444455556666`), 404);
    expectProblem(await g.ngo.client.request('PUT', `/api/me/follows/ballot/${doc.id}`), 400, { fields: ['type'] });
    expectProblem(await g.ngo.client.request('PUT', `/api/me/follows/document/not-a-uuid`), 400, { fields: ['id'] });
  });
});
