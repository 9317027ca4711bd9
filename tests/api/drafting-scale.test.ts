import type { AmendmentPage, CommentThreadPage, DocumentResponse } from '@parley/contracts';
import { DraftingGroup, newDraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A 300-clause document with 5,000 comments and 1,000 amendments: the document page reads counts by
 * aggregate and threads a page at a time, so reading stays fast. Rows are written in bulk with SQL
 * (the endpoints are tested elsewhere). What this proves is that the answers stay complete and small at that
 * size; how fast they are is bench:document-read's measure (docs/benchmarks.md), never a timed test.
 */
describe('drafting at scale', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  const anonymous = () => new ApiClient(t.baseUrl);

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    const clauses = Array.from({ length: 300 }, (_, i) => ({ kind: i % 50 === 0 ? 'heading' : i % 10 === 1 ? 'preamble' : 'operative', text: `Clause ${i + 1}: States, companies and civil society shall cooperate to prevent malicious cyber activity number ${i + 1}.` }));
    doc = (await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title: 'A long convention', clauses })).body;
    const versionId = (await t.dataSource.query(`SELECT id FROM document_versions WHERE document_id = $1`, [doc.id]))[0].id;
    const ids = doc.version.clauses.map((c) => c.id);
    const authors = [g.ngo, g.company, g.government, g.observer];
    // 4,000 top-level comments and 1,000 replies, spread over the clauses.
    await t.dataSource.query(
      `INSERT INTO comments (document_id, version_id, version_number, clause_id, kind, body, author_id, author_snapshot, created_at)
       SELECT $1, $2, 1, ($3::uuid[])[1 + (i % 300)], (ARRAY['general','technical','editorial','clarification'])[1 + (i % 4)], 'Comment ' || i,
              ($4::uuid[])[1 + (i % 4)], ($5::jsonb[])[1 + (i % 4)], now() - make_interval(secs => 5000 - i)
         FROM generate_series(1, 4000) AS i`,
      [doc.id, versionId, ids, authors.map((a) => a.id), authors.map((a) => JSON.stringify(a.snapshot))],
    );
    await t.dataSource.query(
      `INSERT INTO comments (document_id, version_id, version_number, clause_id, parent_id, kind, body, author_id, author_snapshot, created_at)
       SELECT c.document_id, c.version_id, 1, c.clause_id, c.id, 'general', 'Reply to ' || c.body, $2, $3, c.created_at + interval '1 second'
         FROM (SELECT * FROM comments WHERE document_id = $1 ORDER BY created_at LIMIT 1000) c`,
      [doc.id, g.rapporteur.id, JSON.stringify(g.rapporteur.snapshot)],
    );
    await t.dataSource.query(
      `INSERT INTO amendments (document_id, kind, base_version, applies_to_version, target_clause_id, target_text, text, rationale, author_id, author_snapshot, created_at)
       SELECT $1, 'replace', 1, 1, vc.clause_id, vc.text, vc.text || ' (amended ' || i || ')', 'Rationale ' || i, ($3::uuid[])[1 + (i % 3)], ($4::jsonb[])[1 + (i % 3)], now() - make_interval(secs => 2000 - i)
         FROM generate_series(1, 1000) AS i JOIN version_clauses vc ON vc.version_id = $2 AND vc.position = (i % 300)`,
      [doc.id, versionId, authors.slice(0, 3).map((a) => a.id), authors.slice(0, 3).map((a) => JSON.stringify(a.snapshot))],
    );
    await t.dataSource.query(`ANALYZE comments; ANALYZE amendments; ANALYZE version_clauses`);
  });
  afterAll(() => t.close());

  it('GET /api/documents/:id returns 300 clauses with comment counts and amendment markers, not the comments', async () => {
    const result = await g.ngo.client.get<DocumentResponse>(`/api/documents/${doc.id}`);
    expect(result.status).toBe(200);
    expect(result.body.version.clauses).toHaveLength(300);
    const counted = result.body.version.clauses.reduce((n, c) => n + c.counts.comments, 0);
    expect(counted).toBe(5000);
    expect(result.body.version.clauses.reduce((n, c) => n + c.amendments.open, 0)).toBe(1000);
    const size = JSON.stringify(result.body).length;
    expect(size).toBeLessThan(400 * 1024);
  });

  it('GET comments of one clause returns one page of threads with replies', async () => {
    const clause = doc.version.clauses[1];
    const result = await anonymous().get<CommentThreadPage>(`/api/documents/${doc.id}/comments?clauseId=${clause.id}&limit=20`);
    expect(result.body.items.map((c) => c.body).slice(0, 2)).toEqual(['Comment 1', 'Comment 301']);
    expect(result.body.items).toHaveLength(14);
    expect(result.body.items.some((c) => c.replies.length > 0)).toBe(true);
  });

  it('GET amendments pages through 1,000 amendments with diffs and competing groups', async () => {
    const result = await anonymous().get<AmendmentPage>(`/api/documents/${doc.id}/amendments?limit=100`);
    expect(result.body.items).toHaveLength(100);
    expect(result.body.nextCursor).not.toBeNull();
    expect(result.body.competingGroups.length).toBe(300);
  });

  it('the disposition report of 5,000 comments and the provenance of 300 clauses are complete', async () => {
    const report = await anonymous().get(`/api/documents/${doc.id}/versions/1/dispositions`);
    expect(report.body.entries).toHaveLength(5000);
    const provenance = await anonymous().get(`/api/documents/${doc.id}/versions/1/provenance`);
    expect(provenance.body.clauses).toHaveLength(300);
  });
});
