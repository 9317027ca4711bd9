import type { BallotResponse, RoomName, VoteResponse } from '@parley/contracts';
import type { VoteChoice } from '@parley/domain';
import { downloadCsv } from '../support/csv-download';
import { newDelegate } from '../support/factories';
import { admit, makeChair, newWorkingGroup, GroupFixture } from '../support/governance-fixtures';
import { ballotEvents, Delegate, openMotion } from '../support/ballot-fixtures';
import { ApiClient } from '../support/http-client';
import { newAdoptedDocument } from '../support/adoption-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { LiveClient } from './realtime-client';

/**
 * The hostile review's attack (issue 15, item 4): a secret ballot's published breakdown had a
 * sub-type cell of one voter (academia) showing "yes". Every place a secret ballot's breakdown is
 * published — the ballot's answer, the `ballot.closed` audit event (also what live rooms push),
 * the CSV export — must now withhold such cells and enough others that subtraction gives nothing.
 */
describe('secret ballots: disclosure control of published breakdowns', () => {
  let t: TestApp;
  let anon: ApiClient;
  let group: GroupFixture;
  let chair: Delegate;
  let government: Delegate[];
  let companies: Delegate[];
  let ngos: Delegate[];
  let academic: Delegate;

  const person = (stakeholderGroup: string, subtype: string) => newDelegate(t.baseUrl, { stakeholderGroup, subtype, country: 'FR' });

  beforeAll(async () => {
    t = await startTestApp();
    anon = new ApiClient(t.baseUrl);
    chair = await person('government', 'national');
    government = await Promise.all([1, 2, 3, 4, 5].map(() => person('government', 'national')));
    companies = await Promise.all([1, 2, 3, 4, 5].map(() => person('private-sector', 'company')));
    ngos = await Promise.all([1, 2, 3, 4, 5].map(() => person('civil-society', 'ngo')));
    academic = await person('civil-society', 'academia');
    group = await newWorkingGroup(t.dataSource, chair);
    for (const p of [chair, ...government, ...companies, ...ngos, academic]) await admit(t.dataSource, group, p);
    await makeChair(t.dataSource, group, chair);
  }, 120_000);
  afterAll(() => t.close());

  async function castAll(ballotId: string, votes: [Delegate, VoteChoice][]): Promise<void> {
    for (const [who, choice] of votes) {
      const res = await who.client.post<VoteResponse>(`/api/ballots/${ballotId}/votes`, {
        choice,
        ...(choice === 'recuse' ? { reason: 'declared conflict' } : {}),
      });
      expect(res.status).toBe(200);
    }
  }

  async function closed(ballotId: string): Promise<BallotResponse> {
    expect((await chair.client.post(`/api/ballots/${ballotId}/close`, { reason: 'Closed early in a test.' })).status).toBe(200);
    const res = await anon.get<BallotResponse>(`/api/ballots/${ballotId}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  const subtypeRow = (b: BallotResponse, subtype: string) => b.result!.bySubtype.find((s) => s.subtype === subtype)!;
  const groupRow = (b: BallotResponse, g: string) => b.result!.byStakeholderGroup.find((s) => s.stakeholderGroup === g)!;

  describe('a sub-type of one voter (the reported attack)', () => {
    let ballot: BallotResponse;
    beforeAll(async () => {
      const b = await openMotion(chair, group, { visibility: 'secret', rule: 'majority' });
      await castAll(b.id, [
        [chair, 'yes'],
        [government[0], 'yes'],
        [government[1], 'yes'],
        [government[2], 'no'],
        [government[3], 'no'],
        [government[4], 'no'],
        [companies[0], 'yes'],
        [companies[1], 'yes'],
        [companies[2], 'yes'],
        [companies[3], 'no'],
        [companies[4], 'no'],
        [ngos[0], 'yes'],
        [ngos[1], 'yes'],
        [ngos[2], 'yes'],
        [ngos[3], 'no'],
        [ngos[4], 'no'],
        [academic, 'yes'],
      ]);
      ballot = await closed(b.id);
    }, 60_000);

    it('the academic’s cell is withheld in the ballot’s answer, and so is its sibling (civil society less NGOs would give it back); totals and outcome stay whole', () => {
      expect(subtypeRow(ballot, 'academia')).toEqual(
        expect.objectContaining({ eligible: 1, yes: null, no: null, abstain: null, recuse: null, notVoted: null, withheld: true }),
      );
      expect(subtypeRow(ballot, 'ngo')).toEqual(expect.objectContaining({ eligible: 5, yes: null, withheld: true }));
      expect(groupRow(ballot, 'civil-society')).toMatchObject({ eligible: 6, yes: 4, no: 2 });
      expect(ballot.result!.disclosureControl).toEqual({ threshold: 5, withheldStakeholderGroups: [], withheldSubtypes: ['ngo', 'academia'] });
      // Totals, participation and outcome stay whole.
      expect(ballot.result).toMatchObject({
        outcome: 'passed',
        totals: { yes: 10, no: 7, abstain: 0, recuse: 0, notVoted: 0 },
        participation: { participants: 17, base: 17 },
      });
      expect(ballot.outcome).toBe('passed');
    });

    it('no published parent less its published children leaves a single withheld cell', () => {
      const r = ballot.result!;
      expect(r.bySubtype.filter((s) => 'withheld' in s).length).toBeGreaterThanOrEqual(2);
      for (const g of r.byStakeholderGroup) {
        const hidden = r.bySubtype.filter((s) => s.stakeholderGroup === g.stakeholderGroup && s.eligible > 0 && 'withheld' in s);
        expect([g.stakeholderGroup, hidden.length === 1]).toEqual([g.stakeholderGroup, false]);
      }
      expect(r.byStakeholderGroup.filter((g) => 'withheld' in g).length === 1).toBe(false);
    });

    it('the CSV export leaves the withheld rows’ counts empty and says they are withheld', async () => {
      const csv = await downloadCsv(`${t.baseUrl}/api/ballots/${ballot.id}/votes.csv`);
      expect(csv.status).toBe(200);
      expect(csv.hasBom).toBe(true);
      const lines = csv.lines;
      expect(lines[0].endsWith(',withheld')).toBe(true);
      const academia = lines.find((l) => l.includes(',subtype,civil-society,academia,'))!;
      expect(academia.split(',').slice(-7)).toEqual(['1', '', '', '', '', '', 'true']);
      const ngo = lines.find((l) => l.includes(',subtype,civil-society,ngo,'))!;
      expect(ngo.split(',').slice(-7)).toEqual(['5', '', '', '', '', '', 'true']);
    });
  });

  it('an adopted text’s Markdown export withholds its secret adoption ballot’s rows and says why', async () => {
    const adopted = await newAdoptedDocument(t, { visibility: 'secret' });
    const md = await anon.get<string>(`/api/documents/${adopted.doc.id}/versions/1/adopted.md`);
    expect(md.status).toBe(200);
    expect(md.body).toContain('| Government | withheld | withheld | withheld | withheld | withheld |');
    expect(md.body).toMatch(/\| Civil society \| withheld /);
    // No vote-count row for a group (five numeric columns; the provenance table has two).
    expect(md.body).not.toMatch(/\| (Government|Private sector|Civil society) \| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \|/);
    expect(md.body).toContain('Rows marked “withheld” are not published: on a secret ballot a breakdown of fewer than 5 voters');
  }, 60_000);

  describe('a stakeholder group where everyone voted alike', () => {
    let ballot: BallotResponse;
    let live: LiveClient;
    beforeAll(async () => {
      const b = await openMotion(chair, group, { visibility: 'secret', rule: 'chambered' });
      // Someone watching the ballot's room, anonymously, while it closes.
      live = await LiveClient.connect(t.baseUrl, {});
      expect(await live.join(`ballot:${b.id}` as RoomName, 0)).toMatchObject({ ok: true });
      // Five companies all say yes: published, that row would tell each company's vote.
      await castAll(b.id, [
        [chair, 'yes'],
        [government[0], 'yes'],
        [government[1], 'yes'],
        [government[2], 'yes'],
        [government[3], 'no'],
        [government[4], 'abstain'],
        ...companies.map((p): [Delegate, VoteChoice] => [p, 'yes']),
        [ngos[0], 'yes'],
        [ngos[1], 'yes'],
        [ngos[2], 'no'],
        [ngos[3], 'no'],
        [ngos[4], 'no'],
        [academic, 'abstain'],
      ]);
      ballot = await closed(b.id);
    }, 60_000);

    it('withholds the unanimous group and a complement, in the answer and in the explanation', () => {
      expect(groupRow(ballot, 'private-sector')).toEqual(expect.objectContaining({ eligible: 5, yes: null, withheld: true }));
      const withheld = ballot.result!.disclosureControl!.withheldStakeholderGroups;
      expect(withheld).toContain('private-sector');
      expect(withheld.length).toBeGreaterThanOrEqual(2);
      expect(subtypeRow(ballot, 'company')).toEqual(expect.objectContaining({ withheld: true, yes: null }));
      expect(ballot.result!.explanation).not.toMatch(/private-sector 5 yes/);
      expect(ballot.result!.explanation).toMatch(/are withheld/);
      expect(ballot.result!.outcome).toBe('failed'); // civil society: 2 yes – 3 no
      expect(ballot.result!.totals).toEqual({ yes: 11, no: 4, abstain: 2, recuse: 0, notVoted: 0 });
    });

    it('the ballot.closed audit event (what live rooms push too) records the controlled breakdown, not the counts', async () => {
      const events = await ballotEvents(anon, group, ballot.id);
      const closedEvent = events.find((e) => e.action === 'ballot.closed')!;
      const change = closedEvent.change as {
        byStakeholderGroup: { stakeholderGroup: string; yes: number | null }[];
        explanation: string;
        disclosureControl: unknown;
      };
      expect(change.byStakeholderGroup.find((g) => g.stakeholderGroup === 'private-sector')).toMatchObject({ yes: null, withheld: true });
      expect(change.explanation).toBe(ballot.result!.explanation);
      expect(change.disclosureControl).toEqual(ballot.result!.disclosureControl);
      expect(JSON.stringify(change)).not.toMatch(/"stakeholderGroup":"private-sector","yes":5/);
    });

    it('the live push of the close to the ballot’s room carries the same controlled breakdown', async () => {
      await live.waitFor('ballot.closed pushed', () => live.in(`ballot:${ballot.id}`).some((e) => e.action === 'ballot.closed'));
      const pushed = live.in(`ballot:${ballot.id}`).find((e) => e.action === 'ballot.closed')!;
      const rows = (pushed.change as { byStakeholderGroup: { stakeholderGroup: string; yes: number | null }[] }).byStakeholderGroup;
      expect(rows.find((g) => g.stakeholderGroup === 'private-sector')).toMatchObject({ yes: null, withheld: true });
    });
    afterAll(() => live?.close());
  });
});
