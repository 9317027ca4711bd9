import type { DocumentResponse, MeetingView } from '@parley/contracts';
import { newDraftingGroup, type DraftingGroup } from '../support/drafting-fixtures';
import { auditEvents, expectProblem } from '../support/expectations';
import { meetingActs, meetingCounts, scheduleMeeting } from '../support/meeting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(90_000);

const CLAUSES = [
  { kind: 'preamble' as const, text: 'Recalling its mandate,' },
  { kind: 'operative' as const, text: 'Adopts the programme of work for 2027;' },
];

/** Meetings (decision 0043): the quorum per stakeholder group, what an agenda item may point at, what a chair does for others. */
describe('meeting rules', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t, { quorum: 0.5 });
    doc = (await g.chair.client.post<DocumentResponse>(`/api/working-groups/${g.id}/documents`, { title: 'Programme of work', clauses: CLAUSES })).body;
  });
  afterAll(() => t?.close());

  it('with a quorum per stakeholder group, each stakeholder group with voting members must reach the share', async () => {
    await t.dataSource.query(`UPDATE working_groups SET quorum_per_stakeholder_group = true WHERE id = $1`, [g.id]);
    try {
      const m = await scheduleMeeting(g.chair.client, g.id);
      const act = meetingActs(m.id);
      // Voting members: chair and company (private sector), rapporteur and government (government), ngo (civil society).
      let view: MeetingView = m;
      for (const d of [g.chair, g.company, g.rapporteur]) view = (await act.attend(d.client)).body;
      expect(view.quorum).toMatchObject({ members: 5, present: 3, needed: 3, met: false });
      expect(view.quorum.byStakeholderGroup).toEqual(
        expect.arrayContaining([
          { stakeholderGroup: 'civil-society', present: 0, members: 1, met: false },
          { stakeholderGroup: 'government', present: 1, members: 2, met: true },
          { stakeholderGroup: 'private-sector', present: 2, members: 2, met: true },
        ]),
      );
      view = (await act.attend(g.ngo.client, { mode: 'online' })).body;
      expect(view.quorum).toMatchObject({ present: 4, met: true });
      expect(view.quorum.byStakeholderGroup?.every((s) => s.met)).toBe(true);
    } finally {
      await t.dataSource.query(`UPDATE working_groups SET quorum_per_stakeholder_group = false WHERE id = $1`, [g.id]);
    }
  });

  it('an agenda item points at a version and clauses of that document only', async () => {
    const before = await meetingCounts(t);
    const post = (item: Record<string, unknown>) =>
      g.chair.client.post(`/api/working-groups/${g.id}/meetings`, {
        title: 'Session',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 90_000_000).toISOString(),
        timeZone: 'UTC',
        place: 'Geneva',
        agenda: [{ title: 'Opening' }, { title: 'The text', documentId: doc.id, ...item }],
      });
    expect(expectProblem(await post({ version: 7 }), 400, { fields: ['agenda.1.version'] }).errors?.[0]).toMatchObject({ code: 'no-such-version' });
    expectProblem(await post({ clauseIds: [doc.version.clauses[0].id, '00000000-0000-4000-8000-000000000000'] }), 400, { fields: ['agenda.1.clauseIds.1'] });
    expectProblem(await post({ clauseIds: [doc.version.clauses[0].id], documentId: undefined }), 400, { fields: ['agenda.1.documentId'] });
    expect(await meetingCounts(t)).toEqual(before);
    const ok = await post({ version: 1, clauseIds: [doc.version.clauses[1].id] });
    expect(ok.status).toBe(201);
    expect(ok.body.agenda[1]).toMatchObject({ document: { id: doc.id, version: 1 }, clauseIds: [doc.version.clauses[1].id] });
  });

  it('a chair records a member present and adds an attendee to the list, and withdraws their request; never a non-member', async () => {
    const m = await scheduleMeeting(g.chair.client, g.id);
    const act = meetingActs(m.id);
    await act.open(g.chair.client);
    expect(expectProblem(await act.attend(g.chair.client, { mode: 'in-person', personId: g.outsider.id }), 403).code).toBe('meeting-members-only');
    expect(expectProblem(await act.ask(g.chair.client, m.agenda[0].id, { personId: g.company.id }), 403).code).toBe('floor-attendees-only');
    await act.attend(g.chair.client, { mode: 'in-person', personId: g.company.id });
    const added = await act.ask(g.chair.client, m.agenda[1].id, { personId: g.company.id });
    expect(added.status).toBe(201);
    const req = added.body.floor.queue[0];
    expect(req).toMatchObject({ person: { id: g.company.id }, byChair: true, itemId: m.agenda[1].id });
    const withdrawn = await act.withdraw(g.rapporteur.client, req.id);
    expect(withdrawn.body.floor.past[0]).toMatchObject({ id: req.id, state: 'withdrawn' });
    const evs = (await auditEvents(t.baseUrl, `wg:${g.id}`)).filter((e) => e.subjectId === m.id);
    expect(evs.map((e) => e.action)).toEqual([
      'meeting.scheduled',
      'meeting.opened',
      'meeting.attendance-recorded',
      'meeting.floor-requested',
      'meeting.floor-withdrawn',
    ]);
    expect(evs[2]).toMatchObject({ actorId: g.chair.id, change: { attendee: { id: g.company.id }, byChair: true, voting: true, mode: 'in-person' } });
    expect(evs[3].change).toMatchObject({ byChair: true, speaker: { id: g.company.id }, kind: 'speech' });
    expect(evs[4]).toMatchObject({ actorId: g.rapporteur.id, change: { byChair: true } });
  });
});
