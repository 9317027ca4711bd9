import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEvent } from '@parley/domain';
import { parseAuditEvent, type AmendmentResponse, type BracketView, type ChairsTextSuggestionResponse, type DocumentResponse, type ProvenanceResponse } from '@parley/contracts';
import { verifyExport } from '../support/audit-verify-cli';
import { auditEvents, expectProblem } from '../support/expectations';
import { clauseByLabel, makeChair, newDraftingGroup, newGroupDelegate, newParisCallDocument, newWorkingGroup, admit, type Delegate, type DraftingGroup } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { LiveClient } from './realtime-client';

jest.setTimeout(90_000);

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

/**
 * Chair's texts (issue #18, decision 0033): a chair or rapporteur issues the next version as a
 * Zero draft, then Rev.1…, under an office, the pen holder on record; open amendments are outdated
 * or carried forward as consolidation does; provenance names the office and the pen holder's group.
 */
describe('chair’s texts', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  const dir = mkdtempSync(join(tmpdir(), 'parley-chairs-texts-'));
  const anonymous = () => new ApiClient(t.baseUrl);
  const events = () => auditEvents(t.baseUrl, `wg:${g.id}`);
  const read = async (id = doc.id) => (await anonymous().get<DocumentResponse>(`/api/documents/${id}`)).body;
  const amendment = async (id: string) => (await anonymous().get<AmendmentResponse>(`/api/amendments/${id}`)).body;
  const propose = async (who: Delegate, body: Record<string, unknown>, on = doc) => {
    const res = await who.client.post<AmendmentResponse>(`/api/documents/${on.id}/amendments`, { baseVersion: on.currentVersion, rationale: 'Clearer.', ...body });
    if (res.status !== 201) throw new Error(`propose: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** The current text as the chair's editor starts from it: every clause kept by id. */
  const asWritten = (d: DocumentResponse) => d.version.clauses.map((c) => ({ id: c.id, kind: c.kind, text: c.text }));
  const issue = (who: Delegate, body: Record<string, unknown>, id = doc.id) => who.client.post<DocumentResponse>(`/api/documents/${id}/chairs-texts`, body);
  /** What a refused request must leave as it was: the versions, the amendments' statuses and the group's chain. */
  const state = async (id = doc.id) => ({
    versions: (await t.dataSource.query(`SELECT count(*)::int AS n FROM document_versions WHERE document_id = $1`, [id]))[0].n,
    amendments: await t.dataSource.query(`SELECT id, status, applies_to_version FROM amendments WHERE document_id = $1 ORDER BY id`, [id]),
    events: (await events()).length,
  });

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  describe('GET /api/documents/:id/chairs-texts/suggestion', () => {
    it('suggests "Zero draft" for the first chair’s text, to anyone', async () => {
      const res = await anonymous().get<ChairsTextSuggestionResponse>(`/api/documents/${doc.id}/chairs-texts/suggestion`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ documentId: doc.id, basedOn: 1, label: 'Zero draft', acceptedWaiting: 0, chosenWaiting: 0 });
      expectProblem(await anonymous().get(`/api/documents/00000000-0000-4000-8000-000000000000/chairs-texts/suggestion`), 404);
    });
  });

  describe('who may issue one', () => {
    const body = () => ({ label: 'Zero draft', standing: 'draft', office: 'chair', clauses: asWritten(doc).map((c, i) => (i === 0 ? { ...c, text: 'Rewritten' } : c)) });

    it.each([
      ['a voting member who is neither chair nor rapporteur', () => g.company, 403, 'editors-only'],
      ['an observer', () => g.observer, 403, 'editors-only'],
      ['someone outside the group', () => g.outsider, 403, 'editors-only'],
    ] as const)('refuses %s, and changes nothing', async (_who, who, status, code) => {
      const before = await state();
      const res = await issue(who(), body());
      expect(expectProblem(res, status)).toMatchObject({ code });
      expect(await state()).toEqual(before);
    });

    it('refuses the chair of another group, and changes nothing', async () => {
      const otherChair = await newGroupDelegate(t, 'government');
      const other = await newWorkingGroup(t, otherChair);
      await admit(t, other, otherChair, 'member');
      await makeChair(t, other, otherChair);
      const before = await state();
      expect(expectProblem(await issue(otherChair, body()), 403)).toMatchObject({ code: 'editors-only' });
      expect(await state()).toEqual(before);
    });

    it('refuses without a session (401)', async () => {
      expectProblem(await anonymous().post(`/api/documents/${doc.id}/chairs-texts`, body()), 401);
    });
  });

  describe('bad input', () => {
    const valid = () => ({ label: 'Zero draft', standing: 'draft', office: 'chair', clauses: asWritten(doc) });
    it.each([
      ['an empty label', { label: '  ' }, 'label'],
      ['a label on two lines', { label: 'Rev.1\nRev.2' }, 'label'],
      ['an unknown standing', { standing: 'binding' }, 'standing'],
      ['an unknown office', { office: 'president' }, 'office'],
      ['no clause', { clauses: [] }, 'clauses'],
      ['a clause of an unknown kind', { clauses: [{ kind: 'annex', text: 'x' }] }, 'clauses.0.kind'],
      ['an empty clause', { clauses: [{ kind: 'operative', text: '' }] }, 'clauses.0.text'],
      ['an id that is no uuid', { clauses: [{ id: 'c1', kind: 'operative', text: 'x' }] }, 'clauses.0.id'],
      ['an unknown field', { author: 'me' }, 'author'],
    ])('answers 400 naming the field for %s, and changes nothing', async (_what, override, field) => {
      const before = await state();
      expectProblem(await issue(g.chair, { ...valid(), ...override }), 400, { fields: [field] });
      expect(await state()).toEqual(before);
    });

    it('answers 400 naming the clause for an id that is not a clause of the current version, or one kept twice', async () => {
      const before = await state();
      const clauses = asWritten(doc);
      const unknown = await issue(g.chair, { ...valid(), clauses: [clauses[0], { ...clauses[1], id: '00000000-0000-4000-8000-000000000000' }] });
      expect(expectProblem(unknown, 400, { fields: ['clauses.1.id'] }).errors?.[0]).toMatchObject({ code: 'not-a-clause', params: { version: 1 } });
      const twice = await issue(g.chair, { ...valid(), clauses: [clauses[0], clauses[2], { ...clauses[0], text: 'Again' }] });
      expect(expectProblem(twice, 400, { fields: ['clauses.2.id'] }).errors?.[0]).toMatchObject({ code: 'duplicate-clause' });
      expect(await state()).toEqual(before);
    });
  });

  describe('the Zero draft, then Rev.1', () => {
    let onChanged: AmendmentResponse;
    let onDeleted: AmendmentResponse;
    let onKept: AmendmentResponse;
    let insertAfterKept: AmendmentResponse;
    let zero: DocumentResponse;
    let live: LiveClient;
    const added = 'States and companies should share information on threats without delay.';
    const reworded = 'Prevent the theft of intellectual property, including trade secrets, by all actors.';

    beforeAll(async () => {
      onChanged = await propose(g.ngo, { kind: 'replace', targetClauseId: clauseByLabel(doc, '4.').id, text: 'Prevent theft of trade secrets.' });
      onDeleted = await propose(g.government, { kind: 'replace', targetClauseId: clauseByLabel(doc, '8.').id, text: 'Something else.' });
      onKept = await propose(g.company, { kind: 'replace', targetClauseId: clauseByLabel(doc, '2.').id, text: 'Something different.' });
      insertAfterKept = await propose(g.ngo, { kind: 'insert', afterClauseId: clauseByLabel(doc, '3.').id, clauseKind: 'operative', text: 'A new principle.' });
      live = await LiveClient.connect(t.baseUrl);
      expect(await live.join(`doc:${doc.id}`)).toMatchObject({ ok: true });

      // The chair's Zero draft: 4. reworded, 8. left out, a new paragraph after 9., everything else kept by id.
      const four = clauseByLabel(doc, '4.').id;
      const eight = clauseByLabel(doc, '8.').id;
      const nine = clauseByLabel(doc, '9.').id;
      const clauses = asWritten(doc).flatMap((c) => (c.id === eight ? [] : c.id === four ? [{ ...c, text: reworded }] : c.id === nine ? [c, { kind: 'operative', text: added }] : [c]));
      const res = await issue(g.chair, { label: ' Zero draft ', standing: 'non-paper', office: 'chair', note: 'For discussion at the first session.', clauses });
      expect(res.status).toBe(201);
      zero = res.body;
    });
    afterAll(() => live?.close());

    it('creates the next version, labelled, with its standing, office and pen holder (with their affiliation as at the issue)', async () => {
      expect(zero.currentVersion).toBe(2);
      expect(zero.version).toMatchObject({
        number: 2,
        note: 'For discussion at the first session.',
        chairsText: { label: 'Zero draft', symbol: null, standing: 'non-paper', office: 'chair', penHolder: { id: g.chair.id, name: g.chair.name, snapshot: g.chair.snapshot } },
        consolidation: { applied: [], notApplied: [] },
      });
      expect(zero.versions.map((v) => v.chairsText?.label ?? null)).toEqual([null, 'Zero draft']);
    });

    it('keeps the identity of the clauses kept by id, removes those left out, and gives new clauses new ids', async () => {
      const before = new Map(doc.version.clauses.map((c) => [c.id, c]));
      const after = zero.version.clauses;
      expect(after).toHaveLength(doc.version.clauses.length);
      expect(after.find((c) => c.id === clauseByLabel(doc, '4.').id)?.text).toBe(`${reworded}`);
      expect(after.some((c) => c.id === clauseByLabel(doc, '8.').id)).toBe(false);
      const fresh = after.filter((c) => !before.has(c.id));
      expect(fresh).toEqual([expect.objectContaining({ kind: 'operative', text: added })]);
      expect(after.filter((c) => before.has(c.id) && c.text === before.get(c.id)!.text)).toHaveLength(doc.version.clauses.length - 2);
    });

    it('outdates open amendments whose clause changed or went, as consolidation does, and carries the others forward', async () => {
      expect(await amendment(onChanged.id)).toMatchObject({ status: 'outdated', statusReason: { code: 'target-changed', params: { since: 1 } } });
      expect(await amendment(onDeleted.id)).toMatchObject({ status: 'outdated', statusReason: { code: 'target-deleted', params: { since: 1, kind: 'replace' } } });
      expect(await amendment(onKept.id)).toMatchObject({ status: 'proposed' });
      expect(await amendment(insertAfterKept.id)).toMatchObject({ status: 'proposed' });
      expect(zero.version.consolidation).toMatchObject({
        outdated: expect.arrayContaining([expect.objectContaining({ amendmentId: onChanged.id, reason: 'target-changed' }), expect.objectContaining({ amendmentId: onDeleted.id, reason: 'target-deleted' })]),
        carriedForward: expect.arrayContaining([onKept.id, insertAfterKept.id]),
      });
      const carried = await t.dataSource.query(`SELECT applies_to_version AS v FROM amendments WHERE id = $1`, [onKept.id]);
      expect(carried[0].v).toBe(2);
    });

    it('records version.chairs-text-issued (read through the catalogue) and amendment.outdated, and pushes them live to the document room', async () => {
      const log = await events();
      const issued = log.filter((e) => e.action === 'version.chairs-text-issued');
      expect(issued).toHaveLength(1);
      const parsed = parseAuditEvent(issued[0] as unknown as AuditEvent);
      expect(parsed.typed).toBe(true);
      expect(issued[0]).toMatchObject({
        actorId: g.chair.id,
        actorSnapshot: g.chair.snapshot,
        subjectType: 'version',
        change: {
          documentId: doc.id,
          number: 2,
          previous: 1,
          label: 'Zero draft',
          standing: 'non-paper',
          office: 'chair',
          penHolder: { id: g.chair.id, snapshot: g.chair.snapshot },
          changed: [clauseByLabel(doc, '4.').id],
          removed: [clauseByLabel(doc, '8.').id],
          added: [expect.any(String)],
          textDigest: expect.any(String),
        },
      });
      expect(log.filter((e) => e.action === 'amendment.outdated').map((e) => e.subjectId).sort()).toEqual([onChanged.id, onDeleted.id].sort());
      await live.waitFor('the chair’s text live', () => live.in(`doc:${doc.id}`).some((e) => e.action === 'version.chairs-text-issued'));
      expect(live.in(`doc:${doc.id}`).find((e) => e.action === 'version.chairs-text-issued')).toMatchObject({ subjectType: 'version', change: { label: 'Zero draft', number: 2 } });
    });

    it('then suggests Rev.1; the rapporteur issues it under the co-facilitators with the group’s symbol', async () => {
      expect((await anonymous().get<ChairsTextSuggestionResponse>(`/api/documents/${doc.id}/chairs-texts/suggestion`)).body).toMatchObject({ basedOn: 2, label: 'Rev.1' });
      const clauses = asWritten(zero).map((c) => (c.id === clauseByLabel(zero, '2.').id ? { ...c, text: `${c.text} Rev.1 wording.` } : c));
      const res = await issue(g.rapporteur, { label: 'Rev.1', symbol: 'PC/WG.1/2026/L.1/Rev.1', standing: 'draft', office: 'co-facilitators', clauses });
      expect(res.status).toBe(201);
      expect(res.body.version.chairsText).toEqual({
        label: 'Rev.1',
        symbol: 'PC/WG.1/2026/L.1/Rev.1',
        standing: 'draft',
        office: 'co-facilitators',
        penHolder: { id: g.rapporteur.id, name: g.rapporteur.name, snapshot: g.rapporteur.snapshot },
      });
      expect(await amendment(onKept.id)).toMatchObject({ status: 'outdated', statusReason: { code: 'target-changed', params: { since: 2 } } });
      expect((await anonymous().get<ChairsTextSuggestionResponse>(`/api/documents/${doc.id}/chairs-texts/suggestion`)).body.label).toBe('Rev.2');
    });

    it('attributes words a chair’s text wrote to the office and to the pen holder’s organisation and stakeholder group', async () => {
      const res = await anonymous().get<ProvenanceResponse>(`/api/documents/${doc.id}/versions/2/provenance`);
      expect(res.status).toBe(200);
      const fresh = res.body.clauses.find((c) => c.segments.map((s) => s.text).join('') === added)!;
      expect(fresh.segments).toEqual([
        { text: added, words: 10, origin: { kind: 'chairs-text', version: 2, label: 'Zero draft', office: 'chair', author: { id: g.chair.id, name: g.chair.name, snapshot: g.chair.snapshot } } },
      ]);
      // The chair is a company delegate (who also wrote the original draft): the chair's text's words count for the private sector, never for no one.
      expect(res.body.totals.chairsText).toBeGreaterThan(10);
      expect(res.body.totals.byGroup.find((x) => x.key === 'private-sector')!.words).toBe(res.body.totals.original + res.body.totals.chairsText!);
      expect(res.body.totals.amended).toBe(0);
      const four = res.body.clauses.find((c) => c.label === '4.')!;
      expect(four.segments.some((s) => s.origin.kind === 'chairs-text')).toBe(true);
    });

    it('keeps the pen holder’s affiliation as it was after the chair changes affiliation', async () => {
      const moved = await g.chair.client.post('/api/me/affiliations', { organisationId: g.government.organisation.id, title: 'Adviser', startDate: '2024-01-01', primary: true });
      expect(moved.status).toBe(201);
      const now = await read();
      expect(now.versions[1].chairsText?.penHolder.snapshot).toEqual(g.chair.snapshot);
      expect(now.versions[1].chairsText?.penHolder.snapshot?.organisationId).toBe(g.chair.organisation.id);
      const prov = (await anonymous().get<ProvenanceResponse>(`/api/documents/${doc.id}/versions/2/provenance`)).body;
      expect(prov.clauses.flatMap((c) => c.segments).find((s) => s.origin.kind === 'chairs-text')?.origin.author.snapshot).toEqual(g.chair.snapshot);
      // Versions never change once made: the chair's text's columns are guarded like the rest.
      await expect(t.dataSource.query(`UPDATE document_versions SET chairs_text_label = 'Rev.9' WHERE document_id = $1 AND number = 2`, [doc.id])).rejects.toThrow(/immutable/);
      await expect(t.dataSource.query(`UPDATE document_versions SET pen_holder_snapshot = '{}' WHERE document_id = $1 AND number = 2`, [doc.id])).rejects.toThrow(/immutable/);
    });

    it('the audit chain still verifies offline', async () => {
      const file = join(dir, 'chain.jsonl');
      writeFileSync(file, await (await fetch(`${t.baseUrl}/api/audit/export.jsonl?scope=${encodeURIComponent(`wg:${g.id}`)}`)).text());
      const ok = await verifyExport(file);
      expect(ok.out).toMatch(/OK/);
      expect(ok.code).toBe(0);
    });
  });

  describe('accepted amendments waiting', () => {
    it('refuses (409 consolidate-first) while an accepted amendment is not consolidated, and changes nothing', async () => {
      const h = await newDraftingGroup(t);
      const d = await newParisCallDocument(t, h);
      const a = await propose(h.ngo, { kind: 'replace', targetClauseId: clauseByLabel(d, '4.').id, text: 'Prevent theft.' }, d);
      const ballot = await h.chair.client.post<AmendmentResponse>(`/api/amendments/${a.id}/ballot`, { closesAt: inADay() });
      for (const v of [h.chair, h.rapporteur, h.ngo, h.company, h.government]) await v.client.post(`/api/ballots/${ballot.body.ballotId}/votes`, { choice: 'yes' });
      expect((await h.chair.client.post(`/api/ballots/${ballot.body.ballotId}/close`, { reason: 'Every member has voted.' })).status).toBe(200);
      expect((await anonymous().get<ChairsTextSuggestionResponse>(`/api/documents/${d.id}/chairs-texts/suggestion`)).body.acceptedWaiting).toBe(1);
      const versions = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM document_versions WHERE document_id = $1`, [d.id]))[0].n;
      const res = await h.chair.client.post(`/api/documents/${d.id}/chairs-texts`, { label: 'Zero draft', standing: 'draft', office: 'secretariat', clauses: asWritten(d) });
      expect(expectProblem(res, 409)).toMatchObject({ code: 'consolidate-first', params: { accepted: 1 } });
      expect(await versions()).toBe(1);
      expect(await amendment(a.id)).toMatchObject({ status: 'accepted' });
    });

    it('refuses (409 consolidate-first, the count in params) while an option chosen at a bracket’s removal is not consolidated; consolidating lets it through', async () => {
      const h = await newDraftingGroup(t);
      const d = await newParisCallDocument(t, h);
      const clause = clauseByLabel(d, '1.');
      const start = clause.text.indexOf(' ') + 1;
      const passage = clause.text.slice(start, start + 8);
      const opened = await h.government.client.post<BracketView>(`/api/documents/${d.id}/brackets`, {
        version: 1,
        clauseId: clause.id,
        start,
        end: start + passage.length,
        passage,
        reason: 'Not agreed.',
        options: [{ text: 'chosen words' }],
      });
      expect(opened.status).toBe(201);
      const removed = await h.chair.client.post(`/api/brackets/${opened.body.id}/removal`, { resolution: 'option-chosen', optionId: opened.body.options[0].id, reason: 'Agreed in the room.' });
      expect(removed.status).toBe(200);
      expect((await anonymous().get<ChairsTextSuggestionResponse>(`/api/documents/${d.id}/chairs-texts/suggestion`)).body).toMatchObject({ acceptedWaiting: 0, chosenWaiting: 1 });
      const before = await state(d.id);
      const res = await h.chair.client.post(`/api/documents/${d.id}/chairs-texts`, { label: 'Zero draft', standing: 'draft', office: 'chair', clauses: asWritten(d) });
      const problem = expectProblem(res, 409);
      expect(problem).toMatchObject({ code: 'consolidate-first', params: { accepted: 0, chosen: 1 } });
      expect(problem.detail).toContain('1 option chosen');
      expect(await state(d.id)).toEqual(before);
      // Consolidating applies the chosen option; then the chair's text may follow.
      const consolidated = await h.chair.client.post<DocumentResponse>(`/api/documents/${d.id}/versions`, { note: 'The chosen option applied.' });
      expect(consolidated.status).toBe(201);
      const now = consolidated.body;
      expect(clauseByLabel(now, '1.').text).toContain('chosen words');
      expect((await h.chair.client.post(`/api/documents/${d.id}/chairs-texts`, { label: 'Zero draft', standing: 'draft', office: 'chair', clauses: asWritten(now) })).status).toBe(201);
    });
  });
});
