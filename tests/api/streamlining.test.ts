import { parseAuditEvent, type AmendmentPage, type AmendmentResponse, type BracketView, type DocumentResponse } from '@parley/contracts';
import type { AuditEvent } from '@parley/domain';
import { auditEvents, expectProblem } from '../support/expectations';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { LiveClient } from './realtime-client';

jest.setTimeout(60_000);

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

/** Streamlining (decision 0034): the chair merges competing proposals into one, both sources kept and linked. */
describe('streamlining amendments: POST /api/documents/:id/streamlined-proposals', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let other: DocumentResponse;
  const events = () => auditEvents(t.baseUrl, `wg:${g.id}`);
  const propose = async (who: Delegate, body: Record<string, unknown>, on = doc) => {
    const res = await who.client.post<AmendmentResponse>(`/api/documents/${on.id}/amendments`, { baseVersion: 1, rationale: 'Clearer.', ...body });
    if (res.status !== 201) throw new Error(`propose: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const replace4 = (who: Delegate, text: string) => propose(who, { kind: 'replace', targetClauseId: clauseByLabel(doc, '4.').id, text });
  const amendmentRows = async () => (await t.dataSource.query(`SELECT id, status, merged_into FROM amendments ORDER BY id`)) as unknown[];
  const streamline = (who: Delegate, body: Record<string, unknown>) => who.client.post<AmendmentResponse>(`/api/documents/${doc.id}/streamlined-proposals`, body);

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    other = await newParisCallDocument(t, g);
  });
  afterAll(() => t?.close());

  it('merges two competing proposals into one chair’s proposal; the sources are merged into it, both ways linked, live in the document room, audited', async () => {
    const ngo = await replace4(g.ngo, 'Prevent theft of trade secrets, protecting researchers.');
    const company = await replace4(g.company, 'Prevent theft of trade secrets by any means.');
    const live = await LiveClient.connect(t.baseUrl);
    await live.join(`doc:${doc.id}`);
    const res = await streamline(g.chair, { sourceAmendmentIds: [ngo.id, company.id], text: 'Prevent theft of trade secrets by any means, protecting researchers.', rationale: 'Both proposals keep their substance.' });
    expect(res.status).toBe(201);
    const proposal = res.body;
    expect(proposal).toMatchObject({
      kind: 'replace',
      status: 'proposed',
      targetClauseId: clauseByLabel(doc, '4.').id,
      text: 'Prevent theft of trade secrets by any means, protecting researchers.',
      rationale: 'Both proposals keep their substance.',
      author: { id: g.chair.id, snapshot: expect.objectContaining({ organisationName: expect.stringContaining('Chairing Corp'), stakeholderGroup: 'private-sector' }) },
      negotiation: { streamlined: true, mergedInto: null },
    });
    expect(proposal.negotiation.sources).toEqual([
      expect.objectContaining({ id: ngo.id, status: 'merged', author: expect.objectContaining({ id: g.ngo.id, snapshot: expect.objectContaining({ stakeholderGroup: 'civil-society' }) }) }),
      expect.objectContaining({ id: company.id, status: 'merged', author: expect.objectContaining({ id: g.company.id, snapshot: expect.objectContaining({ stakeholderGroup: 'private-sector' }) }) }),
    ]);
    const source = (await g.ngo.client.get<AmendmentResponse>(`/api/amendments/${ngo.id}`)).body;
    expect(source).toMatchObject({
      status: 'merged',
      text: 'Prevent theft of trade secrets, protecting researchers.',
      statusReason: { code: 'merged-into', params: { amendmentId: proposal.id, streamlined: true, ballotId: null } },
      negotiation: { mergedInto: { id: proposal.id, streamlined: true, author: expect.objectContaining({ id: g.chair.id }) } },
      can: { withdraw: false, cosponsor: false, openBallot: false },
    });
    // Ballots and co-sponsors work on the proposal unchanged; the source can no longer be put to the vote.
    expect((await g.government.client.post(`/api/amendments/${proposal.id}/cosponsors`)).status).toBe(201);
    expectProblem(await g.chair.client.post(`/api/amendments/${ngo.id}/ballot`, { closesAt: inADay() }), 409);
    const list = (await new ApiClient(t.baseUrl).get<AmendmentPage>(`/api/documents/${doc.id}/amendments?clauseId=${clauseByLabel(doc, '4.').id}`)).body;
    expect(list.competingGroups.flat()).not.toContain(ngo.id);

    const mine = (await events()).filter((e) => [proposal.id, ngo.id, company.id].includes(e.subjectId) && e.action !== 'amendment.proposed' && e.action !== 'amendment.cosponsored');
    expect(mine.map((e) => [e.action, e.subjectId])).toEqual([
      ['amendment.streamlined', proposal.id],
      ['amendment.merged', ngo.id],
      ['amendment.merged', company.id],
    ]);
    expect(mine[0].change).toMatchObject({ sources: [ngo.id, company.id], rationale: 'Both proposals keep their substance.' });
    for (const e of mine) expect(parseAuditEvent(e as unknown as AuditEvent)).toMatchObject({ typed: true });
    const seen = await live.waitForCount(`doc:${doc.id}`, 3);
    expect(seen.map((e) => e.action)).toEqual(expect.arrayContaining(['amendment.streamlined', 'amendment.merged']));
    live.close();
  });

  it('merges insertions at the same place into one insertion', async () => {
    const after = clauseByLabel(doc, '5.').id;
    const a = await propose(g.ngo, { kind: 'insert', afterClauseId: after, clauseKind: 'operative', text: 'A new principle on children.' });
    const b = await propose(g.government, { kind: 'insert', afterClauseId: after, clauseKind: 'operative', text: 'A new principle on minors.' });
    const res = await streamline(g.rapporteur, { sourceAmendmentIds: [a.id, b.id], text: 'A new principle on children and minors.', rationale: 'Same idea.' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'insert', targetClauseId: after, newClauseKind: 'operative', negotiation: { streamlined: true } });
  });

  describe('refusals: nothing changes', () => {
    let a: AmendmentResponse;
    let b: AmendmentResponse;
    beforeAll(async () => {
      a = await replace4(g.ngo, 'Version A of principle 4.');
      b = await replace4(g.government, 'Version B of principle 4.');
    });
    const unchanged = async (attempt: () => Promise<unknown>) => {
      const [rows, n] = [await amendmentRows(), (await events()).length];
      await attempt();
      expect(await amendmentRows()).toEqual(rows);
      expect((await events()).length).toBe(n);
    };

    it('a member who is not chair or rapporteur, an observer, an outsider, anonymous: refused', async () => {
      await unchanged(async () => {
        for (const who of [g.ngo, g.company, g.observer, g.outsider]) expect(expectProblem(await streamline(who, { sourceAmendmentIds: [a.id, b.id], text: 'X text.', rationale: 'R.' }), 403).code).toBeDefined();
        expectProblem(await new ApiClient(t.baseUrl).post(`/api/documents/${doc.id}/streamlined-proposals`, { sourceAmendmentIds: [a.id, b.id], text: 'X text.', rationale: 'R.' }), 401);
      });
    });

    it('400 naming the field: fewer than two sources, empty text, empty rationale, a malformed id', async () => {
      await unchanged(async () => {
        expectProblem(await streamline(g.chair, { sourceAmendmentIds: [a.id], text: 'X text.', rationale: 'R.' }), 400, { fields: ['sourceAmendmentIds'] });
        expectProblem(await streamline(g.chair, { sourceAmendmentIds: [a.id, b.id], text: '', rationale: 'R.' }), 400, { fields: ['text'] });
        expectProblem(await streamline(g.chair, { sourceAmendmentIds: [a.id, b.id], text: 'X text.', rationale: '   ' }), 400, { fields: ['rationale'] });
        expectProblem(await streamline(g.chair, { sourceAmendmentIds: [a.id, 'nope'], text: 'X text.', rationale: 'R.' }), 400, { fields: ['sourceAmendmentIds.1'] });
        expectProblem(await streamline(g.chair, { sourceAmendmentIds: [a.id, a.id], text: 'X text.', rationale: 'R.' }), 400, { fields: ['sourceAmendmentIds'] });
      });
    });

    it('409 naming the field: another document’s amendment, a source under ballot, a source not open, sources at different places', async () => {
      const elsewhere = await propose(g.ngo, { kind: 'replace', targetClauseId: clauseByLabel(other, '4.').id, text: 'Elsewhere.' }, other);
      const balloting = await replace4(g.company, 'Under ballot version.');
      expect((await g.chair.client.post(`/api/amendments/${balloting.id}/ballot`, { closesAt: inADay() })).status).toBe(201);
      const withdrawn = await replace4(g.company, 'Withdrawn version.');
      await g.company.client.post(`/api/amendments/${withdrawn.id}/withdraw`);
      const on5 = await propose(g.ngo, { kind: 'replace', targetClauseId: clauseByLabel(doc, '5.').id, text: 'Principle five anew.' });
      await unchanged(async () => {
        const cases: [string, string][] = [
          [elsewhere.id, 'not-of-document'],
          [balloting.id, 'source-under-ballot'],
          [withdrawn.id, 'source-not-open'],
          [on5.id, 'sources-not-same-place'],
        ];
        for (const [id, code] of cases) {
          const p = expectProblem(await streamline(g.chair, { sourceAmendmentIds: [a.id, id], text: 'X text.', rationale: 'R.' }), 409, { fields: ['sourceAmendmentIds'] });
          expect(p.code).toBe(code);
        }
      });
    });
  });

  describe('streamlining options: POST /api/brackets/:id/streamlined-options', () => {
    let bracket: BracketView;
    beforeAll(async () => {
      const clause = clauseByLabel(doc, '1.');
      const start = clause.text.indexOf(' ') + 1;
      const passage = clause.text.slice(start, start + 10);
      const res = await g.ngo.client.post<BracketView>(`/api/documents/${doc.id}/brackets`, {
        version: 1,
        clauseId: clause.id,
        start,
        end: start + passage.length,
        passage,
        reason: 'Not agreed.',
        options: [{ text: 'first wording' }],
      });
      if (res.status !== 201) throw new Error(`bracket: ${res.status} ${JSON.stringify(res.body)}`);
      const second = await g.company.client.post<BracketView>(`/api/brackets/${res.body.id}/options`, { text: 'second wording', rationale: 'Ours.' });
      bracket = second.body;
    });

    it('merges two options into one new option by the chair, with its rationale; the sources stay, each merged into it; audited', async () => {
      const [a, b] = bracket.options;
      const res = await g.chair.client.post<BracketView>(`/api/brackets/${bracket.id}/streamlined-options`, { sourceOptionIds: [a.id, b.id], text: 'merged wording', rationale: 'One wording for both.' });
      expect(res.status).toBe(201);
      const merged = res.body.options.find((o) => o.text === 'merged wording')!;
      expect(merged).toMatchObject({ rationale: 'One wording for both.', proposedBy: expect.objectContaining({ id: g.chair.id }), mergedInto: null });
      expect(res.body.options.filter((o) => o.mergedInto === merged.id).map((o) => o.id)).toEqual([a.id, b.id]);
      const [e] = (await events()).filter((x) => x.action === 'bracket.options-streamlined');
      expect(e.change).toMatchObject({ optionId: merged.id, sources: [a.id, b.id], rationale: 'One wording for both.' });
      expect(parseAuditEvent(e as unknown as AuditEvent)).toMatchObject({ typed: true });
    });

    it('refuses a member, an option already merged, an option of another bracket, fewer than two; nothing changes', async () => {
      const now = (await new ApiClient(t.baseUrl).get<{ brackets: BracketView[] }>(`/api/documents/${doc.id}/brackets?version=1`)).body.brackets.find((x) => x.id === bracket.id)!;
      const open = now.options.filter((o) => o.mergedInto === null).map((o) => o.id);
      const gone = now.options.filter((o) => o.mergedInto !== null).map((o) => o.id);
      const before = await t.dataSource.query(`SELECT id, merged_into FROM bracket_options ORDER BY id`);
      const post = (who: Delegate, ids: string[]) => who.client.post(`/api/brackets/${bracket.id}/streamlined-options`, { sourceOptionIds: ids, text: 'x wording', rationale: 'R.' });
      expectProblem(await post(g.ngo, [open[0], gone[0]]), 403);
      expect(expectProblem(await post(g.chair, [open[0], gone[0]]), 409, { fields: ['sourceOptionIds'] }).code).toBe('option-already-merged');
      expect(expectProblem(await post(g.chair, [open[0], '00000000-0000-4000-8000-000000000000']), 409, { fields: ['sourceOptionIds'] }).code).toBe('option-not-of-bracket');
      expectProblem(await post(g.chair, [open[0]]), 400, { fields: ['sourceOptionIds'] });
      expect(await t.dataSource.query(`SELECT id, merged_into FROM bracket_options ORDER BY id`)).toEqual(before);
    });

    it('refuses choosing a merged option at removal (409 option-merged, naming the option it went into); the streamlined option can be chosen', async () => {
      const now = (await new ApiClient(t.baseUrl).get<{ brackets: BracketView[] }>(`/api/documents/${doc.id}/brackets?version=1`)).body.brackets.find((x) => x.id === bracket.id)!;
      const source = now.options.find((o) => o.text === 'first wording')!;
      const merged = now.options.find((o) => o.text === 'merged wording')!;
      expect(source.mergedInto).toBe(merged.id);
      // The adoption warning counts the live alternatives: the streamlined option, not the two merged into it.
      const pre = await new ApiClient(t.baseUrl).get<{ openBrackets: { bracketId: string; options: number }[] }>(`/api/documents/${doc.id}/versions/1/adoption-preflight`);
      expect(pre.body.openBrackets).toEqual([expect.objectContaining({ bracketId: bracket.id, options: 1 })]);
      const before = await t.dataSource.query(`SELECT id, resolution, chosen_option_id FROM brackets ORDER BY id`);
      const p = expectProblem(
        await g.chair.client.post(`/api/brackets/${bracket.id}/removal`, { resolution: 'option-chosen', optionId: source.id, reason: 'The first wording.' }),
        409,
        { fields: ['optionId'] },
      );
      expect(p).toMatchObject({ code: 'option-merged', params: { optionId: source.id, mergedInto: merged.id } });
      expect(p.detail).toContain('streamlined into');
      expect(await t.dataSource.query(`SELECT id, resolution, chosen_option_id FROM brackets ORDER BY id`)).toEqual(before);
      const ok = await g.chair.client.post<BracketView>(`/api/brackets/${bracket.id}/removal`, { resolution: 'option-chosen', optionId: merged.id, reason: 'The streamlined wording.' });
      expect(ok.status).toBe(200);
      expect(ok.body.removal).toMatchObject({ resolution: 'option-chosen', optionId: merged.id });
    });
  });
});
