import type { AdoptionPreflightResponse, DocumentResponse, SilenceList, SilencePreflightResponse, SilenceView } from '@parley/contracts';
import { verifyChain } from '@parley/domain';
import { Clock } from '../../apps/api/src/platform/clock/clock';
import { SilenceScheduler } from '../../apps/api/src/procedures/silence/silence-scheduler';
import { SilenceService } from '../../apps/api/src/procedures/silence/silence.service';
import { chainEvents } from '../support/ballot-fixtures';
import { auditEvents, expectProblem } from '../support/expectations';
import { newDraftingGroup, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
const CLAUSES = [
  { kind: 'preamble' as const, text: 'Recalling its mandate to develop norms of responsible behaviour,' },
  { kind: 'operative' as const, text: 'Adopts the programme of work for 2027 annexed to the present decision;' },
  { kind: 'operative' as const, text: 'Decides to hold four formal sessions in 2027;' },
];

/** Moves an API instance's clock `ms` ahead of real time (its scheduler, transactions and audit events read it). */
function advance(t: TestApp, ms: number): void {
  const clock = t.app.get(Clock);
  clock.now = () => new Date(Date.now() + ms);
}

/**
 * The silence procedure (issue #19, decision 0036): a chair puts the current version under silence
 * until a deadline at least the group's minimum away, past the adoption warnings; one voting
 * member's reasoned objection breaks it; if none comes, the scheduler adopts the text at the deadline.
 */
describe('silence procedure', () => {
  let t: TestApp;
  let g: DraftingGroup;
  const anonymous = () => new ApiClient(t.baseUrl);
  const events = () => auditEvents(t.baseUrl, `wg:${g.id}`);
  let n = 0;
  const newDocument = async (): Promise<DocumentResponse> => {
    const res = await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title: `Programme of work for 2027 (${++n})`, clauses: CLAUSES });
    if (res.status !== 201) throw new Error(`create document failed: ${res.status}`);
    return res.body;
  };
  const start = (doc: DocumentResponse, body: Record<string, unknown>, who = g.chair) => who.client.post<SilenceView>(`/api/documents/${doc.id}/versions/${doc.version.number}/silence`, body);
  const counts = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM silence_procedures)::int AS procedures, (SELECT count(*) FROM silence_objections)::int AS objections, (SELECT count(*) FROM audit_events)::int AS events`,
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
  });
  afterAll(() => t?.close());

  describe('starting', () => {
    let doc: DocumentResponse;
    beforeAll(async () => {
      doc = await newDocument();
    });

    it('anyone reads what a chair reads first: the warnings, the group’s 72-hour minimum and the earliest deadline', async () => {
      const res = await anonymous().get<SilencePreflightResponse>(`/api/documents/${doc.id}/versions/1/silence-preflight`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ warnings: [], circulationPeriod: null, defaults: { minimumHours: 72 } });
      expect(new Date(res.body.defaults.earliestDeadline).getTime()).toBeGreaterThan(Date.now() + 71 * HOUR);
    });

    it('refuses a deadline sooner than the group’s minimum, naming it; nothing is written', async () => {
      const before = await counts();
      const res = await start(doc, { deadline: inHours(71) });
      expect(expectProblem(res, 409)).toMatchObject({ code: 'silence-too-short', params: { minimumHours: 72 } });
      expect(await counts()).toEqual(before);
    });

    it('refuses bad input naming the field, members who do not chair, and anonymous readers', async () => {
      const before = await counts();
      expectProblem(await start(doc, { deadline: 'tomorrow' }), 400, { fields: ['deadline'] });
      expectProblem(await start(doc, { deadline: inHours(80), acknowledgedWarnings: ['bogus'] }), 400);
      expectProblem(await start(doc, { deadline: inHours(80) }, g.ngo), 403);
      expectProblem(await anonymous().post(`/api/documents/${doc.id}/versions/1/silence`, { deadline: inHours(80) }), 401);
      expect(await counts()).toEqual(before);
    });

    it('a chair starts it; the event records the deadline, the minimum and who started it with their affiliation', async () => {
      const res = await start(doc, { deadline: inHours(73) });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ state: 'under-way', version: 1, startedBy: { id: g.chair.id }, objection: null, due: false });
      // Who may object: the voting members with a current affiliation (observers do not break silence).
      expect(res.body.mayObject.map((m) => m.personId).sort()).toEqual([g.chair, g.rapporteur, g.ngo, g.company, g.government].map((p) => p.id).sort());
      const started = (await events()).find((e) => e.action === 'silence.started')!;
      expect(started).toMatchObject({ subjectId: res.body.id, actorId: g.chair.id, actorSnapshot: expect.objectContaining({ organisationName: g.chair.snapshot.organisationName }) });
      expect(started.change).toMatchObject({ documentId: doc.id, version: 1, minimumHours: 72, deadline: res.body.deadline });
      expect(started.change).not.toHaveProperty('warnings');
    });

    it('while it is under way: no second silence, no adoption ballot, no consolidation; the document no longer offers the ballot', async () => {
      expect(expectProblem(await start(doc, { deadline: inHours(80) }), 409)).toMatchObject({ code: 'silence-under-way' });
      expect(expectProblem(await g.chair.client.post(`/api/documents/${doc.id}/versions/1/adoption-ballot`, {}), 409)).toMatchObject({ code: 'silence-under-way' });
      expect(expectProblem(await g.chair.client.post(`/api/documents/${doc.id}/versions`, {}), 409)).toMatchObject({ code: 'silence-under-way' });
      const read = (await g.chair.client.get<DocumentResponse>(`/api/documents/${doc.id}`)).body;
      expect(read.can.openAdoptionBallot).toBe(false);
    });
  });

  describe('the circulation period and the other adoption warnings', () => {
    it('a version available for less than the group’s circulation period is a warning, for silence and ballot alike, named with its dates and recorded once acknowledged', async () => {
      await t.dataSource.query(`UPDATE working_groups SET procedure_rules = procedure_rules || '{"circulationDays": 3}'::jsonb WHERE id = $1`, [g.id]);
      try {
        const doc = await newDocument();
        const pre = (await anonymous().get<SilencePreflightResponse>(`/api/documents/${doc.id}/versions/1/silence-preflight`)).body;
        expect(pre.warnings).toEqual(['circulation-period']);
        expect(new Date(pre.circulationPeriod!.endsAt).getTime() - new Date(pre.circulationPeriod!.availableSince).getTime()).toBe(3 * 24 * HOUR);
        expect(pre.circulationPeriod!.availableSince).toBe(doc.version.createdAt);
        const ballotPre = (await anonymous().get<AdoptionPreflightResponse>(`/api/documents/${doc.id}/versions/1/adoption-preflight`)).body;
        expect(ballotPre.warnings).toEqual(['circulation-period']);

        const before = await counts();
        const refused = await start(doc, { deadline: inHours(73) });
        expect(expectProblem(refused, 409)).toMatchObject({ code: 'adoption-warnings-unacknowledged', unacknowledgedWarnings: ['circulation-period'] });
        expect(expectProblem(await g.chair.client.post(`/api/documents/${doc.id}/versions/1/adoption-ballot`, {}), 409)).toMatchObject({ unacknowledgedWarnings: ['circulation-period'] });
        expect(await counts()).toEqual(before);

        const res = await start(doc, { deadline: inHours(73), acknowledgedWarnings: ['circulation-period'] });
        expect(res.status).toBe(201);
        expect(res.body.warnings).toMatchObject({ circulationPeriod: { days: 3, availableSince: doc.version.createdAt }, confirmedByChair: true });
        const started = (await events()).filter((e) => e.action === 'silence.started').pop()!;
        expect(started.change).toMatchObject({ warnings: { circulationPeriod: { days: 3, endsAt: pre.circulationPeriod!.endsAt } } });
      } finally {
        await t.dataSource.query(`UPDATE working_groups SET procedure_rules = procedure_rules - 'circulationDays' WHERE id = $1`, [g.id]);
      }
    });
  });

  describe('objecting', () => {
    let doc: DocumentResponse;
    let silence: SilenceView;
    const object = (who: { client: ApiClient }, body: Record<string, unknown>) => who.client.post<SilenceView>(`/api/silence/${silence.id}/objections`, body);
    beforeAll(async () => {
      doc = await newDocument();
      silence = (await start(doc, { deadline: inHours(80) })).body;
    });

    it('refuses people outside the group, observers and anonymous readers, and an objection without a reason; nothing changes', async () => {
      const before = await counts();
      expect(expectProblem(await object(g.outsider, { reason: 'We disagree' }), 403)).toMatchObject({ code: 'silence-objection-members-only' });
      expect(expectProblem(await object(g.observer, { reason: 'We disagree' }), 403)).toMatchObject({ code: 'silence-objection-members-only' });
      expectProblem(await anonymous().post(`/api/silence/${silence.id}/objections`, { reason: 'We disagree' }), 401);
      expectProblem(await object(g.ngo, {}), 400, { fields: ['reason'] });
      expectProblem(await object(g.ngo, { reason: '   ' }), 400, { fields: ['reason'] });
      expect(await counts()).toEqual(before);
      expect((await anonymous().get<SilenceView>(`/api/silence/${silence.id}`)).body.state).toBe('under-way');
    });

    it('a delegate of another organisation breaks silence: recorded with THEIR affiliation, public, and the procedure ends at once, not adopted', async () => {
      const res = await object(g.ngo, { reason: 'Paragraph 2 prejudges the outcome of the review; we need another reading.' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        state: 'broken',
        objection: { by: { id: g.ngo.id, snapshot: expect.objectContaining({ organisationId: g.ngo.organisation.id, organisationName: g.ngo.snapshot.organisationName }) }, reason: expect.stringContaining('another reading') },
        mayObject: [],
      });
      expect(res.body.explanation).toBe(
        `Silence was broken by ${g.ngo.name} (${g.ngo.snapshot.organisationName}), who objected: “Paragraph 2 prejudges the outcome of the review; we need another reading.”. The text is not adopted.`,
      );
      const [row] = await t.dataSource.query(`SELECT snapshot FROM silence_objections WHERE silence_id = $1`, [silence.id]);
      expect(row.snapshot).toMatchObject({ organisationId: g.ngo.organisation.id });
      const raised = (await events()).find((e) => e.action === 'silence.objection-raised')!;
      expect(raised).toMatchObject({ subjectId: silence.id, actorId: g.ngo.id, actorSnapshot: expect.objectContaining({ organisationId: g.ngo.organisation.id }) });
      expect(raised.change).toMatchObject({ reason: expect.stringContaining('another reading'), explanation: res.body.explanation });
      const read = (await anonymous().get<DocumentResponse>(`/api/documents/${doc.id}`)).body;
      expect(read).toMatchObject({ status: 'drafting', version: { adoptedAt: null, adoptionSilence: null } });
    });

    it('refuses a second objection and a withdrawal once silence is broken', async () => {
      expect(expectProblem(await object(g.company, { reason: 'Also' }), 409)).toMatchObject({ code: 'silence-ended', params: { state: 'broken' } });
      expect(expectProblem(await g.chair.client.post(`/api/silence/${silence.id}/withdraw`, { reason: 'Late' }), 409)).toMatchObject({ code: 'silence-ended' });
    });

    it('two members objecting at once: the database lets exactly one break it', async () => {
      const other = await newDocument();
      const s = (await start(other, { deadline: inHours(80) })).body;
      const results = await Promise.all([g.company, g.government, g.rapporteur].map((who) => who.client.post(`/api/silence/${s.id}/objections`, { reason: `Objection by ${who.name}` })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      const [{ n: objections }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM silence_objections WHERE silence_id = $1`, [s.id]);
      expect(objections).toBe(1);
    });
  });

  describe('withdrawing', () => {
    it('a chair withdraws it before its deadline with a reason; a member cannot', async () => {
      const doc = await newDocument();
      const s = (await start(doc, { deadline: inHours(80) })).body;
      expectProblem(await g.company.client.post(`/api/silence/${s.id}/withdraw`, { reason: 'No' }), 403);
      expectProblem(await g.chair.client.post(`/api/silence/${s.id}/withdraw`, {}), 400, { fields: ['reason'] });
      const res = await g.chair.client.post<SilenceView>(`/api/silence/${s.id}/withdraw`, { reason: 'A delegation asked for more time to consult its capital.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'withdrawn', withdrawal: { by: { id: g.chair.id }, reason: 'A delegation asked for more time to consult its capital.' } });
      expect((await events()).find((e) => e.action === 'silence.withdrawn' && e.subjectId === s.id)).toBeDefined();
    });
  });

  describe('public reads', () => {
    it('one procedure, a document’s and a group’s lists read without signing in; unknown ids are 404, malformed 400', async () => {
      const doc = await newDocument();
      const s = (await start(doc, { deadline: inHours(90) })).body;
      expect((await anonymous().get<SilenceView>(`/api/silence/${s.id}`)).body).toMatchObject({ id: s.id, state: 'under-way', documentTitle: doc.title });
      expect((await anonymous().get<SilenceList>(`/api/documents/${doc.id}/silence`)).body.items.map((i) => i.id)).toEqual([s.id]);
      expect((await anonymous().get<SilenceList>(`/api/working-groups/${g.id}/silence`)).body.items.map((i) => i.id)).toContain(s.id);
      expectProblem(await anonymous().get(`/api/silence/${g.id}`), 404);
      expectProblem(await anonymous().get(`/api/silence/nope`), 400);
    });
  });
});

