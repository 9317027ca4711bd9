import type { AuditEventResponse, EndorsementResponse, SignatoriesResponse } from '@parley/contracts';
import { newAdoptedDocument, type AdoptedDocument } from '../support/adoption-fixtures';
import { newDraftingGroup, newParisCallDocument } from '../support/drafting-fixtures';
import { auditEvents, expectProblem } from '../support/expectations';
import { confirmAffiliation, newDelegate, newPerson, type SignedIn } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

describe('endorsements of adopted texts', () => {
  let t: TestApp;
  let a: AdoptedDocument;
  let base: string;
  const anon = () => new ApiClient(t.baseUrl);
  const signatories = (client: ApiClient = anon()) => client.get<SignatoriesResponse>(`${base}/signatories`);
  const lastEvent = async (action: string): Promise<AuditEventResponse> =>
    (await auditEvents(t.baseUrl, `wg:${a.g.id}`)).filter((e) => e.action === action).at(-1)!;

  /** A second person, currently affiliated to the same organisation as `of` (confirmed by it). */
  async function colleagueOf(
    of: { organisation: { id: string } },
    dates: { startDate: string; endDate?: string } = { startDate: '2021-01-01' },
  ): Promise<SignedIn> {
    const p = await newPerson(t.baseUrl);
    const res = await p.client.post<{ id: string }>('/api/me/affiliations', { organisationId: of.organisation.id, title: 'Adviser', ...dates });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    await confirmAffiliation(t.baseUrl, res.body.id);
    return p;
  }

  beforeAll(async () => {
    t = await startTestApp();
    a = await newAdoptedDocument(t);
    base = `/api/documents/${a.doc.id}/versions/1`;
  });
  afterAll(() => t.close());

  it('a delegate currently affiliated to an organisation endorses an adopted version on its behalf (201), audited with that affiliation', async () => {
    const res = await a.g.ngo.client.post<EndorsementResponse>(`${base}/endorsements`, { organisationId: a.g.ngo.organisation.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      documentId: a.doc.id,
      version: 1,
      workingGroupId: a.g.id,
      organisation: { id: a.g.ngo.organisation.id, name: a.g.ngo.organisation.name, stakeholderGroup: 'civil-society', subtype: 'ngo' },
      endorsedBy: { id: a.g.ngo.id, name: a.g.ngo.name, snapshot: { organisationId: a.g.ngo.organisation.id, title: 'Delegate' } },
      withdrawnAt: null,
      canWithdraw: true,
    });
    expect(await lastEvent('endorsement.made')).toMatchObject({
      scope: `wg:${a.g.id}`,
      actorId: a.g.ngo.id,
      actorSnapshot: { organisationId: a.g.ngo.organisation.id },
      subjectType: 'endorsement',
      subjectId: res.body.id,
      change: { documentId: a.doc.id, version: 1, organisationId: a.g.ngo.organisation.id, stakeholderGroup: 'civil-society', subtype: 'ngo' },
    });
  });

  it('endorses under the affiliation to the organisation endorsed, not the primary one', async () => {
    // The company delegate also holds a (non-primary) current affiliation to a local government.
    const local = await newDelegate(t.baseUrl, { stakeholderGroup: 'government', subtype: 'local', country: 'FR', name: `City of Lyon ${Date.now()}` });
    const second = await a.g.company.client.post<{ id: string }>('/api/me/affiliations', { organisationId: local.organisation.id, title: 'Digital counsellor', startDate: '2022-03-01' });
    await confirmAffiliation(t.baseUrl, second.body.id);
    const res = await a.g.company.client.post<EndorsementResponse>(`${base}/endorsements`, { organisationId: local.organisation.id });
    expect(res.status).toBe(201);
    expect(res.body.endorsedBy.snapshot).toMatchObject({
      organisationId: local.organisation.id,
      stakeholderGroup: 'government',
      subtype: 'local',
      title: 'Digital counsellor',
    });
    expect((await lastEvent('endorsement.made')).actorSnapshot).toMatchObject({ organisationId: local.organisation.id, title: 'Digital counsellor' });
  });

  it('anyone may read the signatories: counts by stakeholder group and sub-type, the headline in words, each endorser’s snapshot', async () => {
    await a.g.government.client.post(`${base}/endorsements`, { organisationId: a.g.government.organisation.id });
    await a.g.company.client.post(`${base}/endorsements`, { organisationId: a.g.company.organisation.id });
    const res = await signatories();
    expect(res.status).toBe(200);
    expect(res.body.counts.total).toBe(4);
    const group = (g: string) => res.body.counts.byStakeholderGroup.find((x) => x.stakeholderGroup === g)!;
    expect(group('government')).toMatchObject({
      count: 2,
      bySubtype: expect.arrayContaining([
        { subtype: 'national', count: 1 },
        { subtype: 'local', count: 1 },
      ]),
    });
    expect(group('private-sector')).toMatchObject({ count: 1, bySubtype: expect.arrayContaining([{ subtype: 'company', count: 1 }]) });
    expect(group('civil-society')).toMatchObject({ count: 1, bySubtype: expect.arrayContaining([{ subtype: 'ngo', count: 1 }]) });
    expect(res.body.headline).toBe('1 state, 1 local government, 1 company and 1 civil-society organisation');
    expect(res.body.signatories.map((s) => s.organisation.id)).toEqual(
      expect.arrayContaining([a.g.ngo.organisation.id, a.g.government.organisation.id, a.g.company.organisation.id]),
    );
    expect(res.body.signatories.every((s) => s.endorsedBy.snapshot.organisationId === s.organisation.id)).toBe(true);
    expect(res.body.can).toEqual({ endorse: { code: 'sign-in-to-endorse', params: {}, detail: 'Sign in to endorse on behalf of your organisation' }, organisations: [] });
    expect(JSON.stringify(res.body)).not.toMatch(/@/);
  });

  it('tells a signed-in reader which organisations they may still endorse for', async () => {
    const mine = await signatories(a.g.outsider.client);
    expect(mine.body.can).toEqual({ endorse: true, organisations: [expect.objectContaining({ id: a.g.outsider.organisation.id })] });
    const done = await signatories(a.g.ngo.client);
    expect(done.body.can).toEqual({
      endorse: { code: 'all-organisations-endorsed', params: {}, detail: 'Every organisation you are affiliated to has already endorsed this text' },
      organisations: [],
    });
    const nobody = await newPerson(t.baseUrl);
    expect((await signatories(nobody.client)).body.can.endorse).toEqual({
      code: 'needs-affiliation-to-endorse',
      params: {},
      detail: 'You need a current affiliation to endorse on behalf of an organisation',
    });
  });

  describe('refusals', () => {
    it('401 without a session', async () => {
      expectProblem(await anon().post(`${base}/endorsements`, { organisationId: a.g.ngo.organisation.id }), 401);
    });

    it('403 saying so, to a person with no current affiliation to that organisation (none, another one, or one that ended)', async () => {
      const res = await a.g.outsider.client.post(`${base}/endorsements`, { organisationId: a.g.rapporteur.organisation.id });
      expectProblem(res, 403);
      expect(res.body.detail).toBe(
        `You have no current affiliation to ${a.g.rapporteur.organisation.name}: only a person currently affiliated to an organisation can endorse on its behalf`,
      );
      const former = await colleagueOf(a.g.rapporteur, { startDate: '2019-01-01', endDate: '2020-06-30' });
      expectProblem(await former.client.post(`${base}/endorsements`, { organisationId: a.g.rapporteur.organisation.id }), 403);
      const nobody = await newPerson(t.baseUrl);
      expectProblem(await nobody.client.post(`${base}/endorsements`, { organisationId: a.g.rapporteur.organisation.id }), 403);
    });

    it('409 when the version is not adopted', async () => {
      const g = await newDraftingGroup(t);
      const draft = await newParisCallDocument(t, g);
      const res = await g.ngo.client.post(`/api/documents/${draft.id}/versions/1/endorsements`, { organisationId: g.ngo.organisation.id });
      expectProblem(res, 409);
      expect(res.body.detail).toBe('Version 1 is not adopted: only an adopted text can be endorsed');
    });

    it('409 for a second endorsement by the same organisation, whoever makes it', async () => {
      const again = await a.g.ngo.client.post(`${base}/endorsements`, { organisationId: a.g.ngo.organisation.id });
      expectProblem(again, 409);
      expect(again.body.detail).toMatch(new RegExp(`^${a.g.ngo.organisation.name} already endorsed version 1 \\(by ${a.g.ngo.name}, \\d{4}-\\d{2}-\\d{2}\\)`));
      const colleague = await colleagueOf(a.g.ngo);
      expectProblem(await colleague.client.post(`${base}/endorsements`, { organisationId: a.g.ngo.organisation.id }), 409);
    });

    it('404 for an unknown document, version or organisation; 400 for a malformed body', async () => {
      expectProblem(await a.g.ngo.client.post(`/api/documents/${a.g.id}/versions/1/endorsements`, { organisationId: a.g.ngo.organisation.id }), 404);
      expectProblem(await a.g.ngo.client.post(`/api/documents/${a.doc.id}/versions/9/endorsements`, { organisationId: a.g.ngo.organisation.id }), 404);
      expectProblem(await a.g.ngo.client.post(`${base}/endorsements`, { organisationId: a.g.id }), 404);
      expectProblem(await a.g.ngo.client.post(`${base}/endorsements`, { organisation: 'x' }), 400, { fields: ['organisationId'] });
    });
  });

  describe('withdrawal', () => {
    it('a current delegate of the organisation withdraws it: recorded, never deleted, audited; then the organisation may endorse again', async () => {
      const current = (await signatories()).body.signatories.find((s) => s.organisation.id === a.g.government.organisation.id)!;
      const outsider = await a.g.outsider.client.post(`${base}/endorsements/${current.id}/withdraw`, {});
      expectProblem(outsider, 403);
      expect(outsider.body.detail).toMatch(/only its current delegates can withdraw its endorsement/);

      const colleague = await colleagueOf(a.g.government);
      const res = await colleague.client.post<EndorsementResponse>(`${base}/endorsements/${current.id}/withdraw`, {
        reason: 'Our parliament has not ratified it yet',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: current.id,
        withdrawnAt: expect.any(String),
        withdrawnBy: { id: colleague.id, snapshot: { organisationId: a.g.government.organisation.id } },
        withdrawalReason: 'Our parliament has not ratified it yet',
        canWithdraw: false,
      });
      expect(await lastEvent('endorsement.withdrawn')).toMatchObject({
        actorId: colleague.id,
        subjectId: current.id,
        change: { organisationId: a.g.government.organisation.id, reason: 'Our parliament has not ratified it yet' },
      });
      expectProblem(await colleague.client.post(`${base}/endorsements/${current.id}/withdraw`, {}), 409);

      let list = (await signatories()).body;
      expect(list.counts.total).toBe(3);
      expect(list.withdrawn.map((w) => w.id)).toEqual([current.id]);

      const again = await a.g.government.client.post<EndorsementResponse>(`${base}/endorsements`, { organisationId: a.g.government.organisation.id });
      expect(again.status).toBe(201);
      expect(again.body.id).not.toBe(current.id);
      list = (await signatories()).body;
      expect(list.counts.total).toBe(4);
      expect(list.withdrawn.map((w) => w.id)).toEqual([current.id]);
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM endorsements WHERE organisation_id = $1`, [a.g.government.organisation.id]))[0].n).toBe(
        2,
      );
    });

    it('404 when the endorsement is not of that document and version', async () => {
      const one = (await signatories()).body.signatories[0];
      expectProblem(await a.g.ngo.client.post(`/api/documents/${a.doc.id}/versions/2/endorsements/${one.id}/withdraw`, {}), 404);
      expectProblem(await a.g.ngo.client.post(`${base}/endorsements/${a.g.id}/withdraw`, {}), 404);
    });

    it('the database refuses to delete or rewrite an endorsement, and a second withdrawal', async () => {
      const [active] = (await signatories()).body.signatories;
      const [withdrawn] = (await signatories()).body.withdrawn;
      await expect(t.dataSource.query(`DELETE FROM endorsements WHERE id = $1`, [active.id])).rejects.toThrow(/never deleted/);
      await expect(t.dataSource.query(`UPDATE endorsements SET endorsed_at = now() WHERE id = $1`, [active.id])).rejects.toThrow(/never changes/);
      await expect(t.dataSource.query(`UPDATE endorsements SET withdrawal_reason = 'rewritten' WHERE id = $1`, [withdrawn.id])).rejects.toThrow(/final/);
      await expect(t.dataSource.query(`TRUNCATE endorsements`)).rejects.toThrow(/never deleted/);
      await expect(
        t.dataSource.query(
          `INSERT INTO endorsements (working_group_id, document_id, version_number, organisation_id, endorsed_by, endorser_snapshot, endorsed_at)
           SELECT working_group_id, document_id, version_number, organisation_id, endorsed_by, endorser_snapshot, now() FROM endorsements WHERE id = $1`,
          [active.id],
        ),
      ).rejects.toThrow(/endorsements_one_active/);
    });
  });
});
