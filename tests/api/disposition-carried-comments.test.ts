import { demoDraft } from '../support/demo-draft';
import type { CommentThreadPage, DispositionReport, DocumentListResponse, WorkingGroupListResponse } from '@parley/contracts';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * Issue 17: the disposition report of version 2 said "No comments were made on this version" while
 * the clause panel showed v2's clause with an accepted comment from v1. The report now says which
 * version each comment was made on and lists the comments carried from earlier versions.
 */
describe('the disposition report names the version of each comment and carries earlier ones', () => {
  let t: TestApp;
  let api: ApiClient;
  let documentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoSeeder).seed();
    api = new ApiClient(t.baseUrl);
    const groupId = (await api.get<WorkingGroupListResponse>('/api/working-groups')).body.items.find(
      (g) => g.name === 'Working group on international norms',
    )!.id;
    documentId = demoDraft((await api.get<DocumentListResponse>(`/api/working-groups/${groupId}/documents`)).body.items).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists, for version 2, the comments made on version 1 that the clause panel shows with version 2', async () => {
    const v1 = (await api.get<DispositionReport>(`/api/documents/${documentId}/versions/1/dispositions`)).body;
    const v2 = (await api.get<DispositionReport>(`/api/documents/${documentId}/versions/2/dispositions`)).body;
    expect(v1.entries.every((e) => e.version === 1)).toBe(true);
    expect(v2.entries.every((e) => e.version === 2)).toBe(true);
    expect(v2.carried.length).toBeGreaterThan(0);
    expect(v2.carried.every((e) => e.version < 2)).toBe(true);
    // What the clause panel shows at version 2 for a carried comment's clause is in the report.
    const accepted = v2.carried.find((e) => e.parentId === null && e.disposition?.disposition === 'accepted');
    expect(accepted).toBeDefined();
    const panel = (await api.get<CommentThreadPage>(`/api/documents/${documentId}/comments?clauseId=${accepted!.clauseId}&version=2`)).body;
    expect(panel.items.map((c) => c.id)).toContain(accepted!.commentId);
    // Each carried comment is one of version 1's, on a clause version 2 still has; the totals count only version 2's own.
    const v1Ids = new Set(v1.entries.map((e) => e.commentId));
    expect(v2.carried.filter((e) => e.version === 1).every((e) => v1Ids.has(e.commentId))).toBe(true);
    expect(v2.carried.every((e) => e.clauseLabel !== null || e.clausePosition !== null)).toBe(true);
    expect(Object.values(v2.totals).reduce((a, b) => a + b, 0)).toBe(v2.entries.length);
    expect(v1.carried).toEqual([]);
  });
});
