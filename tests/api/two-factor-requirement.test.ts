import { DOCX_MEDIA_TYPE, type TwoFactorStatusResponse } from '@parley/contracts';
import { expectNothingWritten, expectProblem } from '../support/expectations';
import { newDelegate, newPerson, type SignedIn } from '../support/factories';
import { newDraftingGroup, newParisCallDocument } from '../support/drafting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { enrol, freshStep, twoFactorCounts } from '../support/two-factor';
import { groupEvents, insertChairTerm, newWorkingGroup, refusedWithoutWrites } from '../support/working-group-factories';

/**
 * Roles that require a second factor (decision 0050), with no grace period (PARLEY_TWO_FACTOR_GRACE_DAYS=0):
 * a steward's acts, and a chair's in a group whose setting asks it, are refused `two-factor-required`
 * until they enrol; signing in still works.
 */
jest.setTimeout(60_000);

describe('the requirement of a second factor for stewards and chairs', () => {
  let t: TestApp;
  let steward: SignedIn;
  beforeAll(async () => {
    t = await startTestApp({ env: { PARLEY_TWO_FACTOR_GRACE_DAYS: '0' } });
    steward = await newPerson(t.baseUrl);
  });
  afterAll(() => t?.close());
  beforeEach(() => freshStep());

  it('a steward without a second factor is refused a steward’s act, and allowed once enrolled; they cannot then turn it off', async () => {
    const target = await newPerson(t.baseUrl);
    const status = (await steward.client.get<TwoFactorStatusResponse>('/api/me/two-factor')).body;
    expect(status).toMatchObject({ enabled: false, requiredByRole: true, requiredFrom: expect.any(String) });
    expect(new Date(status.requiredFrom!).getTime()).toBeLessThanOrEqual(Date.now());

    const refused = await expectNothingWritten(t.dataSource, () => steward.client.post(`/api/people/${target.id}/steward`), twoFactorCounts);
    expect(expectProblem(refused, 403).code).toBe('two-factor-required');
    // Someone who is not a steward is still told so, not asked for a second factor.
    expect(expectProblem(await target.client.post(`/api/people/${steward.id}/steward`), 403).code).toBe('stewards-only');

    await enrol(steward, -1);
    expect((await steward.client.post(`/api/people/${target.id}/steward`)).status).toBe(204);
    expect((await steward.client.get<TwoFactorStatusResponse>('/api/me/two-factor')).body).toMatchObject({ enabled: true, requiredByRole: true, requiredFrom: null });
    const off = await expectNothingWritten(t.dataSource, () => steward.client.post('/api/me/two-factor/disable', { code: '123456' }), twoFactorCounts);
    expect(expectProblem(off, 409).code).toBe('two-factor-required-by-role');
  });

  it('a focal point without a second factor is refused the focal point’s acts, and allowed once enrolled', async () => {
    // The steward (enrolled by the test above) appoints the organisation's first focal point.
    const focal = await newDelegate(t.baseUrl);
    const appointed = await steward.client.post(`/api/organisations/${focal.organisation.id}/focal-points`, { personId: focal.id, reason: 'Named by the organisation’s secretariat.' });
    expect(appointed.status).toBe(201);
    const applicant = await newPerson(t.baseUrl);
    const declared = await applicant.client.post<{ id: string }>('/api/me/affiliations', { organisationId: focal.organisation.id, title: 'Adviser', startDate: '2024-01-01' });
    const decide = () => focal.client.post(`/api/affiliations/${declared.body.id}/decision`, { decision: 'confirm' });
    const refused = await expectNothingWritten(t.dataSource, decide, twoFactorCounts);
    expect(expectProblem(refused, 403).code).toBe('two-factor-required');
    expect((await focal.client.get<TwoFactorStatusResponse>('/api/me/two-factor')).body.requiredByRole).toBe(true);
    await enrol(focal);
    expect((await decide()).status).toBe(200);
  });

  it('a focal point without a second factor is refused uploading and posting a comment template: nothing is posted', async () => {
    // The steward (enrolled by the first test) appoints the government delegate as their organisation's focal point.
    const g = await newDraftingGroup(t);
    const doc = await newParisCallDocument(t, g);
    const focal = g.government;
    expect((await steward.client.post(`/api/organisations/${focal.organisation.id}/focal-points`, { personId: focal.id, reason: 'Named by the capital.' })).status).toBe(201);
    const path = `/api/documents/${doc.id}/versions/1/comment-template`;
    const upload = () =>
      fetch(t.baseUrl + path, { method: 'POST', headers: { authorization: `Bearer ${focal.client.token}`, 'content-type': DOCX_MEDIA_TYPE, accept: 'application/json' }, body: new TextEncoder().encode('a template') });
    const uploaded = await upload();
    expect(uploaded.status).toBe(403);
    expect(await uploaded.json()).toMatchObject({ code: 'two-factor-required' });
    const row = { row: 1, clauseId: doc.version.clauses[1].id, kind: 'general', comment: 'On behalf of the ministry.', proposedChange: null };
    const posted = await expectNothingWritten(t.dataSource, () => focal.client.post(`${path}/comments`, { rows: [row] }), twoFactorCounts);
    expect(expectProblem(posted, 403).code).toBe('two-factor-required');
    expect(Number((await t.dataSource.query(`SELECT count(*) AS n FROM comments`))[0].n)).toBe(0);
  });

  it('a chair of a group that asks it is refused the chair’s acts until enrolled; the setting is a chair’s, audited, off by default', async () => {
    const chair = await newDelegate(t.baseUrl);
    const member = await newDelegate(t.baseUrl);
    const group = await newWorkingGroup(chair.client);
    await insertChairTerm(t.dataSource, group.id, chair.id, (await chair.client.get('/api/me')).body.currentSnapshot);
    const motion = (title: string) => ({ workingGroupId: group.id, subjectType: 'motion', title, closesAt: new Date(Date.now() + 3_600_000).toISOString() });

    // Off by default: the chair acts without a second factor, as before.
    expect((await chair.client.post('/api/ballots', motion('Adopt the agenda'))).status).toBe(201);
    expect((await chair.client.get<TwoFactorStatusResponse>('/api/me/two-factor')).body.requiredByRole).toBe(false);

    // Someone who is not a chair of the group cannot set it.
    const notChair = await refusedWithoutWrites(t.dataSource, () => member.client.put(`/api/working-groups/${group.id}/chairs-two-factor`, { required: true }));
    expect(expectProblem(notChair, 403).code).toBe('chairs-only-act');

    const set = await chair.client.put(`/api/working-groups/${group.id}/chairs-two-factor`, { required: true });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ required: true });
    const events = await groupEvents(t.baseUrl, group.id);
    expect(events.at(-1)).toMatchObject({ action: 'working-group.chairs-two-factor-set', actorId: chair.id, change: { required: true } });

    const refused = await refusedWithoutWrites(t.dataSource, () => chair.client.post('/api/ballots', motion('Adopt the report')));
    expect(expectProblem(refused, 403).code).toBe('two-factor-required');
    expect((await chair.client.get<TwoFactorStatusResponse>('/api/me/two-factor')).body).toMatchObject({ requiredByRole: true, requiredFrom: expect.any(String) });

    expect((await chair.client.get(`/api/working-groups/${group.id}`)).body).toMatchObject({ chairsRequireTwoFactor: true, allowed: { setChairsTwoFactor: { code: 'two-factor-required' } } });
    await enrol(chair);
    expect((await chair.client.post('/api/ballots', motion('Adopt the report'))).status).toBe(201);
    expect((await chair.client.get(`/api/working-groups/${group.id}`)).body).toMatchObject({ chairsRequireTwoFactor: true, allowed: { setChairsTwoFactor: true } });
    expect((await member.client.get(`/api/working-groups/${group.id}`)).body.allowed.setChairsTwoFactor).toMatchObject({ code: 'chairs-only-act' });
    // The steward (enrolled above) may set it too; setting it as it is records nothing.
    const before = (await groupEvents(t.baseUrl, group.id)).length;
    expect((await chair.client.put(`/api/working-groups/${group.id}/chairs-two-factor`, { required: true })).status).toBe(200);
    expect((await groupEvents(t.baseUrl, group.id)).length).toBe(before);
    expect((await steward.client.put(`/api/working-groups/${group.id}/chairs-two-factor`, { required: false })).status).toBe(200);
  });
});