describe('the scheduler adopts a text whose silence held, at its deadline, with two API instances', () => {
  let a: TestApp;
  let b: TestApp;
  let g: DraftingGroup;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ databaseUrl: a.databaseUrl });
    g = await newDraftingGroup(a);
  });
  afterAll(async () => {
    await b.stop();
    await a.close();
  });

  it('exactly one instance adopts it; the version reads adopted by silence everywhere; late objections are refused; endorsement works', async () => {
    const doc = (await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title: 'Modalities of stakeholder participation', clauses: CLAUSES })).body;
    const silence = (await g.chair.client.post<SilenceView>(`/api/documents/${doc.id}/versions/1/silence`, { deadline: inHours(72.5) })).body;
    // Before the deadline, a pass adopts nothing.
    expect(await a.app.get(SilenceService).passDue()).toEqual([]);

    // The instances' clocks reach the deadline; both sweep at once (the interval schedulers may join in).
    for (const x of [a, b]) advance(x, 73 * HOUR);
    const [byA, byB] = await Promise.all([a.app.get(SilenceService).passDue(), b.app.get(SilenceService).passDue()]);
    await a.app.get(SilenceScheduler).tick();
    expect(byA.filter((id) => byB.includes(id))).toEqual([]);

    const anonymous = new ApiClient(a.baseUrl);
    const wg = await auditEvents(a.baseUrl, `wg:${g.id}`);
    expect(wg.filter((e) => e.action === 'silence.passed')).toHaveLength(1);
    const adopted = wg.filter((e) => e.action === 'version.adopted');
    expect(adopted).toHaveLength(1);
    expect(adopted[0]).toMatchObject({ actorId: null, change: { documentId: doc.id, number: 1, silenceProcedureId: silence.id, deadline: silence.deadline, outcome: 'passed' } });
    expect(adopted[0].change).not.toHaveProperty('ballotId');

    const view = (await anonymous.get<SilenceView>(`/api/silence/${silence.id}`)).body;
    expect(view).toMatchObject({ state: 'passed', endedAt: silence.deadline, objection: null });
    expect(view.explanation).toBe(`No objection was raised by the deadline (${silence.deadline}): silence held and the text is adopted.`);
    const read = (await anonymous.get<DocumentResponse>(`/api/documents/${doc.id}`)).body;
    expect(read).toMatchObject({ status: 'adopted', version: { frozen: true, adoptedAt: silence.deadline, adoptionBallotId: null, adoptionSilence: { id: silence.id, deadline: silence.deadline } } });

    const md = await anonymous.get<string>(`/api/documents/${doc.id}/versions/1/adopted.md`);
    expect(md.status).toBe(200);
    expect(md.body).toContain('## Adoption');
    expect(md.body).toContain(`Adopted by silence procedure: no objection by ${silence.deadline.replace('T', ' ').slice(0, 16)} UTC.`);
    expect(md.body).not.toContain('Adoption vote');

    expect(expectProblem(await g.ngo.client.post(`/api/silence/${silence.id}/objections`, { reason: 'Too late' }), 409)).toMatchObject({ code: 'silence-ended' });

    const endorsed = await g.ngo.client.post(`/api/documents/${doc.id}/versions/1/endorsements`, { organisationId: g.ngo.organisation.id });
    expect(endorsed.status).toBe(201);
    const signatories = (await anonymous.get<{ adoptedAt: string | null; signatories: unknown[] }>(`/api/documents/${doc.id}/versions/1/signatories`)).body;
    expect(signatories.adoptedAt).toBe(silence.deadline);
    expect(signatories.signatories).toHaveLength(1);
    expect(verifyChain(await chainEvents(anonymous, `wg:${g.id}`))).toMatchObject({ ok: true });
  });

  it('an objection racing the deadline: before it, it breaks silence and nothing is adopted', async () => {
    for (const x of [a, b]) advance(x, 0);
    const doc = (await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title: 'Programme of work', clauses: CLAUSES })).body;
    const silence = (await g.chair.client.post<SilenceView>(`/api/documents/${doc.id}/versions/1/silence`, { deadline: inHours(200) })).body;
    expect((await g.government.client.post(`/api/silence/${silence.id}/objections`, { reason: 'Not yet' })).status).toBe(201);
    for (const x of [a, b]) advance(x, 201 * HOUR);
    expect(await a.app.get(SilenceService).passDue()).toEqual([]);
    expect((await new ApiClient(a.baseUrl).get<DocumentResponse>(`/api/documents/${doc.id}`)).body.status).toBe('drafting');
  });
});
