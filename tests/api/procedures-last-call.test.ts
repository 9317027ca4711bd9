import type { AdoptionPreflightResponse, CommentResponse, DocumentResponse, LastCallView, Problem } from '@parley/contracts';
import { auditEvents, expectProblem } from '../support/expectations';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(90_000);

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

/**
 * Last call (issue #19, decision record 0038): a chair opens a fixed window on the current version;
 * comments raised on it during the window are tracked to a disposition; the adoption is warned of a
 * last call not held (when the group expects one), still open, or with comments undisposed, and the
 * chair's acknowledgement is recorded.
 */
describe('last call', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  const anonymous = () => new ApiClient(t.baseUrl);
  const path = (n = 1) => `/api/documents/${doc.id}/versions/${n}/last-call`;
  const preflight = async () => (await anonymous().get<AdoptionPreflightResponse>(`/api/documents/${doc.id}/versions/1/adoption-preflight`)).body;
  const count = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM last_calls`))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    await t.dataSource.query(`UPDATE working_groups SET procedure_rules = '{"lastCallDays": 3}'::jsonb WHERE id = $1`, [g.id]);
    doc = await newParisCallDocument(t, g);
  });
  afterAll(() => t?.close());

  it('before any last call, the group’s rule asks for one: the preflight warns last-call-not-held and the adoption needs it acknowledged', async () => {
    const v = (await anonymous().get<LastCallView>(path())).body;
    expect(v).toMatchObject({ lastCallDays: 3, lastCall: null, warnings: ['last-call-not-held'], can: { open: false, minimumDays: 3 } });
    const p = await preflight();
    expect(p.warnings).toContain('last-call-not-held');
    expect(p.lastCall).toMatchObject({ requiredDays: 3, held: null, kinds: ['last-call-not-held'] });
    const refused = expectProblem(await g.chair.client.post(`/api/documents/${doc.id}/versions/1/adoption-ballot`, { closesAt: inAnHour() }), 409);
    expect((refused as Problem & { unacknowledgedWarnings: string[] }).unacknowledgedWarnings).toContain('last-call-not-held');
  });

  it('refuses members and anonymous readers, a window shorter than the rule (naming days), and bad input; nothing is written', async () => {
    expectProblem(await g.ngo.client.post(path(), { days: 3 }), 403);
    expectProblem(await anonymous().post(path(), { days: 3 }), 401);
    expect(expectProblem(await g.chair.client.post(path(), { days: 2 }), 400, { fields: ['days'] })).toMatchObject({ code: 'last-call-too-short', params: { minimum: 3 } });
    expectProblem(await g.chair.client.post(path(), { days: 0 }), 400, { fields: ['days'] });
    expectProblem(await g.chair.client.post(path(), { days: 3.5 }), 400, { fields: ['days'] });
    expectProblem(await g.chair.client.post(path(), { days: 3, extra: 1 }), 400);
    expect(await count()).toBe(0);
  });

  it('a chair opens a three-day last call; comments raised in it are tracked; while it runs the adoption is warned it is open and comments undisposed', async () => {
    const res = await g.chair.client.post<LastCallView>(path(), { days: 3, note: 'Final comments, please.' });
    expect(res.status).toBe(201);
    expect(res.body.lastCall).toMatchObject({ days: 3, open: true, note: 'Final comments, please.', openedBy: { id: g.chair.id }, comments: [] });
    const opened = (await auditEvents(t.baseUrl, `wg:${g.id}`)).find((e) => e.action === 'last-call.opened')!;
    expect(opened).toMatchObject({ actorId: g.chair.id, change: { version: 1, days: 3, note: 'Final comments, please.' } });
    expect(Date.parse(opened.change.closesAt as string) - Date.parse(opened.change.opensAt as string)).toBe(3 * 86_400_000);
    expect(code(expectProblem(await g.chair.client.post(path(), { days: 5 }), 409))).toBe('last-call-exists');

    const c1 = await g.ngo.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId: clauseByLabel(doc, '2.').id, kind: 'technical', body: 'Paragraph 2 should name the protocols.' });
    const c2 = await g.company.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId: clauseByLabel(doc, '3.').id, kind: 'editorial', body: 'A typo in paragraph 3.' });
    expect([c1.status, c2.status]).toEqual([201, 201]);
    const v = (await anonymous().get<LastCallView>(path())).body;
    expect(v.lastCall!.comments.map((c) => [c.commentId, c.clauseLabel, c.kind, c.disposition])).toEqual([
      [c1.body.id, '2.', 'technical', null],
      [c2.body.id, '3.', 'editorial', null],
    ]);
    expect(v.lastCall!.byKind).toEqual({ technical: 1, editorial: 1 });
    expect(v.lastCall!.byDisposition).toEqual({ none: 2 });
    expect(v.warnings).toEqual(['last-call-open', 'last-call-undisposed']);
    const p = await preflight();
    expect(p.warnings).toEqual(expect.arrayContaining(['last-call-open', 'last-call-undisposed']));
    expect(p.warnings).not.toContain('last-call-not-held');
    expect(p.lastCall!.undisposed.map((u) => u.commentId)).toEqual([c1.body.id, c2.body.id]);

    // Disposing of one leaves one undisposed.
    expect((await g.rapporteur.client.post(`/api/comments/${c2.body.id}/disposition`, { disposition: 'accepted', reason: 'Fixed.' })).status).toBe(200);
    const after = (await anonymous().get<LastCallView>(path())).body.lastCall!;
    expect(after.byDisposition).toEqual({ none: 1, accepted: 1 });
  });

  it('once the window is over (moved back in the database for the test), it reads complete; the adoption warns only of the undisposed comment and records the acknowledgement', async () => {
    await t.dataSource.transaction(async (m) => {
      await m.query(`ALTER TABLE last_calls DISABLE TRIGGER last_calls_guard; ALTER TABLE comments DISABLE TRIGGER comments_guard`);
      await m.query(`UPDATE last_calls SET opens_at = opens_at - interval '4 days', closes_at = closes_at - interval '4 days'`);
      await m.query(`UPDATE comments SET created_at = created_at - interval '3 days' WHERE document_id = $1`, [doc.id]);
      await m.query(`ALTER TABLE last_calls ENABLE TRIGGER last_calls_guard; ALTER TABLE comments ENABLE TRIGGER comments_guard`);
    });
    const v = (await anonymous().get<LastCallView>(path())).body;
    expect(v.lastCall!.open).toBe(false);
    expect(v.warnings).toEqual(['last-call-undisposed']);
    const refused = expectProblem(await g.chair.client.post(`/api/documents/${doc.id}/versions/1/adoption-ballot`, { closesAt: inAnHour() }), 409);
    expect((refused as Problem & { unacknowledgedWarnings: string[] }).unacknowledgedWarnings).toEqual(['last-call-undisposed']);
    const ok = await g.chair.client.post<{ ballotId: string }>(`/api/documents/${doc.id}/versions/1/adoption-ballot`, { closesAt: inAnHour(), acknowledgedWarnings: ['last-call-undisposed'] });
    expect(ok.status).toBe(201);
    const opened = (await auditEvents(t.baseUrl, `wg:${g.id}`)).find((e) => e.action === 'ballot.opened' && e.subjectId === ok.body.ballotId)!;
    expect((opened.change as { warnings?: { lastCall?: unknown } }).warnings?.lastCall).toMatchObject({ requiredDays: 3, held: { days: 3, open: false }, undisposed: [expect.any(String)] });
  });

  it('the last calls table is never changed', async () => {
    await expect(t.dataSource.query(`UPDATE last_calls SET days = 9`)).rejects.toThrow(/never changed/);
    await expect(t.dataSource.query(`DELETE FROM last_calls`)).rejects.toThrow(/never changed/);
  });
});

const code = (p: Problem) => p.code;
