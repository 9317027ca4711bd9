import type { CirculatedRequestView, CirculationListResponse, JoinRequestResponse, ProcedureRulesResponse, WorkingGroupResponse } from '@parley/contracts';
import { roomName } from '@parley/contracts';
import { auditEvents, expectProblem } from '../support/expectations';
import { newDraftingGroup, newGroupDelegate, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { confirmAffiliation } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { LiveClient } from './realtime-client';

jest.setTimeout(90_000);

/**
 * Accreditation by non-objection (issue #19, decision record 0039): a chair sets the join policy; a
 * request is circulated to members for the group's period; a voting member objects, signed and
 * reasoned, in public; the chair decides after the period with every objection in view, admitting
 * over objections only by acknowledging each one, with a reason.
 */
describe('accreditation by non-objection', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let applicant: Delegate;
  let requestId: string;
  let ngoObjection: string;
  let companyObjection: string;
  const anonymous = () => new ApiClient(t.baseUrl);
  const base = () => `/api/working-groups/${g.id}`;
  const events = () => auditEvents(t.baseUrl, `wg:${g.id}`);
  const list = async (client = anonymous()) => (await client.get<CirculationListResponse>(`${base()}/circulations`)).body;
  const objections = (id = requestId) => `${base()}/join-requests/${id}/objections`;
  const counts = async () => {
    const [r] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM join_request_objections)::int AS o, (SELECT count(*) FROM join_request_objections WHERE withdrawn_at IS NOT NULL)::int AS w,
              (SELECT count(*) FROM join_requests WHERE status <> 'pending')::int AS d, (SELECT count(*) FROM memberships)::int AS m`,
    );
    return { ...r, events: (await events()).length };
  };
  /** The circulation of a request, moved into the past (as far as the period is concerned). */
  const endCirculation = async (id: string) => {
    await t.dataSource.query(`ALTER TABLE join_request_circulations DISABLE TRIGGER join_request_circulations_guard`);
    await t.dataSource.query(`UPDATE join_request_circulations SET ends_at = now() - interval '1 minute' WHERE join_request_id = $1`, [id]);
    await t.dataSource.query(`ALTER TABLE join_request_circulations ENABLE TRIGGER join_request_circulations_guard`);
  };
  const ask = async (who: Delegate, kind: 'member' | 'observer' = 'member') => {
    const res = await who.client.post<JoinRequestResponse>(`${base()}/join-requests`, { kind, statement: 'We work on the norms in our region and would contribute drafting.' });
    expect(res.status).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    applicant = await newGroupDelegate(t, 'civil-society', 'ngo', 'Applicant Institute');
    await confirmAffiliation(t.baseUrl, applicant.snapshot.affiliationId);
  });
  afterAll(() => t?.close());

  describe('PATCH /api/working-groups/:id/procedure-rules', () => {
    let earlier: JoinRequestResponse;

    it('a request made under the approval policy before the change stays pending under it', async () => {
      earlier = await ask(await newGroupDelegate(t, 'government', 'national', 'Earlier Ministry'), 'observer');
      expect(earlier.status).toBe('pending');
    });

    it('refuses members, observers and outsiders (403) and anonymous readers (401), writing nothing', async () => {
      const before = await counts();
      for (const who of [g.ngo, g.observer, g.outsider]) expect(expectProblem(await who.client.patch(`${base()}/procedure-rules`, { joinPolicy: 'non-objection' }), 403).code).toBe('deciders-only-rules');
      expectProblem(await anonymous().patch(`${base()}/procedure-rules`, { joinPolicy: 'non-objection' }), 401);
      expect(await counts()).toEqual(before);
    });

    it('refuses bad rules with a 400 naming the field', async () => {
      const before = await counts();
      expectProblem(await g.chair.client.patch(`${base()}/procedure-rules`, { joinPolicy: 'lottery' }), 400, { fields: ['joinPolicy'] });
      expectProblem(await g.chair.client.patch(`${base()}/procedure-rules`, { procedureRules: { nonObjectionHours: 0 } }), 400, { fields: ['procedureRules.nonObjectionHours'] });
      expectProblem(await g.chair.client.patch(`${base()}/procedure-rules`, { procedureRules: { quorum: 1 } }), 400);
      expect(await counts()).toEqual(before);
    });

    it('a chair sets the join policy to non-objection and the period to 48 hours; the change is audited with before and after', async () => {
      const res = await g.chair.client.patch<ProcedureRulesResponse>(`${base()}/procedure-rules`, { joinPolicy: 'non-objection', procedureRules: { nonObjectionHours: 48 }, note: 'Stakeholders are admitted as in the OEWG, but objections are public.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ joinPolicy: 'non-objection', procedureRules: { nonObjectionHours: 48, silenceMinimumHours: 72 } });
      const group = (await anonymous().get<WorkingGroupResponse>(base())).body;
      expect(group.joinPolicy).toBe('non-objection');
      expect(group.procedureRules.nonObjectionHours).toBe(48);
      const changed = (await events()).filter((e) => e.action === 'working-group.rules-changed');
      expect(changed).toHaveLength(1);
      expect(changed[0]).toMatchObject({
        actorId: g.chair.id,
        change: { before: { joinPolicy: 'approval', procedureRules: { nonObjectionHours: 72 } }, after: { joinPolicy: 'non-objection', procedureRules: { nonObjectionHours: 48 } } },
      });
      // Setting the same rules again records nothing.
      const n = (await events()).length;
      expect((await g.chair.client.patch(`${base()}/procedure-rules`, { joinPolicy: 'non-objection' })).status).toBe(200);
      expect((await events()).length).toBe(n);
    });

    it('the request made before the change is not circulated: the chair decides it at once', async () => {
      const res = await g.chair.client.post(`${base()}/join-requests/${earlier.id}/decision`, { decision: 'admit' });
      expect(res.status).toBe(200);
      expect((await list()).items.map((i) => i.requestId)).not.toContain(earlier.id);
    });
  });

  describe('circulation and objections', () => {
    it('a request under non-objection is circulated for the group’s period, in public', async () => {
      const request = await ask(applicant);
      requestId = request.id;
      expect(request.status).toBe('pending');
      const circulated = (await events()).find((e) => e.action === 'join-request.circulated')!;
      expect(circulated.change).toMatchObject({ personId: applicant.id, hours: 48 });
      const endsAt = new Date(circulated.change.endsAt as string).getTime();
      expect(endsAt - new Date(request.requestedAt).getTime()).toBe(48 * 3_600_000);
      const listed = await list();
      expect(listed.joinPolicy).toBe('non-objection');
      expect(listed.items[0]).toMatchObject({ requestId, applicant: { id: applicant.id }, status: 'pending', outcome: 'circulating', objections: [], nonObjectionHours: 48 });
      expect(listed.items[0].can.object).toMatchObject({ code: 'unauthenticated' });
    });

    it('refuses objections from outsiders, observers, the applicant (403) and anonymous readers (401), and an objection without reason (400 naming reason); nothing written', async () => {
      const before = await counts();
      expect(expectProblem(await g.outsider.client.post(objections(), { reason: 'I do not know them.' }), 403).code).toBe('voting-members-object');
      expect(expectProblem(await g.observer.client.post(objections(), { reason: 'I do not know them.' }), 403).code).toBe('voting-members-object');
      expect(expectProblem(await applicant.client.post(objections(), { reason: 'Myself.' }), 403).code).toBe('own-request-objection');
      expectProblem(await anonymous().post(objections(), { reason: 'Anonymous veto.' }), 401);
      expectProblem(await g.ngo.client.post(objections(), {}), 400, { fields: ['reason'] });
      expectProblem(await g.ngo.client.post(objections(), { reason: '   ' }), 400, { fields: ['reason'] });
      expectProblem(await g.ngo.client.post(objections(), { reason: 'x'.repeat(2001) }), 400, { fields: ['reason'] });
      expectProblem(await g.ngo.client.post(objections(), { reason: 'Fine.', personId: g.company.id }), 400);
      expect(await counts()).toEqual(before);
    });

    it('a voting member objects, signed with their affiliation and reasoned; everyone sees who objected and why, the applicant included', async () => {
      const live = await LiveClient.connect(t.baseUrl);
      try {
        const room = roomName.workingGroup(g.id);
        expect((await live.join(room, null)).ok).toBe(true);
        const res = await g.ngo.client.post<CirculatedRequestView>(objections(), { reason: 'Their funding by a vendor under discussion here is not declared.' });
        expect(res.status).toBe(201);
        ngoObjection = res.body.ownObjectionId!;
        expect(res.body.objections).toEqual([
          expect.objectContaining({ id: ngoObjection, reason: 'Their funding by a vendor under discussion here is not declared.', withdrawnAt: null, objector: expect.objectContaining({ id: g.ngo.id, name: g.ngo.name, snapshot: expect.objectContaining({ organisationName: g.ngo.snapshot.organisationName }) }) }),
        ]);
        await live.waitFor('objection live', () => live.in(room).some((e) => e.action === 'join-request.objection-raised'));
      } finally {
        live.close();
      }
      for (const client of [anonymous(), applicant.client]) {
        const item = (await list(client)).items.find((i) => i.requestId === requestId)!;
        expect(item.objections.map((o) => [o.objector.name, o.objector.snapshot?.organisationName, o.reason])).toEqual([[g.ngo.name, g.ngo.snapshot.organisationName, 'Their funding by a vendor under discussion here is not declared.']]);
      }
      const raised = (await events()).find((e) => e.action === 'join-request.objection-raised')!;
      expect(raised).toMatchObject({
        actorId: g.ngo.id,
        actorSnapshot: expect.objectContaining({ organisationName: g.ngo.snapshot.organisationName }),
        change: { requestId, applicantId: applicant.id, personId: g.ngo.id, reason: 'Their funding by a vendor under discussion here is not declared.', snapshot: expect.objectContaining({ organisationId: g.ngo.organisation.id }) },
      });
      const mine = (await list(g.ngo.client)).items.find((i) => i.requestId === requestId)!;
      expect(mine).toMatchObject({ ownObjectionId: ngoObjection, can: { object: { code: 'already-objected' } } });
    });

    it('one standing objection per member per request (409), also in the database', async () => {
      expect(expectProblem(await g.ngo.client.post(objections(), { reason: 'Again.' }), 409).code).toBe('already-objected');
      await expect(
        t.dataSource.query(`INSERT INTO join_request_objections (join_request_id, person_id, snapshot, reason, raised_at) SELECT join_request_id, person_id, snapshot, 'Again', now() FROM join_request_objections WHERE id = $1`, [ngoObjection]),
      ).rejects.toThrow(/join_request_objections_one_standing/);
    });

    it('only the objector withdraws an objection, once; the withdrawal is recorded and the objection stays on the record', async () => {
      const raised = await g.company.client.post<CirculatedRequestView>(objections(), { reason: 'We have not met them.' });
      expect(raised.status).toBe(201);
      companyObjection = raised.body.ownObjectionId!;
      const withdrawal = `${objections()}/${companyObjection}/withdrawal`;
      expect(expectProblem(await g.ngo.client.post(withdrawal, {}), 403).code).toBe('objector-only-withdraws');
      expect(expectProblem(await g.chair.client.post(withdrawal, {}), 403).code).toBe('objector-only-withdraws');
      const res = await g.company.client.post<CirculatedRequestView>(withdrawal, { note: 'We met them since; no objection.' });
      expect(res.status).toBe(200);
      expect(res.body.objections.find((o) => o.id === companyObjection)).toMatchObject({ withdrawnAt: expect.any(String), withdrawalNote: 'We met them since; no objection.' });
      expect(expectProblem(await g.company.client.post(withdrawal, {}), 409).code).toBe('objection-withdrawn');
      expect((await events()).find((e) => e.action === 'join-request.objection-withdrawn')).toMatchObject({ actorId: g.company.id, change: { objectionId: companyObjection, note: 'We met them since; no objection.' } });
      expectProblem(await g.company.client.post(`${objections()}/${g.id}/withdrawal`, {}), 404);
    });

    it('objections are history: never rewritten or deleted', async () => {
      await expect(t.dataSource.query(`UPDATE join_request_objections SET reason = 'Softer' WHERE id = $1`, [ngoObjection])).rejects.toThrow(/history/);
      await expect(t.dataSource.query(`DELETE FROM join_request_objections WHERE id = $1`, [ngoObjection])).rejects.toThrow(/never deleted/);
      await expect(t.dataSource.query(`UPDATE join_request_circulations SET ends_at = now() WHERE join_request_id = $1`, [requestId])).rejects.toThrow(/fixed/);
    });
  });

  describe('the chair decides after the circulation, with the objections in view', () => {
    it('refuses a decision while the request circulates (409), admitting and refusing alike', async () => {
      const before = await counts();
      expect(expectProblem(await g.chair.client.post(`${base()}/join-requests/${requestId}/decision`, { decision: 'admit', acknowledgedObjections: [ngoObjection], reason: 'Early.' }), 409).code).toBe('circulation-running');
      expect(expectProblem(await g.chair.client.post(`${base()}/join-requests/${requestId}/decision`, { decision: 'refuse', reason: 'Early.' }), 409).code).toBe('circulation-running');
      expect(await counts()).toEqual(before);
    });

    it('once it has ended, objections are closed (409)', async () => {
      await endCirculation(requestId);
      expect(expectProblem(await g.government.client.post(objections(), { reason: 'Late.' }), 409).code).toBe('circulation-over');
      expect((await list()).items.find((i) => i.requestId === requestId)).toMatchObject({ outcome: 'awaiting-chair' });
    });

    it('admitting over an objection needs it acknowledged (409) and a reason (400 naming reason)', async () => {
      const before = await counts();
      const decide = (body: object) => g.chair.client.post(`${base()}/join-requests/${requestId}/decision`, { decision: 'admit', ...body });
      expect(expectProblem(await decide({ reason: 'Fine.' }), 409).code).toBe('objections-unacknowledged');
      expect(expectProblem(await decide({ reason: 'Fine.', acknowledgedObjections: [companyObjection] }), 409).code).toBe('objections-unacknowledged');
      expectProblem(await decide({ acknowledgedObjections: [ngoObjection] }), 400, { fields: ['reason'] });
      expectProblem(await g.ngo.client.post(`${base()}/join-requests/${requestId}/decision`, { decision: 'admit', acknowledgedObjections: [ngoObjection], reason: 'Me.' }), 403);
      expect(await counts()).toEqual(before);
    });

    it('the chair admits acknowledging the objection, with a reason; the admission records the objection in view; everyone reads the outcome', async () => {
      const res = await g.chair.client.post<JoinRequestResponse>(`${base()}/join-requests/${requestId}/decision`, {
        decision: 'admit',
        acknowledgedObjections: [ngoObjection],
        reason: 'The funding was declared in their statement of interests on file; the objection is noted.',
      });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('admitted');
      const admitted = (await events()).filter((e) => e.action === 'membership.admitted').find((e) => e.change.personId === applicant.id)!;
      expect(admitted.change).toMatchObject({
        via: 'chair',
        reason: 'The funding was declared in their statement of interests on file; the objection is noted.',
        objectionsInView: [{ objectionId: ngoObjection, personId: g.ngo.id, name: g.ngo.name, reason: 'Their funding by a vendor under discussion here is not declared.' }],
      });
      const item = (await list()).items.find((i) => i.requestId === requestId)!;
      expect(item).toMatchObject({
        status: 'admitted',
        outcome: 'admitted-over-objections',
        outcomeText: 'Admitted by the chair over 1 objection, acknowledged',
        reason: 'The funding was declared in their statement of interests on file; the objection is noted.',
        decidedBy: { id: g.chair.id, snapshot: expect.objectContaining({ organisationName: g.chair.snapshot.organisationName }) },
      });
    });

    it('a decided request takes no objection and no withdrawal (409)', async () => {
      expect(expectProblem(await g.government.client.post(objections(), { reason: 'Too late.' }), 409).code).toBe('request-decided');
      expect(expectProblem(await g.ngo.client.post(`${objections()}/${ngoObjection}/withdrawal`, {}), 409).code).toBe('request-decided');
    });

    it('silence is not consent: a request without objections waits for the chair, who refuses it with a reason; the refusal records no objection in view', async () => {
      const other = await newGroupDelegate(t, 'private-sector', 'company', 'Quiet Corp');
      const request = await ask(other, 'observer');
      await endCirculation(request.id);
      expect((await list()).items.find((i) => i.requestId === request.id)).toMatchObject({ status: 'pending', outcome: 'awaiting-chair', outcomeText: 'Circulation ended with no objection raised; the chair decides' });
      const res = await g.chair.client.post(`${base()}/join-requests/${request.id}/decision`, { decision: 'refuse', reason: 'The mandate limits observers to intergovernmental organisations.' });
      expect(res.status).toBe(200);
      const refused = (await events()).filter((e) => e.action === 'membership.refused').at(-1)!;
      expect(refused.change).toMatchObject({ personId: other.id, objectionsInView: [] });
    });

    it('an objection on a request that was not circulated is refused (409)', async () => {
      const g2 = await newDraftingGroup(t);
      const other = await newGroupDelegate(t, 'government', 'national', 'Approval Ministry');
      const asked = await other.client.post<JoinRequestResponse>(`/api/working-groups/${g2.id}/join-requests`, { kind: 'observer', statement: 'Following.' });
      expect(expectProblem(await g2.ngo.client.post(`/api/working-groups/${g2.id}/join-requests/${asked.body.id}/objections`, { reason: 'No.' }), 409).code).toBe('request-not-circulated');
      // A request of another group is not found here.
      expectProblem(await g.ngo.client.post(`${base()}/join-requests/${asked.body.id}/objections`, { reason: 'No.' }), 404);
    });
  });
});
