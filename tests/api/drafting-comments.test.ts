import { PROBLEM_TYPES, type CommentResponse, type CommentThreadPage, type DispositionReport, type DocumentResponse } from '@parley/contracts';
import { downloadCsv } from '../support/csv-download';
import { auditEvents, expectProblem } from '../support/expectations';
import { clauseByLabel, DraftingGroup, newDraftingGroup, newParisCallDocument } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

describe('drafting: comments and dispositions', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let other: DraftingGroup;
  let doc: DocumentResponse;
  let principle4: DocumentResponse['version']['clauses'][number];
  const anonymous = () => new ApiClient(t.baseUrl);
  const events = () => auditEvents(t.baseUrl, `wg:${g.id}`);

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    other = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    principle4 = clauseByLabel(doc, '4.');
  });
  afterAll(() => t.close());

  describe('POST /api/documents/:id/comments', () => {
    it('an NGO member asks a clarification question on a quoted passage of principle 4; comment.posted carries the quote and their snapshot', async () => {
      const start = principle4.text.indexOf('commercial sector');
      const res = await g.ngo.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, {
        clauseId: principle4.id,
        kind: 'clarification',
        body: 'Does “commercial sector” cover state-owned enterprises?',
        quote: { text: 'commercial sector', start, end: start + 'commercial sector'.length },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        documentId: doc.id,
        clauseId: principle4.id,
        version: 1,
        onEarlierText: false,
        parentId: null,
        kind: 'clarification',
        quote: { text: 'commercial sector', start, end: start + 17 },
        author: { id: g.ngo.id, name: g.ngo.name, snapshot: g.ngo.snapshot },
        disposition: null,
        replies: [],
        can: { reply: true, dispose: false },
      });
      expect((await events()).at(-1)).toMatchObject({
        action: 'comment.posted',
        subjectType: 'comment',
        subjectId: res.body.id,
        actorId: g.ngo.id,
        actorSnapshot: g.ngo.snapshot,
        change: { documentId: doc.id, version: 1, clauseId: principle4.id, parentId: null, kind: 'clarification', body: 'Does “commercial sector” cover state-owned enterprises?', quote: { text: 'commercial sector', start } },
      });
      const after = await anonymous().get<DocumentResponse>(`/api/documents/${doc.id}`);
      expect(clauseByLabel(after.body, '4.').counts).toEqual({ comments: 1, earlierComments: 0, unansweredClarifications: 1 });
    });

    it('an observer comments (general kind by default)', async () => {
      const res = await g.observer.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId: principle4.id, body: 'Academic literature distinguishes espionage from theft.' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'general', quote: null, author: { id: g.observer.id } });
    });

    it('refuses someone outside the group (403) and a reader without a session (401); nothing written', async () => {
      const before = (await events()).length;
      const res = await g.outsider.client.post(`/api/documents/${doc.id}/comments`, { clauseId: principle4.id, body: 'Let me in.' });
      expectProblem(res, 403, { type: PROBLEM_TYPES.forbidden });
      expect(res.body.detail).toBe('Only members and observers of this working group can comment');
      expectProblem(await anonymous().post(`/api/documents/${doc.id}/comments`, { clauseId: principle4.id, body: 'Anon.' }), 401);
      expectProblem(await other.chair.client.post(`/api/documents/${doc.id}/comments`, { clauseId: principle4.id, body: 'Chair elsewhere.' }), 403);
      expect((await events()).length).toBe(before);
    });

    it.each([
      ['a quote that is not at those offsets', () => ({ clauseId: principle4.id, body: 'x', quote: { text: 'trade secrets', start: 0, end: 13 } }), 'quote'],
      ['a quote ending before it starts', () => ({ clauseId: principle4.id, body: 'x', quote: { text: 'ab', start: 5, end: 3 } }), 'quote.end'],
      ['a clause of no version of this document', () => ({ clauseId: '00000000-0000-4000-8000-000000000000', body: 'x' }), 'clauseId'],
      ['an unknown kind', () => ({ clauseId: principle4.id, body: 'x', kind: 'rant' }), 'kind'],
      ['an empty body', () => ({ clauseId: principle4.id, body: ' ' }), 'body'],
      ['a version that does not exist', () => ({ clauseId: principle4.id, body: 'x', version: 9 }), 'version'],
    ])('refuses %s: 400 naming the field', async (_what, body, field) => {
      expectProblem(await g.ngo.client.post(`/api/documents/${doc.id}/comments`, body()), 400, { fields: [field] });
    });

    it('refuses an unknown document: 404', async () => {
      expectProblem(await g.ngo.client.post(`/api/documents/00000000-0000-4000-8000-000000000000/comments`, { clauseId: principle4.id, body: 'x' }), 404);
    });
  });

  describe('threads', () => {
    let root: CommentResponse;
    beforeAll(async () => {
      root = (await g.company.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId: clauseByLabel(doc, '8.').id, kind: 'technical', body: 'Hacking back needs a definition.' })).body;
    });

    it('POST /api/comments/:id/replies joins the thread; a reply to a reply joins the same thread', async () => {
      const first = await g.government.client.post<CommentResponse>(`/api/comments/${root.id}/replies`, { body: 'We would support a definition in a footnote.' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ parentId: root.id, clauseId: root.clauseId, version: 1, kind: 'general', author: { id: g.government.id } });
      expect((await events()).at(-1)).toMatchObject({ action: 'comment.posted', subjectId: first.body.id, change: { parentId: root.id, clauseId: root.clauseId } });
      const second = await g.observer.client.post<CommentResponse>(`/api/comments/${first.body.id}/replies`, { kind: 'editorial', body: 'Footnotes are not used in this text.' });
      expect(second.body.parentId).toBe(root.id);

      const page = await anonymous().get<CommentThreadPage>(`/api/documents/${doc.id}/comments?clauseId=${root.clauseId}`);
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(1);
      expect(page.body.items[0].replies.map((r) => r.id)).toEqual([first.body.id, second.body.id]);
      expect(page.body.items[0].can).toEqual({ reply: false, dispose: false, translate: false });
    });

    it('refuses replies from outside the group and to unknown comments', async () => {
      expectProblem(await g.outsider.client.post(`/api/comments/${root.id}/replies`, { body: 'x' }), 403);
      expectProblem(await g.ngo.client.post(`/api/comments/00000000-0000-4000-8000-000000000000/replies`, { body: 'x' }), 404);
    });

    it('GET comments by clause is paginated with a stable cursor', async () => {
      const clause = clauseByLabel(doc, '9.');
      for (let i = 0; i < 5; i++) await g.ngo.client.post(`/api/documents/${doc.id}/comments`, { clauseId: clause.id, body: `Comment ${i}` });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: CommentThreadPage } = await anonymous().get<CommentThreadPage>(`/api/documents/${doc.id}/comments?clauseId=${clause.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...res.body.items.map((c) => c.body));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['Comment 0', 'Comment 1', 'Comment 2', 'Comment 3', 'Comment 4']);
      expectProblem(await anonymous().get(`/api/documents/${doc.id}/comments?clauseId=${clause.id}&cursor=garbage`), 400, { fields: ['cursor'] });
      expectProblem(await anonymous().get(`/api/documents/${doc.id}/comments`), 400, { fields: ['clauseId'] });
    });
  });

  describe('POST /api/comments/:id/disposition', () => {
    let question: CommentResponse;
    beforeAll(async () => {
      question = (await g.government.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId: clauseByLabel(doc, '2.').id, kind: 'clarification', body: 'What is the “public core”?' })).body;
    });

    it('the rapporteur notes the question with a reason; comment.disposed carries it; the disposition is final', async () => {
      const res = await g.rapporteur.client.post<CommentResponse>(`/api/comments/${question.id}/disposition`, { disposition: 'noted', reason: 'The public core is defined by the GCSC: protocols, DNS, routing.' });
      expect(res.status).toBe(200);
      expect(res.body.disposition).toEqual({ disposition: 'noted', reason: 'The public core is defined by the GCSC: protocols, DNS, routing.', by: { id: g.rapporteur.id, name: g.rapporteur.name, snapshot: g.rapporteur.snapshot }, at: expect.any(String) });
      expect(res.body.can.dispose).toBe(false);
      expect((await events()).at(-1)).toMatchObject({ action: 'comment.disposed', subjectId: question.id, actorId: g.rapporteur.id, change: { documentId: doc.id, disposition: 'noted', kind: 'clarification', reason: expect.stringContaining('GCSC') } });

      const again = await g.chair.client.post(`/api/comments/${question.id}/disposition`, { disposition: 'rejected', reason: 'Changed my mind.' });
      expectProblem(again, 409, { type: PROBLEM_TYPES.conflict });
      await expect(t.dataSource.query(`UPDATE comments SET disposition = 'accepted' WHERE id = $1`, [question.id])).rejects.toThrow(/never edited/);
      await expect(t.dataSource.query(`DELETE FROM comments WHERE id = $1`, [question.id])).rejects.toThrow(/never deleted/);
    });

    it.each([
      ['a voting member', (gr: DraftingGroup) => gr.ngo],
      ['an observer', (gr: DraftingGroup) => gr.observer],
    ])('refuses %s: 403', async (_who, pick) => {
      const c = (await g.company.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId: clauseByLabel(doc, '3.').id, body: 'Elections matter.' })).body;
      expectProblem(await pick(g).client.post(`/api/comments/${c.id}/disposition`, { disposition: 'accepted', reason: 'Agreed.' }), 403);
    });

    it('refuses the chair of another group disposing of a comment in this one: 403, nothing written', async () => {
      const c = (await g.company.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId: clauseByLabel(doc, '3.').id, body: 'Observers of elections too.' })).body;
      const before = (await events()).length;
      const res = await other.chair.client.post(`/api/comments/${c.id}/disposition`, { disposition: 'rejected', reason: 'Not your group.' });
      expectProblem(res, 403, { type: PROBLEM_TYPES.forbidden });
      expect(res.body.detail).toBe('Only a chair or rapporteur of this working group can do this');
      expect((await events()).length).toBe(before);
      expect((await auditEvents(t.baseUrl, `wg:${other.id}`)).length).toBe(0);
    });

    it('refuses a disposition without a reason or of an unknown kind (400), and an unknown comment (404)', async () => {
      expectProblem(await g.chair.client.post(`/api/comments/${question.id}/disposition`, { disposition: 'accepted' }), 400, { fields: ['reason'] });
      expectProblem(await g.chair.client.post(`/api/comments/${question.id}/disposition`, { disposition: 'ignored', reason: 'x' }), 400, { fields: ['disposition'] });
      expectProblem(await g.chair.client.post(`/api/comments/00000000-0000-4000-8000-000000000000/disposition`, { disposition: 'accepted', reason: 'x' }), 404);
    });
  });

  describe('the disposition-of-comments report', () => {
    it('GET .../versions/1/dispositions lists every comment with its author’s snapshot and disposition, and the clarification questions still unanswered', async () => {
      const res = await anonymous().get<DispositionReport>(`/api/documents/${doc.id}/versions/1/dispositions`);
      expect(res.status).toBe(200);
      const r = res.body;
      expect(r).toMatchObject({ documentId: doc.id, version: 1, title: doc.title });
      expect(r.entries.length).toBeGreaterThanOrEqual(10);
      // In reading order of the clauses: principle 2's question comes before principle 4's.
      const labels = r.entries.map((e) => e.clauseLabel);
      expect(labels.indexOf('2.')).toBeLessThan(labels.indexOf('4.'));
      expect(r.entries.find((e) => e.clauseLabel === '2.')).toMatchObject({ kind: 'clarification', disposition: { disposition: 'noted' }, author: { id: g.government.id, snapshot: g.government.snapshot } });
      expect(r.totals.noted).toBe(1);
      expect(r.totals.pending).toBe(r.entries.length - 1);
      expect(r.unansweredClarifications.map((e) => [e.clauseLabel, e.author.id])).toEqual([['4.', g.ngo.id]]);
      expectProblem(await anonymous().get(`/api/documents/${doc.id}/versions/4/dispositions`), 404);
    });

    it('GET .../dispositions.csv is the same report as CSV, formula-safe, behind a UTF-8 byte-order mark', async () => {
      await g.ngo.client.post(`/api/documents/${doc.id}/comments`, { clauseId: clauseByLabel(doc, '7.').id, body: '=HYPERLINK("http://evil.example")' });
      const res = await anonymous().request('GET', `/api/documents/${doc.id}/versions/1/dispositions.csv`, undefined, { accept: 'text/csv' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="dispositions-v1.csv"');
      const lines = (res.body as string).split('\r\n');
      expect(lines[0]).toBe('clause,clause_id,comment_id,reply_to,kind,author,organisation,stakeholder_group,subtype,country,title,posted_at,quote,comment,disposition,reason,disposed_by,disposed_by_organisation,disposed_at');
      expect(lines.find((l) => l.includes('public core'))).toContain(',noted,');
      expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
      const download = await downloadCsv(`${t.baseUrl}/api/documents/${doc.id}/versions/1/dispositions.csv`);
      expect(download.hasBom).toBe(true);
      expect(download.lines).toEqual(lines.slice(0, -1));
    });
  });
});
