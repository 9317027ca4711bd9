import type { AmendmentResponse, BallotResponse, ChairNominationResponse, ChairRemovalMotionResponse, DocumentResponse, WorkingGroupResponse } from '@parley/contracts';
import { newAdoptedDocument } from '../support/adoption-fixtures';
import { inAnHour, newChamber, openMotion } from '../support/ballot-fixtures';
import { clauseByLabel, type DraftingGroup, newDraftingGroup, newParisCallDocument } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * `GET /api/ballots/:id` carries what the ballot decides (`subjectView`), read where it lives: the
 * amendment's change against its clause with its proposer and co-sponsors, the version's clauses and
 * counts, the chair nominee's declarations and nomination in data (never English sentences).
 */
describe('a ballot read carries its subject', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  const ballot = async (id: string) => {
    const res = await new ApiClient(t.baseUrl).get<BallotResponse>(`/api/ballots/${id}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('an amendment ballot: the word diff against the clause, the proposer and co-sponsors with their affiliations, where it lives', async () => {
    const clause = clauseByLabel(doc, '4.');
    const text = clause.text.replace('including trade secrets', 'notably trade secrets');
    const proposed = await g.government.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { kind: 'replace', baseVersion: 1, targetClauseId: clause.id, text, rationale: 'Broader.' });
    expect(proposed.status).toBe(201);
    expect((await g.ngo.client.post(`/api/amendments/${proposed.body.id}/cosponsors`)).status).toBe(201);
    const opened = await g.chair.client.post<AmendmentResponse>(`/api/amendments/${proposed.body.id}/ballot`, { closesAt: inAnHour() });
    const b = await ballot(opened.body.ballotId!);
    const view = b.subjectView;
    expect(view).toMatchObject({
      type: 'amendment',
      amendmentId: proposed.body.id,
      status: 'balloting',
      kind: 'replace',
      documentId: doc.id,
      documentTitle: doc.title,
      version: 1,
      clauseId: clause.id,
      author: { id: g.government.id, name: g.government.name, snapshot: { organisationName: g.government.snapshot.organisationName } },
      cosponsors: [{ person: { id: g.ngo.id, name: g.ngo.name, snapshot: { organisationName: g.ngo.snapshot.organisationName } } }],
      appliedInVersion: null,
    });
    if (view?.type !== 'amendment') throw new Error('not an amendment view');
    expect(view.diff.filter((p) => p.op === 'delete').map((p) => p.text.trim())).toEqual(['including']);
    expect(view.diff.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual(['notably']);
    expect(view.diff.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe(clause.text);
    expect(b.workingGroup.id).toBe(g.id);
  });

  it('an adoption ballot: every clause of the version with its label, and where comments and amendments stand', async () => {
    const adopted = await newAdoptedDocument(t);
    const b = await ballot(adopted.ballotId);
    if (b.subjectView?.type !== 'adoption') throw new Error(`not an adoption view: ${JSON.stringify(b.subjectView)}`);
    const view = b.subjectView;
    expect(view).toMatchObject({ documentId: adopted.doc.id, documentTitle: adopted.doc.title, version: 1, adopted: true });
    expect(view.clauses.map((c) => ({ id: c.id, label: c.label, text: c.text }))).toEqual(adopted.doc.version.clauses.map((c) => ({ id: c.id, label: c.label, text: c.text })));
    expect(view.counts).toEqual({ comments: 0, unansweredClarifications: 0, openAmendments: 0, acceptedWaiting: 0, applied: 0 });
  });

  it('a chair confirmation: the nominee with their declarations, the nominator, the statement and term in data', async () => {
    const declared = await g.ngo.client.post('/api/me/declarations', { kind: 'board', organisationName: 'Open Networks Foundation', note: 'Board seat.' });
    expect(declared.status).toBe(201);
    const nomination = await g.company.client.post<ChairNominationResponse>(`/api/working-groups/${g.id}/chair-nominations`, { nomineeId: g.ngo.id, statement: 'Fair to all.' });
    const accepted = await g.ngo.client.post<ChairNominationResponse>(`/api/chair-nominations/${nomination.body.id}/acceptance`, {});
    expect(accepted.status).toBe(200);
    const b = await ballot(accepted.body.ballot!.id);
    expect(b.subjectView).toMatchObject({
      type: 'chair-confirmation',
      nominationId: nomination.body.id,
      nominationStatus: 'balloting',
      nominee: { id: g.ngo.id, name: g.ngo.name, snapshot: { organisationName: g.ngo.snapshot.organisationName } },
      declarations: [{ kind: 'board', organisationName: 'Open Networks Foundation', note: 'Board seat.' }],
      statement: 'Fair to all.',
      termEndsOn: null,
      nominatedBy: { id: g.company.id, name: g.company.name, snapshot: { organisationName: g.company.snapshot.organisationName } },
    });
    // The stored description stays as it was written (English), for API clients and old rows.
    expect(b.description).toContain('Nominated by');
  });

  it('a chair removal: the chair, their declarations, who moved it and why', async () => {
    const term = (await new ApiClient(t.baseUrl).get<WorkingGroupResponse>(`/api/working-groups/${g.id}`)).body.chairs.find((c) => c.person.id === g.chair.id)!;
    const motion = await g.government.client.post<ChairRemovalMotionResponse>(`/api/chair-terms/${term.termId}/removal-motions`, { reason: 'Time for a change.' });
    expect(motion.status).toBe(201);
    const b = await ballot(motion.body.ballotId);
    expect(b.subjectView).toMatchObject({
      type: 'chair-removal',
      chairTermId: term.termId,
      chair: { id: g.chair.id, name: g.chair.name },
      declarations: [],
      proposedBy: { id: g.government.id, name: g.government.name, snapshot: { organisationName: g.government.snapshot.organisationName } },
      reason: 'Time for a change.',
    });
  });

  it('a free motion has no subject view', async () => {
    const chamber = await newChamber(t.baseUrl, t.dataSource);
    const motion = await openMotion(chamber.chair, chamber.group);
    expect((await ballot(motion.id)).subjectView).toBeNull();
  });
});
