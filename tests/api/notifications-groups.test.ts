import type { DocumentResponse, JoinRequestResponse, NotificationList, SilenceView } from '@parley/contracts';
import { notificationSentence } from '@parley/contracts';
import { NotificationDeriver } from '../../apps/api/src/notifications/notification-deriver';
import { NotificationReminders } from '../../apps/api/src/notifications/notification-reminders';
import { DraftingGroup, newDraftingGroup, newGroupDelegate, newParisCallDocument } from '../support/drafting-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { centreOf, eventually, ofKind } from './notifications-support';

jest.setTimeout(60_000);

describe('notifications from groups, procedures, ballots and affiliations', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
  });
  afterAll(() => t.close());

  const derived = () => t.app.get(NotificationDeriver).pass();
  const everyone = () => [g.chair, g.rapporteur, g.ngo, g.company, g.government, g.observer, g.outsider];

  it('a request to join goes to the chairs; the decision goes to the one who asked', async () => {
    const applicant = await newGroupDelegate(t, 'civil-society', 'ngo', 'Applicant');
    const asked = await applicant.client.post<JoinRequestResponse>(`/api/working-groups/${g.id}/join-requests`, { kind: 'member', statement: 'We work on supply chains.' });
    expect(asked.status).toBe(201);
    const chair = await eventually(() => centreOf(g.chair), (l) => ofKind(l, 'join-request-received').length > 0, 'the chair is told of the request');
    expect(notificationSentence(ofKind(chair, 'join-request-received')[0], 'en')).toMatch(new RegExp(`^${applicant.name} \\(.*\\) asks to join the group “`));
    await derived();
    expect(ofKind(await centreOf(g.ngo), 'join-request-received')).toEqual([]);

    expect((await g.chair.client.post(`/api/working-groups/${g.id}/join-requests/${asked.body.id}/decision`, { decision: 'admit' })).status).toBe(200);
    const told = await eventually(() => centreOf(applicant), (l) => ofKind(l, 'join-request-decided').length > 0, 'the applicant is told');
    expect(ofKind(told, 'join-request-decided')[0]).toMatchObject({ facts: { decision: 'admitted' }, link: `/working-groups/${g.id}` });
    expect(notificationSentence(ofKind(told, 'join-request-decided')[0], 'fr')).toMatch(/a été acceptée\.$/);
  });

  it('a nomination tells the nominee', async () => {
    expect((await g.ngo.client.post(`/api/working-groups/${g.id}/chair-nominations`, { nomineeId: g.company.id })).status).toBe(201);
    const list = await eventually(() => centreOf(g.company), (l) => ofKind(l, 'nominated').length > 0, 'the nominee is told');
    expect(ofKind(list, 'nominated')[0].actor?.id).toBe(g.ngo.id);
  });

  it('a silence procedure: its start to the members, a reminder a day before its deadline to the voting members, its end to all', async () => {
    const deadline = new Date(Date.now() + 73 * 3600_000);
    const started = await g.chair.client.post<SilenceView>(`/api/documents/${doc.id}/versions/1/silence`, { deadline: deadline.toISOString() });
    expect(started.status).toBe(201);
    for (const member of [g.ngo, g.observer]) {
      const list = await eventually(() => centreOf(member), (l) => ofKind(l, 'silence-started').length > 0, 'members are told');
      expect(ofKind(list, 'silence-started')[0]).toMatchObject({ document: { id: doc.id }, facts: { deadline: started.body.deadline } });
    }
    const reminders = t.app.get(NotificationReminders);
    await reminders.remindAt(new Date(deadline.getTime() - 23 * 3600_000));
    await reminders.remindAt(new Date(deadline.getTime() - 22 * 3600_000));
    for (const voter of [g.chair, g.ngo, g.company]) expect(ofKind(await centreOf(voter), 'silence-deadline-soon')).toHaveLength(1);
    expect(ofKind(await centreOf(g.observer), 'silence-deadline-soon')).toEqual([]);

    expect((await g.government.client.post(`/api/silence/${started.body.id}/objections`, { reason: 'We object to principle 4.' })).status).toBe(201);
    const broken = await eventually(() => centreOf(g.observer), (l) => ofKind(l, 'silence-concluded').length > 0, 'the end is told');
    expect(notificationSentence(ofKind(broken, 'silence-concluded')[0], 'en')).toBe(
      `${g.government.name} (${g.government.snapshot.organisationName}, government) broke the silence procedure on “${doc.title}”.`,
    );
    await derived();
    expect(ofKind(await centreOf(g.government), 'silence-concluded')).toEqual([]);
  });

  it('a secret ballot: its opening and close are told, its votes never, to voters or followers', async () => {
    await t.dataSource.query(`INSERT INTO follows (person_id, target_type, target_id, working_group_id, created_at) VALUES ($1, 'working-group', $2, $2, now())`, [
      g.outsider.id,
      g.id,
    ]);
    const opened = await g.chair.client.post<{ id: string }>('/api/ballots', {
      workingGroupId: g.id,
      subjectType: 'motion',
      title: 'That the chair’s proposal is accepted',
      visibility: 'secret',
      closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    expect(opened.status).toBe(201);
    const ballot = opened.body.id;
    await eventually(() => centreOf(g.outsider), (l) => l.items.some((n) => n.link === `/ballots/${ballot}`), 'the follower hears of the opening');
    await derived();
    const before = new Map<string, NotificationList>();
    for (const p of everyone()) before.set(p.id, await centreOf(p));

    for (const [voter, choice] of [
      [g.ngo, 'yes'],
      [g.company, 'no'],
    ] as const)
      expect((await voter.client.post(`/api/ballots/${ballot}/votes`, { choice })).status).toBe(200);
    await derived();
    for (const p of everyone()) expect((await centreOf(p)).items.map((n) => n.id)).toEqual(before.get(p.id)!.items.map((n) => n.id));

    expect((await g.chair.client.post(`/api/ballots/${ballot}/close`, { reason: 'Everyone has voted who will.' })).status).toBe(200);
    const closed = await eventually(() => centreOf(g.ngo), (l) => ofKind(l, 'ballot-closed').length > 0, 'voters hear of the close');
    const n = ofKind(closed, 'ballot-closed')[0];
    expect(Object.keys(n.facts)).toEqual(['outcome']);
    expect(notificationSentence(n, 'en')).toMatch(/^The ballot “That the chair’s proposal is accepted” closed: (passed|failed|no quorum)\.$/);
    await derived();
    for (const p of everyone()) expect(JSON.stringify(await centreOf(p))).not.toMatch(/"choice"|"yes"|"no"/);
  });

  it('an affiliation declared to an organisation goes to its focal points to confirm', async () => {
    const org = g.government.organisation.id;
    await t.dataSource.query(
      `INSERT INTO focal_points (organisation_id, person_id, appointed_by, appointed_as, appointed_at) VALUES ($1, $2, $3, 'steward', now())`,
      [org, g.government.id, g.chair.id],
    );
    const newcomer = await newGroupDelegate(t, 'civil-society', 'ngo', 'Newcomer');
    expect((await newcomer.client.post('/api/me/affiliations', { organisationId: org, title: 'Attaché', startDate: '2024-01-01' })).status).toBe(201);
    const list = await eventually(() => centreOf(g.government), (l) => ofKind(l, 'affiliation-to-confirm').length > 0, 'the focal point is told');
    expect(ofKind(list, 'affiliation-to-confirm')[0]).toMatchObject({ link: '/focal-points', actor: { id: newcomer.id }, facts: { organisation: g.government.organisation.name } });
  });
});
