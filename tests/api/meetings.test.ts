import type { DocumentResponse, MeetingView } from '@parley/contracts';
import { verifyChain } from '@parley/domain';
import { openMotion } from '../support/ballot-fixtures';
import { newDraftingGroup, type DraftingGroup } from '../support/drafting-fixtures';
import { auditEvents, expectProblem } from '../support/expectations';
import { ApiClient } from '../support/http-client';
import { advanceClock, meetingActs, meetingCounts, meetingInput, scheduleMeeting } from '../support/meeting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { LiveClient } from './realtime-client';

jest.setTimeout(90_000);

const CLAUSES = [{ kind: 'operative' as const, text: 'Adopts the programme of work for 2027;' }];

/**
 * Meetings (issue #21, decision 0043): scheduling with its agenda, opening, attendance and quorum,
 * the list of speakers with points of order first, speaking time by stakeholder group and
 * organisation with the alarm over the cap, closing; who may do what; races; the audit and live rooms.
 */
describe('meetings', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let other: DraftingGroup;
  let doc: DocumentResponse;
  let ms = 0;
  const anonymous = () => new ApiClient(t.baseUrl);
  const tick = (seconds: number) => advanceClock(t, (ms += seconds * 1000));
  const events = async (meetingId: string) => (await auditEvents(t.baseUrl, `wg:${g.id}`)).filter((e) => e.subjectId === meetingId);

  beforeAll(async () => {
    t = await startTestApp();
    [g, other] = await Promise.all([newDraftingGroup(t, { quorum: 0.5 }), newDraftingGroup(t)]);
    const res = await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title: 'Programme of work for 2027', clauses: CLAUSES });
    doc = res.body;
  });
  afterAll(() => t?.close());

  describe('scheduling', () => {
    it('refuses bad input naming the field, and writes nothing', async () => {
      const [otherBallot, otherDoc] = await Promise.all([
        openMotion(other.chair, { id: other.id, name: 'other' }),
        other.chair.client.post<DocumentResponse>(`/api/working-groups/${other.id}/documents`, { title: 'Their text', clauses: CLAUSES }),
      ]);
      const before = await meetingCounts(t);
      const post = (body: Record<string, unknown>) => g.chair.client.post(`/api/working-groups/${g.id}/meetings`, meetingInput(body));
      expectProblem(await post({ timeZone: 'Mars/Olympus_Mons' }), 400, { fields: ['timeZone'] });
      expectProblem(await post({ endsAt: meetingInput().startsAt, startsAt: meetingInput().endsAt }), 400, { fields: ['endsAt'] });
      expectProblem(await post({ place: null, onlineUrl: null }), 400, { fields: ['place'] });
      expectProblem(await post({ onlineUrl: 'http://meet.example.org/x' }), 400, { fields: ['onlineUrl'] });
      const ballot = expectProblem(await post({ agenda: [{ title: 'Ours' }, { title: 'Theirs', ballotId: otherBallot.id }] }), 400, {
        fields: ['agenda[1].ballotId'],
      });
      expect(ballot.errors?.[0]).toMatchObject({ field: 'agenda[1].ballotId', code: 'not-in-this-group' });
      expectProblem(await post({ agenda: [{ title: 'Theirs', documentId: otherDoc.body.id }] }), 400, { fields: ['agenda[0].documentId'] });
      expect(await meetingCounts(t)).toEqual(before);
    });

    it('a member who does not chair, an outsider and an anonymous reader are refused', async () => {
      const before = await meetingCounts(t);
      expect(expectProblem(await g.ngo.client.post(`/api/working-groups/${g.id}/meetings`, meetingInput()), 403).code).toBe('editors-only');
      expectProblem(await g.outsider.client.post(`/api/working-groups/${g.id}/meetings`, meetingInput()), 403);
      expectProblem(await anonymous().post(`/api/working-groups/${g.id}/meetings`, meetingInput()), 401);
      expect(await meetingCounts(t)).toEqual(before);
    });

    it('a rapporteur schedules with linked items; the online address is for members only; the audit records only that there is one', async () => {
      const m = await scheduleMeeting(g.rapporteur.client, g.id, {
        agenda: [{ title: 'The programme', documentId: doc.id, version: 1 }, { title: 'Other business' }],
      });
      expect(m).toMatchObject({
        status: 'planned',
        online: true,
        onlineUrl: 'https://meet.example.org/wg-second-session',
        viewer: { runs: true, mayAttend: true },
      });
      expect(m.agenda[0]).toMatchObject({ position: 1, document: { id: doc.id, title: 'Programme of work for 2027', version: 1 } });
      expect((await anonymous().get<MeetingView>(`/api/meetings/${m.id}`)).body).toMatchObject({
        onlineUrl: null,
        online: true,
        viewer: { runs: false, mayAttend: false },
      });
      expect((await g.outsider.client.get<MeetingView>(`/api/meetings/${m.id}`)).body.onlineUrl).toBeNull();
      expect((await g.observer.client.get<MeetingView>(`/api/meetings/${m.id}`)).body.onlineUrl).not.toBeNull();
      const [scheduled] = await events(m.id);
      expect(scheduled).toMatchObject({
        action: 'meeting.scheduled',
        subjectType: 'meeting',
        change: { online: true, agenda: [{ documentId: doc.id, version: 1 }, { title: 'Other business' }] },
      });
      expect(JSON.stringify(scheduled.change)).not.toContain('meet.example.org');
      const list = await anonymous().get(`/api/working-groups/${g.id}/meetings`);
      expect(list.body.items.map((i: { id: string }) => i.id)).toContain(m.id);
    });

    it('changes details and the agenda, keeping item ids; not once closed', async () => {
      const m = await scheduleMeeting(g.chair.client, g.id);
      const act = meetingActs(m.id);
      const changed = await act.change(g.chair.client, { place: null, turnLimitSeconds: 180 });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ place: null, turnLimitSeconds: 180 });
      expectProblem(await act.change(g.chair.client, { onlineUrl: null }), 400, { fields: ['place'] });
      const [first, second] = m.agenda;
      const set = await act.agenda(g.chair.client, [{ id: second.id, title: 'Programme of work (revised)' }, { title: 'Any other business' }]);
      expect(set.status).toBe(200);
      expect(set.body.agenda.map((i) => [i.id === second.id, i.position, i.title])).toEqual([
        [true, 1, 'Programme of work (revised)'],
        [false, 2, 'Any other business'],
      ]);
      expectProblem(await act.agenda(g.chair.client, [{ id: first.id, title: 'Gone' }]), 400, { fields: ['items[0].id'] });
      const evs = await events(m.id);
      expect(evs.map((e) => e.action)).toEqual(['meeting.scheduled', 'meeting.details-changed', 'meeting.agenda-set']);
      expect(evs[1].change).toMatchObject({ place: null, turnLimitSeconds: 180, changed: expect.arrayContaining(['place', 'turnLimitSeconds']) });
      expect(evs[2].change).toMatchObject({ removedItemIds: [first.id] });
    });
  });

  describe('a session, from opening to closing', () => {
    let m: MeetingView;
    let act: ReturnType<typeof meetingActs>;
    let live: LiveClient;

    beforeAll(async () => {
      m = await scheduleMeeting(g.chair.client, g.id);
      act = meetingActs(m.id);
      live = await LiveClient.connect(t.baseUrl);
      expect(await live.join(`meeting:${m.id}`, 0)).toMatchObject({ ok: true });
    });
    afterAll(() => live?.close());

    it('the floor is not asked before opening; the chair opens and takes up the first item', async () => {
      expect(expectProblem(await act.ask(g.ngo.client, m.agenda[0].id), 409).code).toBe('meeting-status');
      expect((await act.open(g.chair.client)).body.status).toBe('open');
      expect(expectProblem(await act.open(g.chair.client), 409).code).toBe('meeting-status');
      expect(expectProblem(await act.open(g.ngo.client), 403).code).toBe('editors-only');
      const taken = await act.takeUp(g.chair.client, m.agenda[0].id);
      expect(taken.body.currentItemId).toBe(m.agenda[0].id);
      expectProblem(await act.takeUp(g.chair.client, '00000000-0000-4000-8000-000000000000'), 400, { fields: ['itemId'] });
    });

    it('three delegates of different stakeholder groups check in; the quorum indicator follows; a second check-in changes nothing', async () => {
      let last = m;
      for (const d of [g.ngo, g.company]) last = (await act.attend(d.client)).body;
      expect(last.quorum).toMatchObject({ members: 5, present: 2, needed: 3, met: false });
      const res = await act.attend(g.government.client, { mode: 'online' });
      expect(res.status).toBe(201);
      expect(res.body.quorum).toMatchObject({ present: 3, met: true });
      expect(res.body.viewer.attendance).toBe('online');
      expect(res.body.attendance.map((a) => a.person.snapshot?.stakeholderGroup).sort()).toEqual(['civil-society', 'government', 'private-sector']);
      const eventsBefore = (await events(m.id)).length;
      expect((await act.attend(g.government.client, { mode: 'in-person' })).body.attendance).toHaveLength(3);
      expect(await events(m.id)).toHaveLength(eventsBefore);
      // An observer attends without counting; the chair records the rapporteur present.
      expect((await act.attend(g.observer.client)).body.attendance.find((a) => a.person.id === g.observer.id)).toMatchObject({ voting: false, byChair: false });
      const byChair = await act.attend(g.chair.client, { mode: 'in-person', personId: g.rapporteur.id });
      expect(byChair.body.attendance.find((a) => a.person.id === g.rapporteur.id)).toMatchObject({ voting: true, byChair: true });
      expect(byChair.body.quorum).toMatchObject({ present: 4, members: 5 });
    });

    it('attackers: a non-member checks in, a member records another, a non-attendee asks, a member gives the floor', async () => {
      const before = await meetingCounts(t);
      expect(expectProblem(await act.attend(g.outsider.client), 403).code).toBe('meeting-members-only');
      expect(expectProblem(await act.attend(g.ngo.client, { mode: 'online', personId: g.chair.id }), 403).code).toBe('editors-only');
      expect(expectProblem(await act.ask(g.chair.client, m.agenda[0].id), 403).code).toBe('floor-attendees-only');
      expect(expectProblem(await act.ask(g.ngo.client, m.agenda[0].id, { personId: g.company.id }), 403).code).toBe('editors-only');
      expect(await meetingCounts(t)).toEqual(before);
    });

    it('delegates ask for the floor; a point of order jumps the queue; the chair gives it in turn; speaking time and its alarm', async () => {
      const item = m.agenda[0].id;
      await act.ask(g.ngo.client, item);
      tick(1);
      await act.ask(g.company.client, item);
      tick(1);
      const asked = await act.ask(g.government.client, item, { kind: 'point-of-order' });
      expect(asked.status).toBe(201);
      expect(asked.body.floor.queue.map((r) => [r.person.id, r.kind])).toEqual([
        [g.government.id, 'point-of-order'],
        [g.ngo.id, 'speech'],
        [g.company.id, 'speech'],
      ]);
      expect(expectProblem(await act.ask(g.ngo.client, item), 409).code).toBe('floor-already-requested');
      const [order, ngo, company] = asked.body.floor.queue;
      // Someone else's request: neither withdrawn nor ended by another member; a member does not give the floor.
      expect(expectProblem(await act.withdraw(g.company.client, ngo.id), 403).code).toBe('floor-not-yours');
      expect(expectProblem(await act.give(g.ngo.client, ngo.id), 403).code).toBe('editors-only');

      expect((await act.give(g.chair.client, order.id)).body.floor.speaking).toMatchObject({ id: order.id, state: 'speaking' });
      tick(30);
      expect(expectProblem(await act.end(g.company.client, order.id), 403).code).toBe('floor-not-yours');
      // Giving the floor while someone speaks ends that turn first.
      const next = await act.give(g.chair.client, ngo.id);
      expect(next.body.floor.speaking?.id).toBe(ngo.id);
      expect(next.body.floor.past[0]).toMatchObject({ id: order.id, state: 'done', seconds: 30 });
      tick(120);
      expect((await act.end(g.ngo.client, ngo.id)).body.floor.speaking).toBeNull();
      await act.give(g.chair.client, company.id);
      tick(30);
      const ended = await act.end(g.chair.client, company.id);
      const st = ended.body.speakingTime;
      expect(st).toMatchObject({ totalSeconds: 180, turns: 3, cap: 0.5 });
      expect(st.byStakeholderGroup.find((s) => s.stakeholderGroup === 'civil-society')).toMatchObject({ seconds: 120, turns: 1 });
      expect(st.byOrganisation[0]).toMatchObject({ organisationId: g.ngo.snapshot.organisationId, seconds: 120, stakeholderGroup: 'civil-society' });
      expect(st.alarms).toEqual([{ stakeholderGroup: 'civil-society', share: 120 / 180, cap: 0.5 }]);
      expect(expectProblem(await act.end(g.chair.client, company.id), 409).code).toBe('floor-request-state');
    });

    it('the floor is given on the current item only; a speaker withdraws their own request', async () => {
      const second = m.agenda[1].id;
      const asked = await act.ask(g.ngo.client, second);
      const req = asked.body.floor.queue.find((r) => r.itemId === second)!;
      expect(expectProblem(await act.give(g.chair.client, req.id), 409)).toMatchObject({ code: 'floor-item-not-current', params: { itemId: second } });
      expect((await act.withdraw(g.ngo.client, req.id)).body.floor.past.at(-1)).toMatchObject({ id: req.id, state: 'withdrawn', byChair: false });
      expect(expectProblem(await act.withdraw(g.ngo.client, req.id), 409).code).toBe('floor-request-state');
    });

    it('an item with speakers, or under discussion, stays on the agenda', async () => {
      const res = await act.agenda(g.chair.client, [{ id: m.agenda[1].id, title: 'Programme of work' }]);
      expect(expectProblem(res, 409)).toMatchObject({ code: 'agenda-item-has-speakers', params: { itemId: m.agenda[0].id } });
    });

    it('ids of another meeting are not found', async () => {
      const elsewhere = await scheduleMeeting(g.chair.client, g.id);
      const mine = (await anonymous().get<MeetingView>(`/api/meetings/${m.id}`)).body.floor.past[0];
      expect(expectProblem(await meetingActs(elsewhere.id).end(g.chair.client, mine.id), 404).code).toBe('not-found');
      expectProblem(await anonymous().get(`/api/meetings/00000000-0000-4000-8000-000000000000`), 404);
    });

    it('closing ends the turn under way and withdraws the queue, each on the record', async () => {
      const item = m.agenda[0].id;
      const q = await act.ask(g.company.client, item);
      await act.ask(g.ngo.client, item);
      await act.give(g.chair.client, q.body.floor.queue[0].id);
      tick(10);
      const closed = await act.close(g.chair.client);
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'closed', floor: { speaking: null, queue: [] } });
      expect(closed.body.speakingTime).toMatchObject({ totalSeconds: 190, turns: 4 });
      const evs = await events(m.id);
      const tail = evs.slice(-3);
      expect(tail.map((e) => e.action)).toEqual(['meeting.floor-ended', 'meeting.floor-withdrawn', 'meeting.closed']);
      expect(tail[1].change).toMatchObject({ byChair: true, speaker: { id: g.ngo.id } });
      expect(tail[2].change).toEqual({ title: m.title, attendees: 5, turns: 4, speakingSeconds: 190 });
      expect(expectProblem(await act.attend(g.chair.client), 409)).toMatchObject({ code: 'meeting-status', params: { status: 'closed' } });
      expect(expectProblem(await act.change(g.chair.client, { title: 'Too late' }), 409).code).toBe('meeting-status');
      const all = await auditEvents(t.baseUrl, `wg:${g.id}`);
      expect(verifyChain(all as never).ok).toBe(true);
    });

    it('the audit records each act with its change; a client in the meeting room received the floor events', async () => {
      const evs = await events(m.id);
      const given = evs.find((e) => e.action === 'meeting.floor-given')!;
      expect(given.change).toMatchObject({ kind: 'point-of-order', speaker: { id: g.government.id, snapshot: { stakeholderGroup: 'government' } } });
      const ended = evs.find((e) => e.action === 'meeting.floor-ended')!;
      expect(ended.change).toMatchObject({ seconds: 30, stakeholderGroup: 'government' });
      const attended = evs.filter((e) => e.action === 'meeting.attendance-recorded');
      expect(attended).toHaveLength(5);
      await live.waitFor('the floor events', () => live.in(`meeting:${m.id}`).filter((e) => e.action === 'meeting.floor-ended').length === 4);
      expect(live.in(`meeting:${m.id}`).map((e) => e.action)).toEqual(
        expect.arrayContaining(['meeting.floor-requested', 'meeting.floor-given', 'meeting.floor-withdrawn', 'meeting.closed']),
      );
    });
  });

  describe('races', () => {
    it('two give the floor at once: one 200, one 409, never a 500; two check-ins at once: one record', async () => {
      const m = await scheduleMeeting(g.chair.client, g.id);
      const act = meetingActs(m.id);
      await act.open(g.chair.client);
      await act.takeUp(g.chair.client, m.agenda[0].id);
      const checkIns = await Promise.all([act.attend(g.ngo.client), act.attend(g.ngo.client), act.attend(g.ngo.client, { mode: 'online' })]);
      expect(checkIns.map((r) => r.status)).toEqual([201, 201, 201]);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM meeting_attendance WHERE meeting_id = $1`, [m.id]);
      expect(n).toBe(1);
      const asked = await act.ask(g.ngo.client, m.agenda[0].id);
      const id = asked.body.floor.queue[0].id;
      const gives = await Promise.all([act.give(g.chair.client, id), act.give(g.rapporteur.client, id)]);
      expect(gives.map((r) => r.status).sort()).toEqual([200, 409]);
      await act.attend(g.company.client);
      const asks = await Promise.all([act.ask(g.company.client, m.agenda[0].id), act.ask(g.company.client, m.agenda[0].id)]);
      expect(asks.map((r) => r.status).sort()).toEqual([201, 409]);
    });

    it('every write on the group is on one verified chain', async () => {
      expect(verifyChain((await auditEvents(t.baseUrl, `wg:${g.id}`)) as never).ok).toBe(true);
    });
  });

  describe('calendars', () => {
    it('an invitation per session and a feed per group, RFC 5545: escaped, folded, CRLF, UTC', async () => {
      const m = await scheduleMeeting(g.chair.client, g.id, {
        title: 'Session; with, commas \\ and a very long title that goes on and on so that the line must be folded somewhere',
        place: 'Room XVII, Palais des Nations; Genève',
      });
      const res = await fetch(`${t.baseUrl}/api/meetings/${m.id}/calendar.ics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const text = await res.text();
      expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
      expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(text.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
      expect(
        text
          .replace(/\r\n /g, '')
          .replace(/\r\n$/, '')
          .split('\r\n')
          .some((l) => /\n/.test(l)),
      ).toBe(false);
      const unfolded = text.replace(/\r\n /g, '');
      expect(unfolded).toContain(`UID:meeting-${m.id}@`);
      expect(unfolded).toContain(`SUMMARY:Session\\; with\\, commas \\\\ and a very long title`);
      expect(unfolded).toContain('LOCATION:Room XVII\\, Palais des Nations\\; Genève');
      expect(unfolded).toMatch(new RegExp(`DTSTART:${m.startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}\r\n`));
      expect(unfolded).toMatch(/DTSTAMP:\d{8}T\d{6}Z\r\n/);
      expect(unfolded).toContain(`/meetings/${m.id}\r\n`);
      expect(unfolded).toContain('X-WR-TIMEZONE:Europe/Paris');
      expect(unfolded).not.toContain('meet.example.org');
      const feed = await fetch(`${t.baseUrl}/api/working-groups/${g.id}/calendar.ics`);
      const feedText = await feed.text();
      expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect((feedText.match(/BEGIN:VEVENT/g) ?? []).length).toBe((await anonymous().get(`/api/working-groups/${g.id}/meetings`)).body.items.length);
      expect(feedText).toContain('X-WR-CALNAME:');
      expect((await fetch(`${t.baseUrl}/api/meetings/00000000-0000-4000-8000-000000000000/calendar.ics`)).status).toBe(404);
    });
  });
});
