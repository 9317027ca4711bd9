import { PROBLEM_TYPES, type AmendmentPage, type AmendmentResponse, type DocumentResponse } from '@parley/contracts';
import { auditEvents, expectProblem } from '../support/expectations';
import { clauseByLabel, DraftingGroup, newDraftingGroup, newParisCallDocument } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

const NEW_PRINCIPLE_4 =
  'Prevent ICT-enabled theft of intellectual property, including trade secrets or other confidential business information, with the intent of providing competitive advantages to companies or commercial sector, while protecting the work of journalists and security researchers.';

describe('drafting: amendments', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  const anonymous = () => new ApiClient(t.baseUrl);
  const events = () => auditEvents(t.baseUrl, `wg:${g.id}`);
  const propose = (who: DraftingGroup['ngo'], body: Record<string, unknown>) => who.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { baseVersion: 1, rationale: 'Because it matters.', ...body });

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
  });
  afterAll(() => t.close());

  describe('POST /api/documents/:id/amendments', () => {
    it('an NGO member proposes a replacement of principle 4: word diff against the current text, amendment.proposed with their snapshot', async () => {
      const p4 = clauseByLabel(doc, '4.');
      const res = await propose(g.ngo, { kind: 'replace', targetClauseId: p4.id, text: NEW_PRINCIPLE_4, rationale: 'Researchers must not be treated as thieves.' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        documentId: doc.id,
        kind: 'replace',
        baseVersion: 1,
        appliesToVersion: 1,
        targetClauseId: p4.id,
        targetLabel: '4.',
        targetText: p4.text,
        text: NEW_PRINCIPLE_4,
        newClauseKind: null,
        status: 'proposed',
        statusNote: null,
        author: { id: g.ngo.id, name: g.ngo.name, snapshot: g.ngo.snapshot },
        cosponsors: [],
        crossGroupSupport: [],
        ballotId: null,
        competingWith: [],
        can: { cosponsor: false, withdraw: true, openBallot: false },
      });
      expect(res.body.diff).toEqual([
        { op: 'equal', text: p4.text.slice(0, -1) },
        { op: 'insert', text: ', while protecting the work of journalists and security researchers' },
        { op: 'equal', text: '.' },
      ]);
      expect((await events()).at(-1)).toMatchObject({
        action: 'amendment.proposed',
        subjectType: 'amendment',
        subjectId: res.body.id,
        actorId: g.ngo.id,
        actorSnapshot: g.ngo.snapshot,
        change: { documentId: doc.id, kind: 'replace', baseVersion: 1, targetClauseId: p4.id, text: NEW_PRINCIPLE_4, rationale: 'Researchers must not be treated as thieves.' },
      });
      const after = await anonymous().get<DocumentResponse>(`/api/documents/${doc.id}`);
      expect(clauseByLabel(after.body, '4.').amendments).toEqual({ open: 1, balloting: 0, accepted: 0 });
    });

    it('insertions (after a clause, or at the start) and deletions have their diffs', async () => {
      const after = clauseByLabel(doc, '9.');
      const ins = await propose(g.government, { kind: 'insert', afterClauseId: after.id, clauseKind: 'operative', text: 'Report each year on implementation.' });
      expect(ins.status).toBe(201);
      expect(ins.body).toMatchObject({ kind: 'insert', targetClauseId: after.id, targetLabel: '9.', targetText: null, newClauseKind: 'operative', diff: [{ op: 'insert', text: 'Report each year on implementation.' }] });
      const atStart = await propose(g.government, { kind: 'insert', afterClauseId: null, clauseKind: 'heading', text: 'Declaration' });
      expect(atStart.body).toMatchObject({ targetClauseId: null, targetLabel: null });
      const del = await propose(g.company, { kind: 'delete', targetClauseId: clauseByLabel(doc, '8.').id });
      expect(del.body).toMatchObject({ kind: 'delete', text: null, diff: [{ op: 'delete', text: clauseByLabel(doc, '8.').text }] });
    });

    it('refuses an observer: 403, observers comment but do not amend; nothing written', async () => {
      const before = (await events()).length;
      const res = await propose(g.observer, { kind: 'delete', targetClauseId: clauseByLabel(doc, '1.').id });
      expect(expectProblem(res, 403, { type: PROBLEM_TYPES.forbidden }).detail).toBe('Only members of this working group can propose amendments; observers comment');
      expect((await events()).length).toBe(before);
      expectProblem(await propose(g.outsider, { kind: 'delete', targetClauseId: clauseByLabel(doc, '1.').id }), 403);
      expectProblem(await anonymous().post(`/api/documents/${doc.id}/amendments`, { kind: 'delete', baseVersion: 1, targetClauseId: clauseByLabel(doc, '1.').id, rationale: 'x' }), 401);
    });

    it.each([
      ['an unknown kind', { kind: 'rewrite', targetClauseId: '00000000-0000-4000-8000-000000000000' }, 'kind'],
      ['no rationale', { kind: 'delete', targetClauseId: '00000000-0000-4000-8000-000000000000', rationale: '' }, 'rationale'],
      ['a target that is not a clause of the version', { kind: 'delete', targetClauseId: '00000000-0000-4000-8000-000000000000' }, 'targetClauseId'],
      ['an insertion after an unknown clause', { kind: 'insert', afterClauseId: '00000000-0000-4000-8000-000000000000', clauseKind: 'operative', text: 'x' }, 'afterClauseId'],
      ['a replacement without text', { kind: 'replace', targetClauseId: '00000000-0000-4000-8000-000000000000' }, 'text'],
      ['a version that does not exist', { kind: 'delete', targetClauseId: '00000000-0000-4000-8000-000000000000', baseVersion: 5 }, 'baseVersion'],
    ])('refuses %s: 400 naming the field', async (_what, body, field) => {
      expectProblem(await propose(g.ngo, body), 400, { type: PROBLEM_TYPES.validation, fields: [field] });
    });

    it('refuses a replacement identical to the current text', async () => {
      const p1 = clauseByLabel(doc, '1.');
      expectProblem(await propose(g.ngo, { kind: 'replace', targetClauseId: p1.id, text: p1.text }), 400, { fields: ['text'] });
    });
  });

  describe('co-sponsors', () => {
    let amendment: AmendmentResponse;
    beforeAll(async () => {
      amendment = (await propose(g.ngo, { kind: 'replace', targetClauseId: clauseByLabel(doc, '7.').id, text: 'Support efforts to strengthen cyber hygiene for all actors, including small businesses.' })).body;
    });

    it('a company member co-sponsors the NGO’s amendment: cross-group support shown, amendment.cosponsored with their snapshot', async () => {
      const res = await g.company.client.post<AmendmentResponse>(`/api/amendments/${amendment.id}/cosponsors`);
      expect(res.status).toBe(201);
      expect(res.body.cosponsors).toEqual([{ person: { id: g.company.id, name: g.company.name, snapshot: g.company.snapshot }, at: expect.any(String) }]);
      expect(res.body.crossGroupSupport).toEqual(['private-sector']);
      expect(res.body.can.cosponsor).toBe(false);
      expect((await events()).at(-1)).toMatchObject({
        action: 'amendment.cosponsored',
        subjectId: amendment.id,
        actorId: g.company.id,
        actorSnapshot: g.company.snapshot,
        change: { documentId: doc.id, authorStakeholderGroup: 'civil-society', cosponsorStakeholderGroup: 'private-sector', crossGroup: true },
      });
    });

    it('refuses co-sponsoring one’s own amendment (403), twice (409), by an observer (403); nothing written', async () => {
      const before = (await events()).length;
      const own = await g.ngo.client.post(`/api/amendments/${amendment.id}/cosponsors`);
      expectProblem(own, 403, { type: PROBLEM_TYPES.forbidden });
      expect(own.body).toMatchObject({ detail: 'You cannot co-sponsor your own amendment', code: 'own-amendment' });
      expectProblem(await g.company.client.post(`/api/amendments/${amendment.id}/cosponsors`), 409);
      expectProblem(await g.observer.client.post(`/api/amendments/${amendment.id}/cosponsors`), 403);
      expectProblem(await g.outsider.client.post(`/api/amendments/${amendment.id}/cosponsors`), 403);
      expectProblem(await g.company.client.post(`/api/amendments/00000000-0000-4000-8000-000000000000/cosponsors`), 404);
      expect((await events()).length).toBe(before);
      await expect(t.dataSource.query(`DELETE FROM amendment_cosponsors WHERE amendment_id = $1`, [amendment.id])).rejects.toThrow(/never edited or removed/);
    });

    it('a co-sponsor from the author’s own group is support, not cross-group support', async () => {
      const a = (await propose(g.government, { kind: 'replace', targetClauseId: clauseByLabel(doc, '3.').id, text: 'Strengthen our capacity to prevent malign interference in elections.' })).body;
      const res = await g.rapporteur.client.post<AmendmentResponse>(`/api/amendments/${a.id}/cosponsors`);
      expect(res.body.cosponsors).toHaveLength(1);
      expect(res.body.crossGroupSupport).toEqual([]);
    });
  });

  describe('POST /api/amendments/:id/cosponsors/withdraw', () => {
    const cosponsorRows = async (amendmentId: string) =>
      (await t.dataSource.query(`SELECT person_id, withdrawn_at IS NOT NULL AS withdrawn FROM amendment_cosponsors WHERE amendment_id = $1 ORDER BY created_at`, [amendmentId])) as {
        person_id: string;
        withdrawn: boolean;
      }[];

    it('a co-sponsor withdraws their co-sponsorship of a proposed amendment: gone from the co-sponsors, row kept, amendment.cosponsorship-withdrawn with their snapshot', async () => {
      const a = (await propose(g.ngo, { kind: 'replace', targetClauseId: clauseByLabel(doc, '2.').id, text: 'Prevent activity that damages the public core of the Internet.' })).body;
      await g.company.client.post(`/api/amendments/${a.id}/cosponsors`);
      await g.government.client.post(`/api/amendments/${a.id}/cosponsors`);
      const before = await g.company.client.get<AmendmentResponse>(`/api/amendments/${a.id}`);
      expect(before.body.can).toMatchObject({ cosponsor: false, withdrawCosponsorship: true });

      const res = await g.company.client.post<AmendmentResponse>(`/api/amendments/${a.id}/cosponsors/withdraw`);
      expect(res.status).toBe(200);
      expect(res.body.cosponsors.map((c) => c.person.id)).toEqual([g.government.id]);
      expect(res.body.crossGroupSupport).toEqual(['government']);
      expect(res.body.can).toMatchObject({ cosponsor: true, withdrawCosponsorship: false });
      expect((await events()).at(-1)).toMatchObject({
        action: 'amendment.cosponsorship-withdrawn',
        subjectType: 'amendment',
        subjectId: a.id,
        actorId: g.company.id,
        actorSnapshot: g.company.snapshot,
        change: { documentId: doc.id, authorStakeholderGroup: 'civil-society', cosponsorStakeholderGroup: 'private-sector', crossGroup: true },
      });
      expect(await cosponsorRows(a.id)).toEqual([
        { person_id: g.company.id, withdrawn: true },
        { person_id: g.government.id, withdrawn: false },
      ]);

      // They may back it again later: a new co-sponsorship, the withdrawn one kept.
      expect((await g.company.client.post<AmendmentResponse>(`/api/amendments/${a.id}/cosponsors`)).body.cosponsors).toHaveLength(2);
      expect(await cosponsorRows(a.id)).toHaveLength(3);
      await expect(t.dataSource.query(`UPDATE amendment_cosponsors SET withdrawn_at = NULL WHERE amendment_id = $1`, [a.id])).rejects.toThrow(/never edited or removed/);
      await expect(t.dataSource.query(`DELETE FROM amendment_cosponsors WHERE amendment_id = $1`, [a.id])).rejects.toThrow(/never edited or removed/);
    });

    it('refuses someone who does not co-sponsor it (403), and any co-sponsor once the amendment is under ballot (409): problem+json naming the reason, nothing written, no event', async () => {
      const a = (await propose(g.ngo, { kind: 'replace', targetClauseId: clauseByLabel(doc, '1.').id, text: 'Prevent malicious cyber activities that threaten individuals and critical infrastructure.' })).body;
      await g.company.client.post(`/api/amendments/${a.id}/cosponsors`);
      const opened = await g.chair.client.post<AmendmentResponse>(`/api/amendments/${a.id}/ballot`, {});
      expect(opened.body.status).toBe('balloting');
      const before = { events: (await events()).length, rows: await cosponsorRows(a.id) };

      const stranger = await g.government.client.post(`/api/amendments/${a.id}/cosponsors/withdraw`);
      expect(expectProblem(stranger, 403, { type: PROBLEM_TYPES.forbidden })).toMatchObject({ detail: 'You do not co-sponsor this amendment', code: 'not-cosponsor', params: {} });
      expect(expectProblem(await g.ngo.client.post(`/api/amendments/${a.id}/cosponsors/withdraw`), 403).code).toBe('not-cosponsor');

      const underBallot = await g.company.client.post(`/api/amendments/${a.id}/cosponsors/withdraw`);
      expect(expectProblem(underBallot, 409, { type: PROBLEM_TYPES.conflict })).toMatchObject({
        detail: 'This amendment is under ballot; co-sponsorships can no longer be withdrawn',
        code: 'under-ballot',
      });
      expect((await g.company.client.get<AmendmentResponse>(`/api/amendments/${a.id}`)).body.can.withdrawCosponsorship).toBe(false);

      expectProblem(await anonymous().post(`/api/amendments/${a.id}/cosponsors/withdraw`), 401);
      expectProblem(await g.company.client.post(`/api/amendments/00000000-0000-4000-8000-000000000000/cosponsors/withdraw`), 404);
      expect({ events: (await events()).length, rows: await cosponsorRows(a.id) }).toEqual(before);
    });
  });

  describe('withdrawal', () => {
    it('the author withdraws a proposed amendment; amendment.withdrawn; it cannot be withdrawn twice or co-sponsored after', async () => {
      const a = (await propose(g.company, { kind: 'delete', targetClauseId: clauseByLabel(doc, '6.').id })).body;
      expectProblem(await g.ngo.client.post(`/api/amendments/${a.id}/withdraw`), 403);
      const res = await g.company.client.post<AmendmentResponse>(`/api/amendments/${a.id}/withdraw`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'withdrawn', can: { withdraw: false, cosponsor: false } });
      expect((await events()).at(-1)).toMatchObject({ action: 'amendment.withdrawn', subjectId: a.id, actorId: g.company.id, change: { documentId: doc.id, previousStatus: 'proposed' } });
      expect(expectProblem(await g.company.client.post(`/api/amendments/${a.id}/withdraw`), 409)).toMatchObject({ code: 'not-proposed', params: { status: 'withdrawn' } });
      expect(expectProblem(await g.ngo.client.post(`/api/amendments/${a.id}/cosponsors`), 409)).toMatchObject({ code: 'not-proposed', params: { status: 'withdrawn' } });
      await expect(t.dataSource.query(`UPDATE amendments SET status = 'proposed' WHERE id = $1`, [a.id])).rejects.toThrow(/cannot go from withdrawn/);
      await expect(t.dataSource.query(`UPDATE amendments SET text = 'changed' WHERE id = $1`, [a.id])).rejects.toThrow(/content never changes/);
    });
  });

  describe('listing', () => {
    it('GET /api/documents/:id/amendments pages through amendments with diffs, and shows competing amendments to one clause together', async () => {
      const p5 = clauseByLabel(doc, '5.');
      const a = (await propose(g.ngo, { kind: 'replace', targetClauseId: p5.id, text: 'Develop ways to prevent the proliferation of malicious software.' })).body;
      const b = (await propose(g.company, { kind: 'delete', targetClauseId: p5.id })).body;
      const res = await anonymous().get<AmendmentPage>(`/api/documents/${doc.id}/amendments?clauseId=${p5.id}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((x) => x.id)).toEqual([a.id, b.id]);
      expect(res.body.items[0].competingWith).toEqual([b.id]);
      expect(res.body.items[1].competingWith).toEqual([a.id]);
      expect(res.body.competingGroups).toContainEqual([a.id, b.id].sort());

      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: AmendmentPage } = await anonymous().get<AmendmentPage>(`/api/documents/${doc.id}/amendments?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.body.items.length).toBeLessThanOrEqual(3);
        all.push(...page.body.items.map((x) => x.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(new Set(all).size).toBe(all.length);
      expect(all).toEqual(expect.arrayContaining([a.id, b.id]));
      const withdrawn = await anonymous().get<AmendmentPage>(`/api/documents/${doc.id}/amendments?status=withdrawn`);
      expect(withdrawn.body.items.every((x) => x.status === 'withdrawn')).toBe(true);
      expectProblem(await anonymous().get(`/api/documents/${doc.id}/amendments?status=lost`), 400, { fields: ['status'] });
      expectProblem(await anonymous().get(`/api/amendments/00000000-0000-4000-8000-000000000000`), 404);
      expect((await anonymous().get<AmendmentResponse>(`/api/amendments/${a.id}`)).body.id).toBe(a.id);
    });
  });
});
