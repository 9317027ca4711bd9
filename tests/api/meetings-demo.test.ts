import type { DocumentResponse, MeetingList, MeetingView, SessionResponse, WorkingGroupListResponse } from '@parley/contracts';
import { DEMO_CLOSED_SESSION, DEMO_PLANNED_SESSION, DEMO_SESSION_LINK } from '../../apps/api/src/demo/demo-meetings';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-people';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const DAY = 86_400_000;

/**
 * The demo's sessions (issue #21) as a visitor sees them: the norms group's fourth session, closed
 * twelve days ago, with who came (and for whom), who spoke and for how long — governments above the
 * group's cap, the alarm —, its report adopted under silence with its Markdown; and the fifth
 * session, planned a week ahead, in the group's list and calendar, that Ana Ruiz can check in to.
 */
describe('the demo’s sessions of the international norms group', () => {
  let t: TestApp;
  let startDay: number;
  let groupId: string;
  let list: MeetingList;
  let closed: MeetingView;
  const api = () => new ApiClient(t.baseUrl);
  const calendarDay = (iso: string) => Math.ceil((startDay - new Date(iso).getTime()) / DAY);

  beforeAll(async () => {
    t = await startTestApp();
    const now = new Date();
    startDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    await t.app.get(DemoSeeder).seed();
    const groups = (await api().get<WorkingGroupListResponse>('/api/working-groups')).body;
    groupId = groups.items.find((g) => g.name === 'Working group on international norms')!.id;
    list = (await api().get<MeetingList>(`/api/working-groups/${groupId}/meetings`)).body;
    const summary = list.items.find((m) => m.title === DEMO_CLOSED_SESSION.title)!;
    closed = (await api().get<MeetingView>(`/api/meetings/${summary.id}`)).body;
  });
  afterAll(() => t.close());

  it('the group lists a closed session twelve days ago and a planned one a week ahead, in Paris and online', () => {
    expect(list.items.map((m) => [m.title, m.status, calendarDay(m.startsAt), m.online, m.place !== null])).toEqual(
      expect.arrayContaining([
        [DEMO_CLOSED_SESSION.title, 'closed', 12, true, true],
        [DEMO_PLANNED_SESSION.title, 'planned', -7, true, true],
      ]),
    );
    expect(list.items).toHaveLength(2);
  });

  it('the closed session’s agenda is dated and links principle 2 of the draft', () => {
    expect(closed.agenda.map((i) => i.title)).toEqual([
      'Adoption of the agenda',
      'Principle 2: the public core of the Internet',
      'Adoption of the programme of work for the first half of 2027',
      'Any other business',
    ]);
    const p2 = closed.agenda[1];
    expect(p2.document?.title).toMatch(/^Paris Call/);
    expect(p2.clauseIds).toHaveLength(1);
    expect(closed.agenda[2].document?.title).toBe('Programme of work for 2027');
    expect([calendarDay(closed.openedAt!), calendarDay(closed.closedAt!)]).toEqual([12, 12]);
    // A visitor does not see the online address.
    expect(closed.onlineUrl).toBeNull();
  });

  it('twelve delegates of the three stakeholder groups attended, in person and online, one recorded by the chair, each with their organisation', () => {
    const seen = closed.attendance.map((a) => [a.person.name, a.person.snapshot?.organisationName, a.person.snapshot?.stakeholderGroup, a.mode, a.byChair]);
    expect(seen).toHaveLength(12);
    expect(seen).toContainEqual(['Aminata Diop', 'Senegal', 'government', 'online', true]);
    expect(seen).toContainEqual(['Claire Dubois', 'France', 'government', 'in-person', false]);
    expect(seen).toContainEqual(['Ana Ruiz', 'Access Now', 'civil-society', 'online', false]);
    expect(new Set(seen.map((s) => s[2]))).toEqual(new Set(['government', 'private-sector', 'civil-society']));
    expect(closed.attendance.filter((a) => a.byChair)).toHaveLength(1);
    // Access Now is an observer: present, but not counted towards the quorum.
    expect(closed.attendance.find((a) => a.person.name === 'Ana Ruiz')!.voting).toBe(false);
  });

  it('eleven turns were spoken, a point of order among them; governments spoke above the group’s cap: the alarm', () => {
    const turns = closed.floor.past.filter((f) => f.state === 'done');
    expect(turns).toHaveLength(11);
    expect(closed.floor.queue).toHaveLength(0);
    expect(closed.floor.speaking).toBeNull();
    expect(turns.filter((f) => f.kind === 'point-of-order').map((f) => f.person.snapshot?.organisationName)).toEqual(['Center for Democracy and Technology']);
    const time = closed.speakingTime;
    expect(time).toMatchObject({ turns: 11, totalSeconds: 2069, cap: 0.5 });
    const government = time.byStakeholderGroup.find((g) => g.stakeholderGroup === 'government')!;
    expect(government).toMatchObject({ seconds: 1395, turns: 6 });
    expect(government.share).toBeGreaterThan(0.5);
    expect(time.alarms).toEqual([expect.objectContaining({ stakeholderGroup: 'government', cap: 0.5 })]);
    expect(time.byOrganisation[0]).toMatchObject({ organisationName: 'France', seconds: 490 });
  });

  it('its report was drafted from the record, edited by the chair and adopted under silence; its Markdown is public', async () => {
    expect(closed.reportDocumentId).not.toBeNull();
    const report = (await api().get<DocumentResponse>(`/api/documents/${closed.reportDocumentId}`)).body;
    expect(report).toMatchObject({ title: `Report of the session: ${DEMO_CLOSED_SESSION.title}`, status: 'adopted', adoptedVersion: 2, currentVersion: 2 });
    const md = await fetch(`${t.baseUrl}/api/documents/${report.id}/versions/2/adopted.md`);
    expect(md.status).toBe(200);
    const text = await md.text();
    expect(text).toContain(DEMO_CLOSED_SESSION.title);
    expect(text).toContain('Public Knowledge');
    expect(text).toContain('Summary of the discussion');
  });

  it('the planned session is in the group’s calendar, and Ana Ruiz (an observer) sees its link and checks in', async () => {
    const planned = list.items.find((m) => m.title === DEMO_PLANNED_SESSION.title)!;
    const ics = await fetch(`${t.baseUrl}/api/working-groups/${groupId}/calendar.ics`);
    expect(ics.status).toBe(200);
    const calendar = await ics.text();
    expect(calendar).toContain('BEGIN:VCALENDAR');
    expect(calendar).toContain(DEMO_PLANNED_SESSION.title.slice(0, 40));

    const session = await api().post<SessionResponse>('/api/auth/login', { email: 'ana.ruiz@demo.parley.example', password: DEMO_PASSWORD });
    const ana = api().withToken(session.body.token);
    const before = (await ana.get<MeetingView>(`/api/meetings/${planned.id}`)).body;
    expect(before).toMatchObject({ onlineUrl: DEMO_SESSION_LINK, viewer: { mayAttend: true, attendance: null } });
    expect(before.agenda).toHaveLength(4);
    const checkedIn = await ana.post<MeetingView>(`/api/meetings/${planned.id}/attendance`, { mode: 'online' });
    expect(checkedIn.status).toBe(201);
    expect(checkedIn.body.attendance.map((a) => [a.person.name, a.mode, a.voting])).toEqual([['Ana Ruiz', 'online', false]]);
  });
});
