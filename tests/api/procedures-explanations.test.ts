import type { BallotResponse, DocumentResponse, ExplanationsResponse, OpenedBallotResponse, ProvenanceResponse } from '@parley/contracts';
import { roomName } from '@parley/contracts';
import { auditEvents, expectProblem } from '../support/expectations';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { LiveClient } from './realtime-client';

jest.setTimeout(90_000);

/**
 * Explanations of position (issue #19, decision record 0037) on a consensus adoption: delegations
 * place positions and reservations, or disassociate from named paragraphs, while the adoption ballot
 * is open (before the decision) and in the days after (after it). They are public, in the Markdown
 * export and in provenance, and change no outcome.
 */
describe('explanations of position', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let ballotId: string;
  const anonymous = () => new ApiClient(t.baseUrl);
  const path = (n = 1, d = doc) => `/api/documents/${d.id}/versions/${n}/explanations`;
  const para = (label: string) => clauseByLabel(doc, label).id;
  const list = async () => (await anonymous().get<ExplanationsResponse>(path())).body;
  const rows = async () => {
    const [r] = await t.dataSource.query(`SELECT (SELECT count(*) FROM explanations_of_position)::int AS e, (SELECT count(*) FROM explanation_paragraphs)::int AS p`);
    return { ...r, events: (await auditEvents(t.baseUrl, `wg:${g.id}`)).length };
  };

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
  });
  afterAll(() => t?.close());

  it('refuses a draft nobody is deciding on (409), and says so to the reader', async () => {
    const before = await rows();
    expectProblem(await g.ngo.client.post(path(), { kind: 'position', text: 'We support the text.' }), 409);
    expect(await rows()).toEqual(before);
    const read = (await g.ngo.client.get<ExplanationsResponse>(path())).body;
    expect(read).toMatchObject({ underAdoption: false, adoptedAt: null, window: { open: false }, can: { place: expect.objectContaining({ code: 'explanation-not-under-decision' }) } });
  });

  it('while the consensus ballot is open, a delegation explains its position before the decision; live on the document room', async () => {
    const opened = await g.chair.client.post<OpenedBallotResponse>(`/api/documents/${doc.id}/versions/1/adoption-ballot`, { rule: 'consensus' });
    expect(opened.status).toBe(201);
    ballotId = opened.body.ballotId;
    expect((await anonymous().get<BallotResponse>(`/api/ballots/${ballotId}`)).body.rule).toBe('consensus');
    const live = await LiveClient.connect(t.baseUrl);
    try {
      const room = roomName.document(doc.id);
      expect((await live.join(room, null)).ok).toBe(true);
      const res = await g.government.client.post<ExplanationsResponse>(path(), { kind: 'reservation', clauseIds: [para('4.')], text: 'We join consensus, with a reservation on principle 4.' });
      expect(res.status).toBe(201);
      await live.waitFor('explanation.placed live', () => live.in(room).some((e) => e.action === 'explanation.placed'));
      expect(live.in(room).find((e) => e.action === 'explanation.placed')).toMatchObject({ change: { kind: 'reservation', timing: 'before', labels: ['OP4'] } });
    } finally {
      live.close();
    }
    const read = await list();
    expect(read.window).toMatchObject({ open: true, timing: 'before' });
    expect(read.explanations).toEqual([
      expect.objectContaining({
        kind: 'reservation',
        timing: 'before',
        organisationId: g.government.organisation.id,
        organisationName: g.government.snapshot.organisationName,
        by: expect.objectContaining({ id: g.government.id, snapshot: expect.objectContaining({ organisationName: g.government.snapshot.organisationName, stakeholderGroup: 'government' }) }),
        paragraphs: [{ clauseId: para('4.'), label: 'OP4' }],
      }),
    ]);
    const [event] = (await auditEvents(t.baseUrl, `wg:${g.id}`)).filter((e) => e.action === 'explanation.placed');
    expect(event).toMatchObject({ actorId: g.government.id, subjectType: 'explanation', change: { organisationName: g.government.snapshot.organisationName, labels: ['OP4'], timing: 'before' } });
  });

  it('an observer delegation may explain its position too (not a vote)', async () => {
    const res = await g.observer.client.post<ExplanationsResponse>(path(), { kind: 'position', text: 'Academia welcomes the text.' });
    expect(res.status).toBe(201);
  });

  it('refuses outsiders (403), anonymous callers (401), another organisation (403), bad paragraphs (400 naming clauseIds); nothing written', async () => {
    const elsewhere = await newParisCallDocument(t, g);
    const before = await rows();
    expectProblem(await g.outsider.client.post(path(), { kind: 'position', text: 'We are not members.' }), 403);
    expectProblem(await anonymous().post(path(), { kind: 'position', text: 'Anonymous.' }), 401);
    // An edited request naming another organisation: refused, never corrected.
    const other = expectProblem(await g.ngo.client.post(path(), { kind: 'position', text: 'For the government.', organisationId: g.government.organisation.id }), 403);
    expect(other).toMatchObject({ code: 'explanation-other-delegation' });
    expectProblem(await g.ngo.client.post(path(), { kind: 'disassociation', text: 'From nothing.' }), 400, { fields: ['clauseIds'] });
    expectProblem(await g.ngo.client.post(path(), { kind: 'disassociation', clauseIds: [], text: 'From nothing.' }), 400, { fields: ['clauseIds'] });
    // A clause of another document, and a heading.
    expectProblem(await g.ngo.client.post(path(), { kind: 'disassociation', clauseIds: [clauseByLabel(elsewhere, '4.').id], text: 'Elsewhere.' }), 400, { fields: ['clauseIds'] });
    const heading = doc.version.clauses.find((c) => c.kind === 'heading');
    if (heading) expectProblem(await g.ngo.client.post(path(), { kind: 'disassociation', clauseIds: [heading.id], text: 'A heading.' }), 400, { fields: ['clauseIds'] });
    expectProblem(await g.ngo.client.post(path(), { kind: 'veto', text: 'No.' }), 400, { fields: ['kind'] });
    expectProblem(await g.ngo.client.post(path(), { kind: 'position', text: '' }), 400, { fields: ['text'] });
    expectProblem(await g.ngo.client.post(path(2), { kind: 'position', text: 'No such version.' }), 404);
    expect(await rows()).toEqual(before);
  });

  it('the ballot is adopted by consensus; explanations changed nothing of its result', async () => {
    for (const m of [g.chair, g.rapporteur, g.company]) expect((await m.client.post(`/api/ballots/${ballotId}/votes`, { choice: 'yes' })).status).toBe(200);
    for (const m of [g.ngo, g.government]) expect((await m.client.post(`/api/ballots/${ballotId}/votes`, { choice: 'abstain' })).status).toBe(200);
    // Two statements were placed before the decision: neither counts as a vote, nor as a voter.
    const before = (await anonymous().get<BallotResponse>(`/api/ballots/${ballotId}`)).body;
    expect(before.votesCast).toBe(5);
    expect((await g.chair.client.post(`/api/ballots/${ballotId}/close`, { reason: 'Everyone has spoken.' })).status).toBe(200);
    const closed = (await anonymous().get<BallotResponse>(`/api/ballots/${ballotId}`)).body;
    expect(closed.result).toMatchObject({ outcome: 'passed', totals: { yes: 3, no: 0, abstain: 2 } });
    expect((await list()).adoptedAt).not.toBeNull();
  });

  it('after the decision, another delegation disassociates from OP7 and the ballot result is unchanged', async () => {
    const result = (await anonymous().get<BallotResponse>(`/api/ballots/${ballotId}`)).body.result;
    const res = await g.ngo.client.post<ExplanationsResponse>(path(), { kind: 'disassociation', clauseIds: [para('7.')], text: 'We disassociate from principle 7.' });
    expect(res.status).toBe(201);
    expect(res.body.explanations.find((e) => e.kind === 'disassociation')).toMatchObject({ timing: 'after', paragraphs: [{ label: 'OP7' }], organisationName: g.ngo.snapshot.organisationName });
    expect(res.body.disassociations).toEqual([{ clauseId: para('7.'), label: 'OP7', organisations: [{ organisationId: g.ngo.organisation.id, organisationName: g.ngo.snapshot.organisationName }] }]);
    expect((await anonymous().get<BallotResponse>(`/api/ballots/${ballotId}`)).body.result).toEqual(result);
    expect((await anonymous().get<DocumentResponse>(`/api/documents/${doc.id}`)).body.status).toBe('adopted');
    // Once only from the same paragraph.
    const before = await rows();
    expect(expectProblem(await g.ngo.client.post(path(), { kind: 'disassociation', clauseIds: [para('7.')], text: 'Again.' }), 409)).toMatchObject({ code: 'already-disassociated' });
    expect(await rows()).toEqual(before);
  });

  it('public without signing in: the list, the Markdown export and provenance say who disassociated from what', async () => {
    const read = await list();
    expect(read.explanations.map((e) => [e.kind, e.timing])).toEqual([
      ['reservation', 'before'],
      ['position', 'before'],
      ['disassociation', 'after'],
    ]);
    expect(read.can.place).toMatchObject({ code: 'needs-affiliation' });
    const md = await anonymous().get<string>(`/api/documents/${doc.id}/versions/1/adopted.md`);
    expect(md.status).toBe(200);
    const body = md.body;
    expect(body).toContain('## Explanations of position');
    expect(body).toContain(`${g.ngo.snapshot.organisationName} disassociated from OP7.`);
    expect(body).toContain('Reservation (before the decision)');
    expect(body.indexOf('## Explanations of position')).toBeGreaterThan(body.indexOf('## Adoption vote'));
    const provenance = (await anonymous().get<ProvenanceResponse>(`/api/documents/${doc.id}/versions/1/provenance`)).body;
    expect(provenance.clauses.find((c) => c.clauseId === para('7.'))?.disassociation).toEqual({ label: 'OP7', organisations: [g.ngo.snapshot.organisationName] });
    expect(provenance.clauses.find((c) => c.clauseId === para('4.'))?.disassociation).toBeUndefined();
  });

  it('closes the window some days after adoption; the record cannot be rewritten', async () => {
    await t.dataSource.query(`ALTER TABLE document_versions DISABLE TRIGGER USER`);
    await t.dataSource.query(`UPDATE document_versions SET adopted_at = adopted_at - interval '15 days' WHERE document_id = $1`, [doc.id]);
    await t.dataSource.query(`ALTER TABLE document_versions ENABLE TRIGGER USER`);
    const before = await rows();
    expect(expectProblem(await g.company.client.post(path(), { kind: 'position', text: 'Too late.' }), 409)).toMatchObject({ code: 'explanation-window-closed' });
    expect(await rows()).toEqual(before);
    await expect(t.dataSource.query(`UPDATE explanations_of_position SET text = 'rewritten'`)).rejects.toThrow(/never edited/);
    await expect(t.dataSource.query(`DELETE FROM explanation_paragraphs`)).rejects.toThrow(/never edited/);
  });
});
