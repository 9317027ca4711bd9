import type { AmendmentResponse, BracketView, CompilationResponse, DocumentResponse } from '@parley/contracts';
import { expectProblem } from '../support/expectations';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/**
 * The compilation text (issue #18, decision record 0032): one text of a version with every open
 * amendment and every open bracket with its options inline, attributed by person, organisation and
 * stakeholder group as at the act, filterable by stakeholder group. Public, like the document.
 */
describe('GET /api/documents/:id/versions/:n/compilation', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let byNgo: AmendmentResponse;
  let byCompany: AmendmentResponse;
  let bracket: BracketView;
  const anonymous = () => new ApiClient(t.baseUrl);
  const compilation = async (query = '') => {
    const res = await anonymous().get<CompilationResponse>(`/api/documents/${doc.id}/versions/1/compilation${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    const four = clauseByLabel(doc, '4.');
    byNgo = (await g.ngo.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { kind: 'replace', baseVersion: 1, targetClauseId: four.id, text: 'Prevent theft of trade secrets, protecting researchers.', rationale: 'Researchers.' })).body;
    // A government co-sponsors the NGO's amendment: attributed across groups.
    expect((await g.government.client.post(`/api/amendments/${byNgo.id}/cosponsors`)).status).toBe(201);
    byCompany = (await g.company.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { kind: 'insert', baseVersion: 1, afterClauseId: four.id, clauseKind: 'operative', text: 'Support industry-led standards.', rationale: 'Standards.' })).body;
    // A withdrawn amendment is not open: not in the compilation.
    const withdrawn = (await g.company.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { kind: 'delete', baseVersion: 1, targetClauseId: four.id, rationale: 'Redundant.' })).body;
    expect((await g.company.client.post(`/api/amendments/${withdrawn.id}/withdraw`)).status).toBe(200);
    // A bracket in clause 2, asked for by the government, with options from the company and the NGO.
    const two = clauseByLabel(doc, '2.');
    const passage = two.text.slice(0, 15);
    const opened = await g.government.client.post<BracketView>(`/api/documents/${doc.id}/brackets`, {
      version: 1,
      clauseId: two.id,
      start: 0,
      end: passage.length,
      passage,
      reason: 'Scope not agreed.',
      options: [{ text: 'Company wording', rationale: 'Narrower.' }],
    });
    expect(opened.status).toBe(201);
    bracket = opened.body;
    // The option was proposed by the government with the bracket; the company and the NGO add theirs.
    expect((await g.company.client.post(`/api/brackets/${bracket.id}/options`, { text: 'Industry wording' })).status).toBe(201);
    expect((await g.ngo.client.post(`/api/brackets/${bracket.id}/options`, { text: 'Civil-society wording' })).status).toBe(201);
  });
  afterAll(() => t?.close());

  it('shows every open amendment and bracket inline, in clause order, each attributed with organisation and stakeholder group', async () => {
    const c = await compilation();
    expect(c).toMatchObject({ documentId: doc.id, version: 1, isCurrent: true, group: null, atStart: [] });
    expect(c.clauses.map((x) => x.id)).toEqual(doc.version.clauses.map((x) => x.id));
    const four = c.clauses.find((x) => x.label === '4.')!;
    expect(four.amendments.map((a) => a.id)).toEqual([byNgo.id, byCompany.id]);
    expect(four.amendments[0]).toMatchObject({
      kind: 'replace',
      status: 'proposed',
      text: 'Prevent theft of trade secrets, protecting researchers.',
      author: { id: g.ngo.id, name: g.ngo.name, organisationName: g.ngo.snapshot.organisationName, stakeholderGroup: 'civil-society' },
      cosponsors: [expect.objectContaining({ id: g.government.id })],
      cosponsorGroups: ['government'],
    });
    expect(four.amendments[1]).toMatchObject({ kind: 'insert', author: { id: g.company.id, stakeholderGroup: 'private-sector' }, cosponsorGroups: [] });
    const two = c.clauses.find((x) => x.label === '2.')!;
    expect(two.brackets).toHaveLength(1);
    expect(two.brackets[0]).toMatchObject({ id: bracket.id, start: 0, reason: 'Scope not agreed.', requestedBy: { id: g.government.id, stakeholderGroup: 'government' } });
    expect(two.brackets[0].options.map((o) => [o.text, o.proposedBy.stakeholderGroup])).toEqual([
      ['Company wording', 'government'],
      ['Industry wording', 'private-sector'],
      ['Civil-society wording', 'civil-society'],
    ]);
    expect(two.negotiation.openBrackets).toBe(1);
    expect(c.totals).toEqual({ amendments: 2, brackets: 1, options: 3 });
  });

  it('filtered by stakeholder group, keeps only that group’s amendments, brackets and options', async () => {
    const company = await compilation('?group=private-sector');
    expect(company.group).toBe('private-sector');
    expect(company.clauses.flatMap((x) => x.amendments.map((a) => a.id))).toEqual([byCompany.id]);
    // The bracket was asked for by a government: it stays for the company's option in it, with that option only.
    expect(company.clauses.flatMap((x) => x.brackets.map((b) => b.options.map((o) => o.text)))).toEqual([['Industry wording']]);
    expect(company.totals).toEqual({ amendments: 1, brackets: 1, options: 1 });

    const ngo = await compilation('?group=civil-society');
    expect(ngo.clauses.flatMap((x) => x.amendments.map((a) => a.id))).toEqual([byNgo.id]);
    expect(ngo.clauses.flatMap((x) => x.brackets.map((b) => b.options.map((o) => o.text)))).toEqual([['Civil-society wording']]);

    const government = await compilation('?group=government');
    expect(government.clauses.flatMap((x) => x.amendments)).toEqual([]);
    expect(government.clauses.flatMap((x) => x.brackets.map((b) => b.options.map((o) => o.text)))).toEqual([['Company wording']]);
  });

  it('refuses an unknown group or version (400/404) and a missing document (404)', async () => {
    expectProblem(await anonymous().get(`/api/documents/${doc.id}/versions/1/compilation?group=lobbyists`), 400, { fields: ['group'] });
    expectProblem(await anonymous().get(`/api/documents/${doc.id}/versions/1/compilation?extra=1`), 400);
    expectProblem(await anonymous().get(`/api/documents/${doc.id}/versions/0/compilation`), 400, { fields: ['n'] });
    expectProblem(await anonymous().get(`/api/documents/${doc.id}/versions/7/compilation`), 404);
    expectProblem(await anonymous().get(`/api/documents/${g.id}/versions/1/compilation`), 404);
  });
});
