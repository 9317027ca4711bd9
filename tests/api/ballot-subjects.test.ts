import type {
  AmendmentResponse,
  BallotListResponse,
  BallotResponse,
  ChairNominationResponse,
  ChairRemovalMotionResponse,
  DocumentResponse,
  OpenedBallotResponse,
  WorkingGroupResponse,
} from '@parley/contracts';
import { BallotSubjectDetails1795500000200 } from '../../migrations/1795500000200-ballot-subject-details';
import { auditEvents } from '../support/expectations';
import { clauseByLabel, type DraftingGroup, newDraftingGroup, newParisCallDocument } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

/**
 * A ballot the system opens on a subject says what it is about as data (`subject.details`), so the
 * web can give its title in the reader's language; the English title stays, for API clients and the
 * audit record. Free motions have no details and keep their written title.
 */
describe('ballots opened on a subject describe it as data', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let groupName: string;
  const anon = () => new ApiClient(t.baseUrl);
  const ballot = async (id: string) => (await anon().get<BallotResponse>(`/api/ballots/${id}`)).body;
  const openedEvent = async (ballotId: string) => (await auditEvents(t.baseUrl, `wg:${g.id}`)).find((e) => e.action === 'ballot.opened' && e.subjectId === ballotId)!;
  const propose = async (body: Record<string, unknown>) => {
    const res = await g.ngo.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { baseVersion: 1, rationale: 'Because it matters.', ...body });
    if (res.status !== 201) throw new Error(`propose failed ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const putToBallot = async (a: AmendmentResponse) => {
    const res = await g.chair.client.post<AmendmentResponse>(`/api/amendments/${a.id}/ballot`, { closesAt: inAnHour() });
    if (res.status !== 201) throw new Error(`open ballot failed ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.ballotId!;
  };

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    groupName = (await anon().get<WorkingGroupResponse>(`/api/working-groups/${g.id}`)).body.name;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an amendment ballot: kind, clause label, document title and version, in the ballot, the group’s list and ballot.opened', async () => {
    const replace = await propose({ kind: 'replace', targetClauseId: clauseByLabel(doc, '4.').id, text: 'Prevent ICT-enabled theft of intellectual property.' });
    const id = await putToBallot(replace);
    const details = { type: 'amendment', kind: 'replace', clauseLabel: '4.', atStart: false, documentTitle: 'Paris Call — draft principles', version: 1 };

    const b = await ballot(id);
    expect(b.subject).toEqual({ type: 'amendment', id: replace.id, details });
    expect(b.title).toBe('Amendment: Replace clause 4. of “Paris Call — draft principles” (version 1)');
    const listed = (await anon().get<BallotListResponse>(`/api/working-groups/${g.id}/ballots`)).body.items.find((i) => i.id === id)!;
    expect(listed.subject).toEqual(b.subject);
    expect((await openedEvent(id)).change).toMatchObject({ title: b.title, subject: { type: 'amendment', id: replace.id, details } });
  });

  it('an insertion at the start and a deletion say where they apply', async () => {
    const atStart = await propose({ kind: 'insert', afterClauseId: null, clauseKind: 'preamble', text: 'Recalling the Charter of the United Nations,' });
    expect((await ballot(await putToBallot(atStart))).subject.details).toEqual({
      type: 'amendment',
      kind: 'insert',
      clauseLabel: null,
      atStart: true,
      documentTitle: 'Paris Call — draft principles',
      version: 1,
    });
    const deletion = await propose({ kind: 'delete', targetClauseId: clauseByLabel(doc, '8.').id });
    expect((await ballot(await putToBallot(deletion))).subject.details).toMatchObject({ kind: 'delete', clauseLabel: '8.', atStart: false });
  });

  it('an adoption ballot: the document title and version', async () => {
    // The amendment ballots above are still open on version 1: the chair acknowledges it (decision record 0029).
    const res = await g.chair.client.post<OpenedBallotResponse>(`/api/documents/${doc.id}/versions/1/adoption-ballot`, { closesAt: inAnHour(), acknowledgedWarnings: ['open-amendment-ballots'] });
    expect(res.status).toBe(201);
    const b = await ballot(res.body.ballotId);
    expect(b.subject).toEqual({ type: 'adoption', id: expect.any(String), details: {
        type: 'adoption',
        documentTitle: 'Paris Call — draft principles',
        version: 1,
        // what the vote is on in each language (decision 0045): no authentic language besides the original here
        languageVersions: { originalLanguage: 'en', authenticLanguages: [], texts: [] },
      },
    });
    expect(b.title).toBe('Adopt version 1 of “Paris Call — draft principles”');
  });

  it('chair confirmation and chair removal ballots: the person, their organisation and the group', async () => {
    const nomination = await g.government.client.post<ChairNominationResponse>(`/api/working-groups/${g.id}/chair-nominations`, { nomineeId: g.ngo.id });
    expect(nomination.status).toBe(201);
    const accepted = await g.ngo.client.post<ChairNominationResponse>(`/api/chair-nominations/${nomination.body.id}/acceptance`, {});
    expect(accepted.status).toBe(200);
    const confirmation = await ballot(accepted.body.ballot!.id);
    const ngo = { personName: g.ngo.name, organisationName: g.ngo.snapshot.organisationName, groupName };
    expect(confirmation.subject).toEqual({ type: 'chair-confirmation', id: nomination.body.id, details: { type: 'chair-confirmation', ...ngo } });
    expect(confirmation.title).toBe(`Confirm ${g.ngo.name} (${g.ngo.snapshot.organisationName}) as chair of ${groupName}`);

    const term = (await anon().get<WorkingGroupResponse>(`/api/working-groups/${g.id}`)).body.chairs.find((c) => c.person.id === g.chair.id)!;
    const motion = await g.government.client.post<ChairRemovalMotionResponse>(`/api/chair-terms/${term.termId}/removal-motions`, { reason: 'Time for a change.' });
    expect(motion.status).toBe(201);
    const removal = await ballot(motion.body.ballotId);
    expect(removal.subject.details).toEqual({ type: 'chair-removal', personName: g.chair.name, organisationName: g.chair.snapshot.organisationName, groupName });
    expect((await openedEvent(removal.id)).change).toMatchObject({ subject: { type: 'chair-removal', id: term.termId, details: removal.subject.details } });
  });

  it('a free motion has no details and keeps its written title', async () => {
    const res = await g.chair.client.post<BallotResponse>('/api/ballots', { workingGroupId: g.id, subjectType: 'motion', title: 'That the group meets in Geneva', closesAt: inAnHour() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ subject: { type: 'motion', id: null, details: null }, title: 'That the group meets in Geneva' });
    expect((await openedEvent(res.body.id)).change.subject).toEqual({ type: 'motion', id: null });
  });

  it('the database keeps the details with the ballot’s fixed terms', async () => {
    const [open] = await t.dataSource.query(`SELECT id FROM ballots WHERE working_group_id = $1 AND subject_type = 'adoption'`, [g.id]);
    await expect(t.dataSource.query(`UPDATE ballots SET subject_details = '{"type":"adoption","documentTitle":"Other","version":1}' WHERE id = $1`, [open.id])).rejects.toThrow(/terms never change/);
    await expect(
      t.dataSource.query(`INSERT INTO ballots (working_group_id, subject_type, title, rule, counting_unit, quorum, quorum_per_stakeholder_group, visibility, tallies, require_reason_for_no, opened_by, opened_at, closes_at, electorate_size, subject_details)
        SELECT working_group_id, 'motion', 'x', rule, counting_unit, quorum, quorum_per_stakeholder_group, visibility, tallies, require_reason_for_no, opened_by, opened_at, closes_at, electorate_size, '{"type":"adoption"}' FROM ballots WHERE id = $1`, [open.id]),
    ).rejects.toThrow(/check constraint/);
  });

  it('the migration reverts and applies again (in a transaction rolled back)', async () => {
    const runner = t.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      const migration = new BallotSubjectDetails1795500000200();
      await migration.down(runner);
      expect(await runner.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'ballots' AND column_name = 'subject_details'`)).toEqual([]);
      await migration.up(runner);
      expect(await runner.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'ballots' AND column_name = 'subject_details'`)).toHaveLength(1);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
