import type { AdoptionPreflightResponse, BracketListResponse, BracketView, DocumentResponse, ProvenanceResponse } from '@parley/contracts';
import { auditEvents, expectProblem } from '../support/expectations';
import { clauseByLabel, newDraftingGroup, newParisCallDocument, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { LiveClient } from './realtime-client';

jest.setTimeout(60_000);

/**
 * Brackets and options (issue #18, decision 0031): a delegation brackets a passage with an option,
 * another proposes a competing one, each attributed with its affiliation then; a chair or rapporteur
 * removes the bracket with a reason; the chosen option replaces the passage at the next consolidation;
 * open brackets are an adoption warning.
 */
describe('brackets and options', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let live: LiveClient;
  const anonymous = () => new ApiClient(t.baseUrl);
  const events = () => auditEvents(t.baseUrl, `wg:${g.id}`);
  const list = async (version?: number) => {
    const res = await anonymous().get<BracketListResponse>(`/api/documents/${doc.id}/brackets${version ? `?version=${version}` : ''}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const clause1 = () => clauseByLabel(doc, '1.');
  const clause2 = () => clauseByLabel(doc, '2.');
  const passageIn = (text: string, passage: string) => {
    const start = text.indexOf(passage);
    if (start < 0) throw new Error(`no “${passage}”`);
    return { start, end: start + passage.length, passage };
  };
  const openOn = (who: Delegate, body: Record<string, unknown>) =>
    who.client.post<BracketView>(`/api/documents/${doc.id}/brackets`, { version: 1, reason: 'Our capital has not agreed this wording.', ...body });
  let significant: BracketView;

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    live = await LiveClient.connect(t.baseUrl);
    expect(await live.join(`doc:${doc.id}`, 0)).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    live?.close();
    await t?.close();
  });

  it('lists no bracket at first, and says who may do what', async () => {
    expect(await list()).toEqual({ documentId: doc.id, version: 1, brackets: [], can: { open: false, proposeOption: false, remove: false } });
    const asMember = await g.ngo.client.get<BracketListResponse>(`/api/documents/${doc.id}/brackets`);
    expect(asMember.body.can).toEqual({ open: true, proposeOption: true, remove: false });
    const asObserver = await g.observer.client.get<BracketListResponse>(`/api/documents/${doc.id}/brackets`);
    expect(asObserver.body.can).toEqual({ open: false, proposeOption: false, remove: false });
    const asRapporteur = await g.rapporteur.client.get<BracketListResponse>(`/api/documents/${doc.id}/brackets`);
    expect(asRapporteur.body.can.remove).toBe(true);
  });

  it('a delegation brackets a passage with an option, attributed with its affiliation; published live to the document’s room', async () => {
    const res = await openOn(g.ngo, {
      clauseId: clause1().id,
      ...passageIn(clause1().text, 'significant'),
      options: [{ text: 'substantial', rationale: 'The threshold used in our national law.' }],
    });
    expect(res.status).toBe(201);
    significant = res.body;
    expect(significant).toMatchObject({
      documentId: doc.id,
      clauseId: clause1().id,
      ...passageIn(clause1().text, 'significant'),
      openedInVersion: 1,
      reason: 'Our capital has not agreed this wording.',
      status: 'open',
      removal: null,
      requestedBy: { id: g.ngo.id, snapshot: { organisationName: g.ngo.organisation.name, stakeholderGroup: 'civil-society' } },
    });
    expect(significant.options).toEqual([
      expect.objectContaining({
        text: 'substantial',
        rationale: 'The threshold used in our national law.',
        mergedInto: null,
        proposedBy: expect.objectContaining({ id: g.ngo.id, snapshot: expect.objectContaining({ organisationName: g.ngo.organisation.name }) }),
      }),
    ]);
    const opened = (await events()).filter((e) => e.action === 'bracket.opened');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      subjectId: significant.id,
      actorId: g.ngo.id,
      actorSnapshot: { stakeholderGroup: 'civil-society' },
      change: { passage: 'significant', options: [expect.objectContaining({ text: 'substantial' })] },
    });
    await live.waitFor('bracket.opened live', () => live.in(`doc:${doc.id}`).some((e) => e.action === 'bracket.opened'));
  });

  it('another organisation proposes a competing option, attributed to its own stakeholder group', async () => {
    const res = await g.company.client.post<BracketView>(`/api/brackets/${significant.id}/options`, {
      text: 'serious',
      rationale: 'Industry reads “significant” too widely.',
    });
    expect(res.status).toBe(201);
    expect(res.body.options.map((o) => [o.text, o.proposedBy.id, o.proposedBy.snapshot?.stakeholderGroup])).toEqual([
      ['substantial', g.ngo.id, 'civil-society'],
      ['serious', g.company.id, 'private-sector'],
    ]);
    significant = res.body;
    const listed = await list();
    expect(listed.brackets).toEqual([significant]);
  });

  it('refuses bad input with a 400 naming the field, and changes nothing', async () => {
    const before = { events: (await events()).length, brackets: (await list()).brackets };
    const { start, end } = passageIn(clause1().text, 'indiscriminate');
    expectProblem(await openOn(g.government, { clauseId: clause1().id, start, end, passage: 'indiscriminatE' }), 400, { fields: ['passage'] });
    expectProblem(await openOn(g.government, { clauseId: clause1().id, start: start + 1, end: end + 1, passage: 'indiscriminate' }), 400, {
      fields: ['passage'],
    });
    const overlapping = passageIn(clause1().text, 'significant, indiscriminate');
    const overlap = expectProblem(await openOn(g.government, { clauseId: clause1().id, ...overlapping }), 400, { fields: ['start'] });
    expect(overlap.code).toBe('brackets-overlap');
    expectProblem(await openOn(g.government, { clauseId: clause1().id, start, end, passage: 'indiscriminate', reason: '   ' }), 400, { fields: ['reason'] });
    expectProblem(await openOn(g.government, { clauseId: clause1().id, start, end, passage: 'indiscriminate', reason: undefined }), 400, {
      fields: ['reason'],
    });
    expectProblem(await openOn(g.government, { clauseId: clause1().id, start: end, end: start, passage: 'indiscriminate' }), 400, { fields: ['end'] });
    expectProblem(await openOn(g.government, { clauseId: '7d1c3b5a-9e8f-4a6b-8c2d-1e0f3a5b7c04', start, end, passage: 'indiscriminate' }), 400, {
      fields: ['clauseId'],
    });
    expectProblem(await openOn(g.government, { clauseId: clause1().id, start, end, passage: 'indiscriminate', version: 7 }), 400, { fields: ['version'] });
    expectProblem(await openOn(g.government, { clauseId: clause1().id, start, end, passage: 'indiscriminate', options: [{ text: '' }] }), 400, {
      fields: ['options.0.text'],
    });
    expectProblem(await g.company.client.post(`/api/brackets/${significant.id}/options`, { text: '  ' }), 400, { fields: ['text'] });
    expectProblem(
      await g.chair.client.post(`/api/brackets/${significant.id}/removal`, { resolution: 'option-chosen', optionId: significant.options[0].id, reason: '' }),
      400,
      { fields: ['reason'] },
    );
    expectProblem(await g.chair.client.post(`/api/brackets/${significant.id}/removal`, { resolution: 'option-chosen', reason: 'Agreed.' }), 400, {
      fields: ['optionId'],
    });
    expectProblem(
      await g.chair.client.post(`/api/brackets/${significant.id}/removal`, {
        resolution: 'option-chosen',
        optionId: '7d1c3b5a-9e8f-4a6b-8c2d-1e0f3a5b7c04',
        reason: 'Agreed.',
      }),
      400,
      { fields: ['optionId'] },
    );
    expect((await events()).length).toBe(before.events);
    expect((await list()).brackets).toEqual(before.brackets);
  });

  it('only members and chairs bracket and propose options; only a chair or rapporteur removes a bracket', async () => {
    const before = (await events()).length;
    const p = { clauseId: clause2().id, ...passageIn(clause2().text, 'intentionally') };
    expect(expectProblem(await openOn(g.observer, p), 403).code).toBe('members-only-bracket');
    expect(expectProblem(await openOn(g.outsider, p), 403).code).toBe('members-only-bracket');
    expectProblem(await anonymous().post(`/api/documents/${doc.id}/brackets`, { version: 1, reason: 'x', ...p }), 401);
    expect(expectProblem(await g.observer.client.post(`/api/brackets/${significant.id}/options`, { text: 'grave' }), 403).code).toBe('members-only-bracket');
    for (const who of [g.ngo, g.company, g.government, g.observer, g.outsider]) {
      const res = await who.client.post(`/api/brackets/${significant.id}/removal`, { resolution: 'text-agreed', reason: 'We agree.' });
      expect(expectProblem(res, 403).code).toBe('editors-only');
    }
    expect((await events()).length).toBe(before);
    expect((await list()).brackets[0].status).toBe('open');
  });

  it('the chair removes the bracket by choosing an option with a reason, once; the removal is attributed', async () => {
    const chosen = significant.options[1];
    const res = await g.chair.client.post<BracketView>(`/api/brackets/${significant.id}/removal`, {
      resolution: 'option-chosen',
      optionId: chosen.id,
      reason: 'Agreed in informal consultations.',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'removed',
      removal: {
        resolution: 'option-chosen',
        optionId: chosen.id,
        reason: 'Agreed in informal consultations.',
        removedBy: { id: g.chair.id, snapshot: { organisationName: g.chair.organisation.name, stakeholderGroup: 'private-sector' } },
        consolidatedInVersion: null,
        consolidation: null,
      },
    });
    const again = await g.chair.client.post(`/api/brackets/${significant.id}/removal`, { resolution: 'text-agreed', reason: 'Again.' });
    expect(expectProblem(again, 409).code).toBe('bracket-removed');
    expect(expectProblem(await g.ngo.client.post(`/api/brackets/${significant.id}/options`, { text: 'grave' }), 409).code).toBe('bracket-removed');
    const removed = (await events()).filter((e) => e.action === 'bracket.removed');
    expect(removed).toEqual([
      expect.objectContaining({
        subjectId: significant.id,
        change: expect.objectContaining({ resolution: 'option-chosen', optionText: 'serious', reason: 'Agreed in informal consultations.' }),
      }),
    ]);
    // The passage now overlaps no open bracket: it can be bracketed again.
  });

  describe('after the bracket is removed', () => {
    let intentionally: BracketView;

    it('the adoption preflight lists open brackets and the chosen option not yet consolidated; opening without acknowledging them is a 409', async () => {
      const opened = await openOn(g.government, {
        clauseId: clause2().id,
        ...passageIn(clause2().text, 'intentionally and substantially'),
        options: [{ text: 'intentionally' }],
      });
      expect(opened.status).toBe(201);
      intentionally = opened.body;
      const pre = await anonymous().get<AdoptionPreflightResponse>(`/api/documents/${doc.id}/versions/1/adoption-preflight`);
      expect(pre.status).toBe(200);
      expect(pre.body.warnings).toEqual(['open-brackets', 'unapplied-bracket-choices']);
      expect(pre.body.openBrackets).toEqual([
        expect.objectContaining({
          bracketId: intentionally.id,
          clauseLabel: '2.',
          passage: 'intentionally and substantially',
          options: 1,
          chosenText: null,
          requestedBy: expect.objectContaining({ id: g.government.id }),
        }),
      ]);
      expect(pre.body.unappliedBracketChoices).toEqual([expect.objectContaining({ bracketId: significant.id, clauseLabel: '1.', chosenText: 'serious' })]);
      const before = (await events()).length;
      const refused = expectProblem(
        await g.chair.client.post(`/api/documents/${doc.id}/versions/1/adoption-ballot`, { acknowledgedWarnings: ['open-brackets'] }),
        409,
      );
      expect(refused).toMatchObject({ code: 'adoption-warnings-unacknowledged', unacknowledgedWarnings: ['unapplied-bracket-choices'] });
      expect((await events()).length).toBe(before);
    });

    it('the consolidation preview and the next version apply the chosen option; the bracket records it', async () => {
      const preview = await anonymous().get<{ report: { bracketChoices?: unknown }; comparison: { clauses: unknown[] } }>(
        `/api/documents/${doc.id}/consolidation-preview`,
      );
      expect(preview.status).toBe(200);
      expect(preview.body.report.bracketChoices).toEqual({
        applied: [{ bracketId: significant.id, clauseId: clause1().id, optionId: significant.options[1].id }],
        notApplied: [],
      });
      const res = await g.rapporteur.client.post<DocumentResponse>(`/api/documents/${doc.id}/versions`, {
        note: 'Brackets cleaned after informal consultations.',
      });
      expect(res.status).toBe(201);
      const v2 = res.body;
      expect(v2.version.number).toBe(2);
      const c1 = v2.version.clauses.find((c) => c.id === clause1().id)!;
      expect(c1.text).toBe(clause1().text.replace('significant', 'serious'));
      expect(v2.version.clauses.find((c) => c.id === clause2().id)!.text).toBe(clause2().text);
      expect(v2.version.consolidation?.bracketChoices?.applied).toHaveLength(1);

      const inV2 = await list(2);
      const removed = inV2.brackets.find((b) => b.id === significant.id)!;
      expect(removed.removal).toMatchObject({ consolidatedInVersion: 2, consolidation: 'applied' });
      // The passage is no longer in the clause: it is shown as such.
      expect(removed).toMatchObject({ start: null, end: null });
      const open = inV2.brackets.find((b) => b.id === intentionally.id)!;
      expect(open).toMatchObject({ status: 'open', ...passageIn(clause2().text, 'intentionally and substantially') });
      // Read in version 1, the removed bracket is where it was.
      expect((await list(1)).brackets.find((b) => b.id === significant.id)).toMatchObject(passageIn(clause1().text, 'significant'));
      // Provenance credits the chosen option's words to the delegation that proposed it.
      const prov = await anonymous().get<ProvenanceResponse>(`/api/documents/${doc.id}/versions/2/provenance`);
      expect(prov.status).toBe(200);
      const segments = prov.body.clauses.find((c) => c.clauseId === clause1().id)!.segments;
      expect(segments.find((x) => x.text.includes('serious'))?.origin.author).toMatchObject({
        id: g.company.id,
        snapshot: { stakeholderGroup: 'private-sector' },
      });
      const consolidated = (await events()).filter((e) => e.action === 'bracket.choice-consolidated');
      expect(consolidated).toEqual([
        expect.objectContaining({ subjectId: significant.id, change: expect.objectContaining({ version: 2, outcome: 'applied' }) }),
      ]);
    });

    it('brackets open only on the current version; the rapporteur agrees the text as it reads, then the adoption opens once open-brackets is acknowledged', async () => {
      const c = clause1();
      expect(
        expectProblem(await openOn(g.ngo, { version: 1, clauseId: c.id, ...passageIn(c.text, 'indiscriminate') }), 409, { fields: ['version'] }).code,
      ).toBe('bracket-on-old-version');
      const gone = await g.rapporteur.client.post<BracketView>(`/api/brackets/${intentionally.id}/removal`, {
        resolution: 'text-agreed',
        reason: 'The text stands as it reads.',
      });
      expect(gone.status).toBe(200);
      expect(gone.body.removal).toMatchObject({ resolution: 'text-agreed', optionId: null, removedBy: { id: g.rapporteur.id } });
      const again = await openOn(g.ngo, { version: 2, clauseId: clause2().id, ...passageIn(clause2().text, 'general availability') });
      expect(again.status).toBe(201);
      const pre = await anonymous().get<AdoptionPreflightResponse>(`/api/documents/${doc.id}/versions/2/adoption-preflight`);
      expect(pre.body.warnings).toEqual(['open-brackets']);
      const ballot = await g.chair.client.post(`/api/documents/${doc.id}/versions/2/adoption-ballot`, { acknowledgedWarnings: ['open-brackets'] });
      expect(ballot.status).toBe(201);
      const openedBallot = (await events()).filter((e) => e.action === 'ballot.opened').at(-1)!;
      expect(openedBallot.change).toMatchObject({
        warnings: { openBrackets: [expect.objectContaining({ bracketId: again.body.id, passage: 'general availability' })], confirmedByChair: true },
      });

      // Adopted with a passage still in brackets: the adopted text's Markdown shows it in square brackets, attributed.
      const ballotId = (ballot.body as { ballotId: string }).ballotId;
      for (const v of [g.chair, g.rapporteur, g.ngo, g.company, g.government])
        expect((await v.client.post(`/api/ballots/${ballotId}/votes`, { choice: 'yes' })).status).toBe(200);
      expect((await g.chair.client.post(`/api/ballots/${ballotId}/close`, { reason: 'Every member has voted.' })).status).toBe(200);
      const md = await anonymous().get<string>(`/api/documents/${doc.id}/versions/2/adopted.md`);
      expect([md.status, md.status === 200 ? '' : JSON.stringify(md.body)]).toEqual([200, '']);
      expect(md.body).toContain('\\[general availability\\]');
      expect(md.body).toContain('## Passages in square brackets');
      expect(md.body).toContain(`asked for by ${g.ngo.name}`);
      // Nothing changes on an adopted text.
      expect(expectProblem(await g.company.client.post(`/api/brackets/${again.body.id}/options`, { text: 'availability' }), 409).code).toBe('version-frozen');
    });
  });
});
