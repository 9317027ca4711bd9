import type { BallotResponse, DocumentResponse, DraftReportResponse, MeetingView, OpenedBallotResponse } from '@parley/contracts';
import { verifyChain } from '@parley/domain';
import { votersOf } from '../support/adoption-fixtures';
import { chainEvents } from '../support/ballot-fixtures';
import { newDraftingGroup, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { expectProblem } from '../support/expectations';
import { ApiClient } from '../support/http-client';
import { advanceClock, meetingActs, scheduleMeeting } from '../support/meeting-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(90_000);

const NBSP = '\u00a0';

/**
 * The report of a meeting (issue #21, decision 0043): once the meeting is closed, a chair or a
 * rapporteur drafts it, once, from the record (attendance, agenda, speaking time, the decisions the
 * group's audit log holds for the time it sat) as a document of the group, which the chair then
 * edits as a chair's text and the group adopts like any text.
 */
describe('meeting report', () => {
  let t: TestApp;
  let g: DraftingGroup;
  const anonymous = () => new ApiClient(t.baseUrl);
  const draft = (meetingId: string, who = g.chair, body: unknown = {}) => who.client.post<DraftReportResponse>(`/api/meetings/${meetingId}/report`, body);
  const counts = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM documents)::int AS documents, (SELECT count(*) FROM audit_events)::int AS events, (SELECT count(*) FROM meetings WHERE report_document_id IS NOT NULL)::int AS reports`,
      )
    )[0];
  /** The API's clock runs ahead of real time by this much: each turn moves it on by the turn's length. */
  let offset = 0;
  const ok = async (res: Promise<{ status: number; body: MeetingView }>): Promise<MeetingView> => {
    const r = await res;
    if (r.status >= 300) throw new Error(`meeting act: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  /** Schedules and opens a meeting through the meetings API (its chair runs it), its first item taken up. */
  const openMeeting = async (h: DraftingGroup, overrides: Record<string, unknown> = {}) => {
    const m = await scheduleMeeting(h.chair.client, h.id, {
      startsAt: new Date(Date.now() + offset).toISOString(),
      endsAt: new Date(Date.now() + offset + 3 * 3600_000).toISOString(),
      ...overrides,
    });
    const acts = meetingActs(m.id);
    await ok(acts.open(h.chair.client));
    return { id: m.id, itemIds: m.agenda.map((i) => i.id), acts };
  };
  /** A turn at the floor: the chair adds the speaker to the list, gives the floor, and ends the turn `seconds` later. */
  const turn = async (
    m: { acts: ReturnType<typeof meetingActs> },
    itemId: string,
    who: Delegate,
    seconds: number,
    kind: 'speech' | 'point-of-order' = 'speech',
  ) => {
    const asked = await ok(m.acts.ask(g.chair.client, itemId, { personId: who.id, kind }));
    const request = asked.floor.queue.find((r) => r.person.id === who.id)!;
    await ok(m.acts.give(g.chair.client, request.id));
    offset += seconds * 1000;
    advanceClock(t, offset);
    await ok(m.acts.end(g.chair.client, request.id));
  };
  /** A closed meeting with nothing in it but its chair's opening and closing. */
  const closedMeeting = async (title = 'A short sitting', h = g) => {
    const m = await openMeeting(h, { title });
    await ok(m.acts.close(h.chair.client));
    return m.id;
  };

  let meetingId: string;
  let ballotTitle: string;
  /** A second meeting, opened once the first is closed and sitting while its report is edited and adopted. */
  let next: Awaited<ReturnType<typeof openMeeting>>;

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    const m = await openMeeting(g, {
      title: 'Second reading',
      place: 'Room 4',
      onlineUrl: 'https://meet.example.org/wg',
      agenda: [{ title: 'Adoption of the agenda' }, { title: 'Second reading of the draft' }],
    });
    meetingId = m.id;
    await ok(m.acts.attend(g.chair.client, { mode: 'in-person', personId: g.government.id }));
    await ok(m.acts.attend(g.company.client, { mode: 'online' }));
    await ok(m.acts.attend(g.chair.client, { mode: 'in-person', personId: g.ngo.id }));
    await ok(m.acts.takeUp(g.chair.client, m.itemIds[1]));
    await turn(m, m.itemIds[1], g.government, 480);
    await turn(m, m.itemIds[1], g.company, 120);
    await turn(m, m.itemIds[1], g.ngo, 60);
    await turn(m, m.itemIds[1], g.government, 30, 'point-of-order');
    // A ballot opened and closed while the meeting sits.
    ballotTitle = 'That the group meets in Geneva';
    const opened = await g.chair.client.post<BallotResponse>('/api/ballots', {
      workingGroupId: g.id,
      subjectType: 'motion',
      title: ballotTitle,
      closesAt: new Date(Date.now() + offset + 3600_000).toISOString(),
    });
    expect(opened.status).toBe(201);
    for (const [i, v] of votersOf(g).entries())
      expect((await v.client.post(`/api/ballots/${opened.body.id}/votes`, { choice: i < 3 ? 'yes' : i === 3 ? 'no' : 'abstain' })).status).toBe(200);
    expect((await g.chair.client.post(`/api/ballots/${opened.body.id}/close`, { reason: 'Everyone voted.' })).status).toBe(200);
    await ok(m.acts.close(g.chair.client));
    next = await openMeeting(g, { title: 'Troisième lecture', place: null, onlineUrl: 'https://meet.example.org/wg' });
  });
  afterAll(() => t?.close());

  describe('refusals', () => {
    it('refuses while the meeting is planned or open (409 meeting-status, needed closed); nothing is written', async () => {
      const planned = await scheduleMeeting(g.chair.client, g.id, { title: 'Not yet' });
      const before = await counts();
      expect(expectProblem(await draft(planned.id), 409)).toMatchObject({ code: 'meeting-status', params: { status: 'planned', needed: 'closed' } });
      expect(expectProblem(await draft(next.id), 409)).toMatchObject({ code: 'meeting-status', params: { status: 'open', needed: 'closed' } });
      expect(await counts()).toEqual(before);
    });

    it('refuses members who neither chair nor report (403 editors-only), outsiders, and anonymous readers (401)', async () => {
      const id = await closedMeeting();
      const before = await counts();
      expect(expectProblem(await draft(id, g.ngo), 403)).toMatchObject({ code: 'editors-only' });
      expect(expectProblem(await draft(id, g.observer), 403)).toMatchObject({ code: 'editors-only' });
      expect(expectProblem(await draft(id, g.outsider), 403).code).toBeDefined();
      expectProblem(await anonymous().post(`/api/meetings/${id}/report`, {}), 401);
      expect(await counts()).toEqual(before);
    });

    it('refuses bad input naming the field, and answers 404 for a meeting that does not exist', async () => {
      const id = await closedMeeting();
      expectProblem(await draft(id, g.chair, { language: 'de' }), 400, { fields: ['language'] });
      expectProblem(await draft(id, g.chair, { language: 'en', extra: true }), 400);
      expectProblem(await g.chair.client.post('/api/meetings/not-a-uuid/report', {}), 400, { fields: ['id'] });
      expect(expectProblem(await draft('00000000-0000-4000-8000-000000000000'), 404)).toMatchObject({ code: 'not-found', params: { resource: 'meeting' } });
    });
  });

  describe('the report drafted from the record', () => {
    let doc: DocumentResponse;
    let drafted: DraftReportResponse;

    beforeAll(async () => {
      const res = await draft(meetingId);
      expect(res.status).toBe(201);
      drafted = res.body;
      doc = (await anonymous().get<DocumentResponse>(`/api/documents/${drafted.documentId}`)).body;
    });

    it('answers the meeting and its new document, a document of the group titled after the session', async () => {
      expect(drafted).toEqual({ meetingId, documentId: expect.any(String) });
      expect(doc).toMatchObject({ id: drafted.documentId, workingGroupId: g.id, title: 'Report of the session: Second reading' });
      const [row] = await t.dataSource.query(`SELECT report_document_id AS id FROM meetings WHERE id = $1`, [meetingId]);
      expect(row.id).toBe(drafted.documentId);
    });

    it('lists attendance by stakeholder group with each attendee’s organisation, the agenda, speaking time by group with its alarm, and the ballot’s result', async () => {
      const texts = doc.version.clauses.map((c) => c.text);
      expect(doc.version.clauses.filter((c) => c.kind === 'heading').map((c) => c.text)).toEqual(['Attendance', 'Agenda', 'Speaking time', 'Decisions']);
      expect(texts[0]).toMatch(/^“.+” met in session, “Second reading”, .+ \(Europe\/Paris\), at Room 4 and online\.$/);
      expect(texts).toContain(
        `The session was opened at ${texts.find((x) => x.startsWith('The session was opened'))!.slice(26, 31)} by ${g.chair.name} (${g.chair.snapshot.organisationName}).`,
      );
      expect(texts).toContain('3 people attended, 3 of them voting members.');
      expect(texts).toContain(`Governments (1 present): ${g.government.name} (${g.government.snapshot.organisationName}, in person, voting).`);
      expect(texts).toContain(`Private sector (1 present): ${g.company.name} (${g.company.snapshot.organisationName}, online, voting).`);
      expect(texts).toContain(`Civil society (1 present): ${g.ngo.name} (${g.ngo.snapshot.organisationName}, in person, voting).`);
      expect(texts).toEqual(expect.arrayContaining(['Adoption of the agenda', 'Second reading of the draft']));
      expect(texts).toContain(`The floor was taken for 11${NBSP}min 30${NBSP}s in 4 turns.`);
      expect(texts).toContain(
        `Governments spoke for 8${NBSP}min 30${NBSP}s (74%) in 2 turns: ${g.government.snapshot.organisationName} 8${NBSP}min 30${NBSP}s (74%).`,
      );
      expect(texts).toContain(`Private sector spoke for 2${NBSP}min (17%) in 1 turn: ${g.company.snapshot.organisationName} 2${NBSP}min (17%).`);
      expect(texts).toContain(`Civil society spoke for 1${NBSP}min (9%) in 1 turn: ${g.ngo.snapshot.organisationName} 1${NBSP}min (9%).`);
      expect(texts).toContain('Alarm: Governments held 74% of the speaking time, above the group’s cap of 50%.');
      expect(texts).toContain(`Ballot “${ballotTitle}”: passed, with 3 yes, 1 no and 1 abstention.`);
    });

    it('records document.created and meeting.report-drafted on the group’s chain, in one transaction, the chain intact', async () => {
      const events = await chainEvents(anonymous(), `wg:${g.id}`);
      const created = events.find((e) => e.action === 'document.created' && e.subjectId === drafted.documentId)!;
      const reported = events.find((e) => e.action === 'meeting.report-drafted' && e.subjectId === meetingId)!;
      expect(reported).toMatchObject({
        actorId: g.chair.id,
        change: { title: 'Second reading', documentId: drafted.documentId, documentTitle: 'Report of the session: Second reading' },
      });
      expect(reported.sequence).toBe(created.sequence + 1);
      expect(verifyChain(events as never).ok).toBe(true);
    });

    it('refuses a second draft (409 meeting-report-exists, naming the document); nothing is written', async () => {
      const before = await counts();
      expect(expectProblem(await draft(meetingId, g.rapporteur), 409)).toMatchObject({
        code: 'meeting-report-exists',
        params: { documentId: drafted.documentId },
      });
      expect(await counts()).toEqual(before);
    });

    it('the chair edits it as a chair’s text and the group adopts it by ballot; the adopted Markdown holds the text', async () => {
      const clauses = [
        ...doc.version.clauses.map((c) => ({ id: c.id, kind: c.kind, text: c.text })),
        { kind: 'operative' as const, text: 'The group thanks the host for the room.' },
      ];
      const issued = await g.chair.client.post<DocumentResponse>(`/api/documents/${doc.id}/chairs-texts`, {
        label: 'Draft report',
        standing: 'draft',
        office: 'chair',
        clauses,
      });
      expect(issued.status).toBe(201);
      expect(issued.body.version.number).toBe(2);
      const opened = await g.chair.client.post<OpenedBallotResponse>(`/api/documents/${doc.id}/versions/2/adoption-ballot`, {
        closesAt: new Date(Date.now() + offset + 3600_000).toISOString(),
      });
      expect(opened.status).toBe(201);
      const explained = await g.government.client.post(`/api/documents/${doc.id}/versions/2/explanations`, {
        kind: 'position',
        text: 'We support the report as a fair record.',
      });
      expect(explained.status).toBe(201);
      for (const v of votersOf(g)) expect((await v.client.post(`/api/ballots/${opened.body.ballotId}/votes`, { choice: 'yes' })).status).toBe(200);
      const closed = await g.chair.client.post<{ outcome: string }>(`/api/ballots/${opened.body.ballotId}/close`, { reason: 'Everyone voted.' });
      expect(closed.body.outcome).toBe('passed');
      const md = await anonymous().get<string>(`/api/documents/${doc.id}/versions/2/adopted.md`);
      expect(md.status).toBe(200);
      expect(md.body).toContain('Report of the session: Second reading');
      expect(md.body).toContain('The group thanks the host for the room.');
      expect(md.body).toContain(`Ballot “${ballotTitle}”: passed, with 3 yes, 1 no and 1 abstention.`);
    });
  });

  it('in French when asked: « Rapport de la séance : … », French headings and typography (a rapporteur drafts it)', async () => {
    const m = next;
    await ok(m.acts.attend(g.chair.client, { mode: 'online', personId: g.government.id }));
    await ok(m.acts.takeUp(g.chair.client, m.itemIds[0]));
    await turn(m, m.itemIds[0], g.government, 90);
    await ok(m.acts.close(g.chair.client));
    const res = await draft(m.id, g.rapporteur, { language: 'fr' });
    expect(res.status).toBe(201);
    const doc = (await anonymous().get<DocumentResponse>(`/api/documents/${res.body.documentId}`)).body;
    expect(doc.title).toBe(`Rapport de la séance${NBSP}: Troisième lecture`);
    const texts = doc.version.clauses.map((c) => c.text);
    expect(doc.version.clauses.filter((c) => c.kind === 'heading').map((c) => c.text)).toEqual([
      'Présences',
      'Ordre du jour',
      'Temps de parole',
      'Décisions',
      'Explications de position',
    ]);
    expect(texts[0]).toMatch(new RegExp(`s’est réuni en séance, «${NBSP}Troisième lecture${NBSP}», (le .+|du .+ au .+) \\(Europe/Paris\\), en ligne\\.$`)); // a session that runs past midnight in Paris reads « du … au … »
    expect(texts).toContain(`Gouvernements (1 présent)${NBSP}: ${g.government.name} (${g.government.snapshot.organisationName}, en ligne, votant).`);
    expect(texts).toContain(`Secteur privé${NBSP}: aucun présent.`);
    expect(texts).toContain(
      `Gouvernements${NBSP}: 1${NBSP}min 30${NBSP}s (100${NBSP}%) en 1 intervention${NBSP}; ${g.government.snapshot.organisationName} 1${NBSP}min 30${NBSP}s (100${NBSP}%).`,
    );
    // This meeting sat while the first one's report was edited and adopted: those decisions are in its record.
    expect(texts.filter((x) => x.startsWith('Scrutin'))).toEqual([
      `Scrutin «${NBSP}Adopt version 2 of “Report of the session: Second reading”${NBSP}»${NBSP}: adopté, par 5 pour, 0 contre et 0 abstention.`,
    ]);
    expect(texts.join('\n')).not.toContain(ballotTitle);
    expect(texts).toContain(`La version 2 de «${NBSP}Report of the session: Second reading${NBSP}» a été publiée comme texte de la présidence.`);
    expect(texts).toContain(`La version 2 de «${NBSP}Report of the session: Second reading${NBSP}» a été adoptée.`);
    expect(texts).toContain(
      `${g.government.name} (${g.government.snapshot.organisationName})${NBSP}: explication de position sur la version 2 de «${NBSP}Report of the session: Second reading${NBSP}».`,
    );
  });

  it('in Chinese when asked: 会议报告, Chinese headings, full-width punctuation, durations without spaces', async () => {
    const m = await openMeeting(g, { title: '第三次会议', place: '日内瓦', onlineUrl: null, agenda: [{ title: '通过议程' }] });
    await ok(m.acts.attend(g.chair.client, { mode: 'in-person', personId: g.government.id }));
    await ok(m.acts.takeUp(g.chair.client, m.itemIds[0]));
    await turn(m, m.itemIds[0], g.government, 90);
    await ok(m.acts.close(g.chair.client));
    const res = await draft(m.id, g.chair, { language: 'zh' });
    expect(res.status).toBe(201);
    const doc = (await anonymous().get<DocumentResponse>(`/api/documents/${res.body.documentId}`)).body;
    expect(doc.title).toBe('会议报告：第三次会议');
    const texts = doc.version.clauses.map((c) => c.text);
    expect(doc.version.clauses.filter((c) => c.kind === 'heading').map((c) => c.text)).toEqual(['出席情况', '议程', '发言时间', '决定']);
    expect(texts[0]).toMatch(/^“.+”于20\d\d年\d+月\d+日星期.+（Europe\/Paris）在日内瓦举行会议：“第三次会议”。$/u);
    expect(texts).toContain('共1人出席，其中1人为有表决权的成员。');
    expect(texts).toContain(`政府（1人出席）：${g.government.name}（${g.government.snapshot.organisationName}，现场，有表决权）。`);
    expect(texts).toContain('私营部门：无人出席。');
    expect(texts).toContain('通过议程');
    expect(texts).toContain('发言总时长1分钟30秒，共1次。');
    expect(texts).toContain(`政府发言1分钟30秒（100%），共1次：${g.government.snapshot.organisationName} 1分钟30秒（100%）。`);
    expect(texts).toContain('会议期间未作出任何决定。');
  });

  it('says so when no decision was taken while it sat', async () => {
    const h = await newDraftingGroup(t);
    const id = await closedMeeting('Quiet', h);
    const res = await draft(id, h.chair, { language: 'fr' });
    expect(res.status).toBe(201);
    const texts = (await anonymous().get<DocumentResponse>(`/api/documents/${res.body.documentId}`)).body.version.clauses.map((c) => c.text);
    expect(texts).toEqual(
      expect.arrayContaining(['Personne ne s’est présenté.', 'Personne n’a pris la parole.', 'Aucune décision n’a été prise pendant la séance.']),
    );
  });

  it('two drafts at once: one document, one 201 and one 409 (never a 500)', async () => {
    const id = await closedMeeting('Raced');
    const before = await counts();
    const answers = await Promise.all([draft(id, g.chair), draft(id, g.rapporteur), draft(id, g.chair, { language: 'fr' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) expect(expectProblem(a, 409)).toMatchObject({ code: 'meeting-report-exists' });
    const after = await counts();
    expect(after.documents).toBe(before.documents + 1);
    expect(after.reports).toBe(before.reports + 1);
  });
});
