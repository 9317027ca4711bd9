import type { BallotResponse, ChairTermListResponse, CirculationListResponse, WorkingGroupListResponse } from '@parley/contracts';
import { DemoSeeder } from '../../apps/api/src/demo/demo-seeder';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

describe('demo working groups (fixtures/paris-call/working-groups.json)', () => {
  let t: TestApp;
  let list: WorkingGroupListResponse;
  const PROCESSES = 'Working group on cybersecurity processes';
  const NORMS = 'Working group on international norms';
  const IMPLEMENTATION = 'Working group on multistakeholder implementation';

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoSeeder).seed();
    list = (await new ApiClient(t.baseUrl).get<WorkingGroupListResponse>('/api/working-groups')).body;
  });
  afterAll(() => t.close());

  const byName = (name: string) => list.items.find((g) => g.name === name)!;

  it('loads the three groups, convened by a delegate (not the steward), with their members and chairs', () => {
    expect(list.items.map((g) => g.name).sort()).toEqual([PROCESSES, NORMS, IMPLEMENTATION].sort());
    expect(byName(NORMS).convener.name).toBe('Claire Dubois');
    expect(byName(IMPLEMENTATION).convener.snapshot.organisationName).toBe('Microsoft');
    // Members listed plus chairs (who sit as members).
    expect(byName(PROCESSES).counts.members).toBe(7 + 3);
    expect(byName(NORMS).counts.members).toBe(9 + 3);
    expect(byName(IMPLEMENTATION).counts.members).toBe(11 + 2);
    expect(byName(NORMS).chairs.map((c) => c.snapshot.organisationName).sort()).toEqual(['F-Secure', 'Microsoft', 'University of Florence research centre']);
    expect(list.items.every((g) => g.status === 'active')).toBe(true);
  });

  it('the two groups whose chairs nobody confirmed show the chair-unconfirmed alarm, once per chair', () => {
    for (const name of [PROCESSES, NORMS]) {
      const unconfirmed = byName(name).alarms.filter((a) => a.code === 'chair-unconfirmed');
      expect([name, unconfirmed.length]).toEqual([name, 3]);
      expect(byName(name).chairs.every((c) => !c.confirmed)).toBe(true);
    }
    const message = byName(NORMS).alarms.find((a) => a.code === 'chair-unconfirmed')!.message;
    expect(message).toMatch(/has chaired since \d{4}-\d{2}-\d{2} without a confirming ballot/);
    // Since a day months before the demo was loaded, not the day it was loaded.
    const since = /since (\d{4}-\d{2}-\d{2})/.exec(message)![1];
    expect(Date.now() - Date.parse(`${since}T00:00:00Z`)).toBeGreaterThan(150 * 86_400_000);
  });

  it('the third group’s chairs were confirmed by real chambered ballots; it carries the private-sector alarms instead', async () => {
    const g = byName(IMPLEMENTATION);
    expect(g.chairs.map((c) => [c.snapshot.organisationName, c.confirmed]).sort()).toEqual([
      ['Carnegie Endowment for International Peace', true],
      ['Mexico', true],
    ]);
    expect(g.alarms.map((a) => a.code)).not.toContain('chair-unconfirmed');
    expect(g.alarms.map((a) => a.code)).toEqual(expect.arrayContaining(['stakeholder-group-above-cap', 'most-private-sector-members']));
    expect(list.crossGroupAlarms).toEqual([expect.objectContaining({ code: 'most-private-sector-members', params: expect.objectContaining({ workingGroupId: g.id }) })]);
    for (const other of [PROCESSES, NORMS]) expect(byName(other).alarms.map((a) => a.code)).not.toContain('most-private-sector-members');

    const terms = (await new ApiClient(t.baseUrl).get<ChairTermListResponse>(`/api/chair-terms?workingGroup=${g.id}`)).body.items;
    expect(terms).toHaveLength(2);
    for (const term of terms) {
      expect(term.confirmingBallot).toMatchObject({ outcome: 'passed' });
      const ballot = (await new ApiClient(t.baseUrl).get<BallotResponse>(`/api/ballots/${term.confirmingBallot!.id}`)).body;
      expect(ballot).toMatchObject({ rule: 'chambered', status: 'closed', outcome: 'passed', subject: { type: 'chair-confirmation' } });
      // Closed at its closing time, a week after it opened, months ago; the chair took office then.
      const [opened, closes, closed] = [ballot.openedAt, ballot.closesAt, ballot.closedAt!].map((at) => new Date(at).getTime());
      expect(ballot.closedBy).toBeNull();
      expect(closed - closes).toBeGreaterThanOrEqual(0);
      expect(closed - closes).toBeLessThan(1000);
      expect(Math.round((closes - opened) / 86_400_000)).toBe(7);
      expect(Date.now() - closed).toBeGreaterThan(120 * 86_400_000);
      expect(term.startedAt).toBe(ballot.closedAt);
    }
  });

  it('the unverified organisations show up in the alarms (U.S. Chamber of Commerce, GEODE)', () => {
    expect(byName(IMPLEMENTATION).alarms.find((a) => a.code === 'member-affiliation-unverified')!.message).toMatch(/U\.S\. Chamber of Commerce/);
  });

  it('the norms group admits by non-objection: the Internet Society was admitted over the United Kingdom’s signed, public objection, with the chair’s reason, readable without an account (decision 0039)', async () => {
    const circulations = (await new ApiClient(t.baseUrl).get<CirculationListResponse>(`/api/working-groups/${byName(NORMS).id}/circulations`)).body;
    expect(circulations.joinPolicy).toBe('non-objection');
    const isoc = circulations.items.find((r) => r.snapshot.organisationName === 'Internet Society')!;
    expect(isoc).toMatchObject({ kind: 'observer', status: 'admitted', outcome: 'admitted-over-objections', decidedBy: { snapshot: expect.objectContaining({ organisationName: 'Microsoft' }) } });
    expect(isoc.reason).toMatch(/objection is acknowledged/);
    expect(isoc.objections.map((o) => [o.objector.snapshot?.organisationName, o.withdrawnAt])).toEqual([['United Kingdom', null]]);
    expect(isoc.objections[0].reason).toMatch(/its staff or for its chapters/);
  });
});
