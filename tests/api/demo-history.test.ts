import type { BallotListResponse, ChairTermListResponse, DocumentResponse, DocumentSummary, ExplanationsResponse, SignatoriesResponse, WorkingGroupListResponse } from '@parley/contracts';
import { demoDraft } from '../support/demo-draft';
import { verifyChain, type AuditEvent } from '@parley/domain';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { PastTimeline } from '../../apps/api/src/platform/clock/past-timeline';
import { newPerson } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(180_000);

const DAY = 86_400_000;

/**
 * The demo reads like a process that has been running for months, dated relative to the day it is
 * loaded: groups convened months ago, chairs in office since, ballots opened and closed at their
 * times, one ballot still open; its audit log verifies and reads in time order, and every real act
 * comes after it. Only the loader can date anything in the past.
 */
describe('the demo is a history dated in the months before the day it is loaded', () => {
  let t: TestApp;
  let loadedAt: Date;
  let startDay: number;
  let demoEvents: AuditEvent[];
  let groups: WorkingGroupListResponse;
  const api = () => new ApiClient(t.baseUrl);
  const daysBefore = (iso: string) => (loadedAt.getTime() - new Date(iso).getTime()) / DAY;
  /** On which day, counted back from the day the demo was loaded (negative: after it). */
  const calendarDay = (iso: string) => Math.ceil((startDay - new Date(iso).getTime()) / DAY);
  const exportLog = async (): Promise<AuditEvent[]> => {
    const text = await (await fetch(`${t.baseUrl}/api/audit/export.jsonl`)).text();
    return text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditEvent);
  };

  beforeAll(async () => {
    t = await startTestApp();
    loadedAt = new Date();
    startDay = Date.UTC(loadedAt.getUTCFullYear(), loadedAt.getUTCMonth(), loadedAt.getUTCDate());
    await t.app.get(DemoSeeder).seed();
    demoEvents = await exportLog();
    groups = (await api().get<WorkingGroupListResponse>('/api/working-groups')).body;
  });
  afterAll(() => t.close());

  it('the groups were convened months ago, weeks apart, and their chairs have held office for months', async () => {
    const convened = groups.items.map((g) => daysBefore(g.createdAt)).sort((a, b) => b - a);
    expect(convened).toHaveLength(3);
    for (const days of convened) expect(days).toBeGreaterThan(150);
    expect(convened[0] - convened[2]).toBeGreaterThan(40);

    for (const g of groups.items) {
      expect(g.chairs.length).toBeGreaterThan(0);
      for (const chair of g.chairs) {
        expect(daysBefore(chair.startedAt)).toBeGreaterThan(150);
        expect(new Date(chair.startedAt).getTime()).toBeGreaterThan(new Date(g.createdAt).getTime());
      }
      // What a reader sees: "… has chaired since <a day months ago> without a confirming ballot".
      for (const alarm of g.alarms.filter((a) => a.code === 'chair-unconfirmed')) {
        const since = /has chaired since (\d{4}-\d{2}-\d{2})/.exec(alarm.message)![1];
        expect(daysBefore(`${since}T23:59:59Z`)).toBeGreaterThan(150);
      }
    }
    const terms = (await api().get<ChairTermListResponse>('/api/chair-terms')).body.items;
    expect(terms.length).toBe(8);
    for (const term of terms) expect(daysBefore(term.startedAt)).toBeGreaterThan(150);
  });

  it('the demo’s audit log verifies and reads as a history in time order, ending the day before it was loaded', () => {
    expect(verifyChain(demoEvents)).toMatchObject({ ok: true, events: demoEvents.length });
    const byScope = new Map<string, AuditEvent[]>();
    for (const e of demoEvents) byScope.set(e.scope, [...(byScope.get(e.scope) ?? []), e]);
    expect(byScope.size).toBe(4); // the platform and the three groups
    for (const chain of byScope.values()) {
      const times = [...chain].sort((a, b) => a.sequence - b.sequence).map((e) => new Date(e.occurredAt).getTime());
      for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
    }
    const times = demoEvents.map((e) => new Date(e.occurredAt).getTime());
    expect(Math.max(...times)).toBeLessThan(startDay);
    expect(daysBefore(new Date(Math.min(...times)).toISOString())).toBeGreaterThan(270);

    // Everyone registered before they acted, and each group was convened before anything happened in it.
    const registered = new Map(demoEvents.filter((e) => e.action === 'person.registered').map((e) => [e.subjectId, e.occurredAt]));
    for (const e of demoEvents.filter((x) => x.actorId)) expect([e.action, registered.get(e.actorId!)! <= e.occurredAt]).toEqual([e.action, true]);
    for (const [scope, chain] of byScope) if (scope !== 'platform') expect(chain.find((e) => e.sequence === 1)!.action).toBe('working-group.created');
  });

  it('nothing in the database is dated in the future except the open ballot’s closing time and the planned session', async () => {
    const columns: { table_name: string; column_name: string }[] = await t.dataSource.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('timestamp with time zone', 'timestamp without time zone', 'date')`,
    );
    expect(columns.length).toBeGreaterThan(20);
    const future: string[] = [];
    for (const { table_name, column_name } of columns) {
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}" > now()`);
      if (n > 0) future.push(`${table_name}.${column_name}: ${n}`);
    }
    // Deadlines ahead are the only future dates: the open ballot's closing time, the two ad refs' expiry days (decision 0032),
    // and the session planned a week ahead (issue #21), from its start to its end.
    expect(future.sort()).toEqual(['ballots.closes_at: 1', 'clause_ad_refs.expires_on: 2', 'meetings.ends_at: 1', 'meetings.starts_at: 1']);
    // Rows that used to take the database's now(): people, organisations and affiliations are as old as their acts.
    const [latest] = await t.dataSource.query(
      `SELECT (SELECT max(created_at) FROM people) AS people, (SELECT max(created_at) FROM organisations) AS organisations,
              (SELECT max(created_at) FROM affiliations) AS affiliations, (SELECT max(start_date)::text FROM affiliations) AS start`,
    );
    for (const at of [latest.people, latest.organisations, latest.affiliations] as Date[]) expect(daysBefore(at.toISOString())).toBeGreaterThan(250);
    // Every delegate had been in post at least a year when the demo was loaded.
    expect(calendarDay(`${latest.start}T00:00:00Z`)).toBeGreaterThanOrEqual(365);
  });

  it('one ballot is open to vote on, opened two days ago and closing in five; the others closed at their closing time, months ago', async () => {
    const ballots = (await Promise.all(groups.items.map(async (g) => (await api().get<BallotListResponse>(`/api/working-groups/${g.id}/ballots?limit=200`)).body.items))).flat();
    const open = ballots.filter((b) => b.status === 'open');
    expect(open).toHaveLength(1);
    expect(calendarDay(open[0].openedAt)).toBe(2);
    expect(calendarDay(open[0].closesAt)).toBe(-5);
    const closed = ballots.filter((b) => b.status === 'closed');
    // Two chair confirmations, three amendment ballots, two adoptions: the processes group's working methods (a week)
    // and the norms group's statement (by consensus over three days, with explanations of position).
    expect(closed).toHaveLength(7);
    for (const b of closed) {
      const late = new Date(b.closedAt!).getTime() - new Date(b.closesAt).getTime();
      expect([b.title, late >= 0 && late < 1000]).toEqual([b.title, true]);
      expect(daysBefore(b.closedAt!)).toBeGreaterThan(60);
      // From the two instants themselves (two readings of the clock would differ by the moment between them).
      const days = (new Date(b.closesAt).getTime() - new Date(b.openedAt).getTime()) / 86_400_000;
      // The opening is stamped when the service runs, a moment (a millisecond or two) after the demo chose the
      // closing time: three days by consensus, to the second; a week otherwise, to the second, and under eight days.
      if (b.rule === 'consensus') expect([b.title, days * 86_400 >= 3 * 86_400 - 1 && days <= 3]).toEqual([b.title, true]);
      else {
        expect(days * 86_400).toBeGreaterThanOrEqual(7 * 86_400 - 1);
        expect(days).toBeLessThan(8);
      }
    }
    const closings = demoEvents.filter((e) => e.action === 'ballot.closed');
    expect(closings.map((e) => [e.actorName, (e.change as { closedBy: string }).closedBy])).toEqual(closings.map(() => ['Parley (closing time)', 'closing-time']));
  });

  it('the draft’s versions are dated five and two months ago, and the chair’s Rev.1 yesterday', async () => {
    const norms = groups.items.find((g) => g.name === 'Working group on international norms')!;
    const summary = demoDraft((await api().get<{ items: DocumentSummary[] }>(`/api/working-groups/${norms.id}/documents`)).body.items);
    const doc = (await api().get<DocumentResponse>(`/api/documents/${summary.id}`)).body;
    const versions = doc.versions.map((v) => calendarDay(v.createdAt));
    expect(versions).toEqual([160, 60, 1]);
  });

  it('the norms group adopted a statement by consensus; the United Kingdom explained its position before, Senegal placed a reservation and Japan disassociated from OP3 after, all public', async () => {
    const norms = groups.items.find((g) => g.name === 'Working group on international norms')!;
    const summary = (await api().get<{ items: DocumentSummary[] }>(`/api/working-groups/${norms.id}/documents`)).body.items.find((d) => d.title.startsWith('Statement on the protection'))!;
    expect(summary).toMatchObject({ status: 'adopted', adoptedVersion: 1 });
    const read = (await api().get<ExplanationsResponse>(`/api/documents/${summary.id}/versions/1/explanations`)).body;
    expect(calendarDay(read.adoptedAt!)).toBe(162);
    expect(read.explanations.map((e) => [e.organisationName, e.kind, e.timing, e.paragraphs.map((p) => p.label), calendarDay(e.at)])).toEqual([
      ['United Kingdom', 'position', 'before', [], 164],
      ['Senegal', 'reservation', 'after', ['OP2'], 161],
      ['Japan', 'disassociation', 'after', ['OP3'], 161],
    ]);
    expect(read.disassociations).toEqual([expect.objectContaining({ label: 'OP3', organisations: [expect.objectContaining({ organisationName: 'Japan' })] })]);
  });

  it('the processes group adopted its working methods seven months ago; organisations endorsed them in the following days, and two more yesterday', async () => {
    const processes = groups.items.find((g) => g.name === 'Working group on cybersecurity processes')!;
    const [summary] = (await api().get<{ items: DocumentSummary[] }>(`/api/working-groups/${processes.id}/documents`)).body.items;
    expect(summary).toMatchObject({ status: 'adopted', adoptedVersion: 1 });
    const signatories = (await api().get<SignatoriesResponse>(`/api/documents/${summary.id}/versions/1/signatories`)).body;
    expect(calendarDay(signatories.adoptedAt!)).toBe(228);
    expect(signatories.signatories.map((e) => [e.organisation.name, calendarDay(e.endorsedAt)])).toEqual([
      ['Cigref', 227],
      ['France', 226],
      ['Airbus', 225],
      ['Access Now', 224],
      ['Siemens', 223],
      ['Microsoft', 1],
      ['Internet Society', 1],
    ]);
  });

  it('acts after the demo are dated now and follow it in the log; the demo is never loaded over them', async () => {
    await newPerson(t.baseUrl);
    const after = (await exportLog()).filter((e) => !demoEvents.some((d) => d.scope === e.scope && d.sequence === e.sequence));
    expect(after.map((e) => e.action)).toEqual(['person.registered']);
    expect(Math.abs(Date.now() - new Date(after[0].occurredAt).getTime())).toBeLessThan(60_000);
    await expect(t.app.get(DemoSeeder).seed()).rejects.toThrow(/empty database/);
  });

  it('a request made while a history is being told keeps the real time: no input reaches the past', async () => {
    const past = new Date(Date.now() - 100 * DAY);
    const person = await PastTimeline.tell(past, () => newPerson(t.baseUrl));
    const [row] = await t.dataSource.query(`SELECT created_at FROM people WHERE id = $1`, [person.id]);
    expect(Math.abs(Date.now() - (row.created_at as Date).getTime())).toBeLessThan(60_000);
    const event = (await exportLog()).find((e) => e.action === 'person.registered' && e.subjectId === person.id)!;
    expect(Math.abs(Date.now() - new Date(event.occurredAt).getTime())).toBeLessThan(60_000);
  });

  it('a history moves forward only, never reaches the present, and ends with its telling', async () => {
    const start = new Date(Date.now() - 10 * DAY);
    await expect(PastTimeline.tell(new Date(Date.now() + DAY), async () => undefined)).rejects.toThrow(/in the past/);
    let told: PastTimeline | null = null;
    await PastTimeline.tell(start, async (timeline) => {
      told = timeline;
      expect(PastTimeline.now()!.getTime()).toBe(start.getTime());
      expect(PastTimeline.now()!.getTime()).toBe(start.getTime() + 1);
      expect(() => timeline.moveTo(start)).toThrow(/forward only/);
      expect(() => timeline.moveTo(new Date(Date.now() + 1000))).toThrow(/in the past/);
      timeline.moveTo(new Date(start.getTime() + DAY));
      expect(PastTimeline.now()!.getTime()).toBe(start.getTime() + DAY);
    });
    expect(PastTimeline.now()).toBeNull();
    expect(() => told!.moveTo(new Date(start.getTime() + 2 * DAY))).toThrow(/has been told/);
  });
});
