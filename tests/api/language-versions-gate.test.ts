import type { AdoptionPreflightResponse, AmendmentResponse, DocumentResponse, OpenedBallotResponse } from '@parley/contracts';
import { newDraftingGroup, type DraftingGroup } from '../support/drafting-fixtures';
import { auditEvents, expectProblem } from '../support/expectations';
import { newAdoptedDocument, votersOf } from '../support/adoption-fixtures';
import { acceptAndConsolidate, ARABIC, FRENCH, newShortDocument, translate, translateAll } from '../support/language-versions-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * The adoption gate of language versions (decision 0045): a version is not put to adoption (by
 * ballot or by silence procedure) while an authentic language of the group has an outdated or
 * missing clause, unless the chair confirms the warning, which the opening event records.
 */
describe('language versions: the adoption gate', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let v2: DocumentResponse;
  let changedId: string;
  const closesAt = () => new Date(Date.now() + 3_600_000).toISOString();
  let adoptionBallotId: string;
  const translations = async () => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM clause_translations`))[0].n);
  const latestIds = async (documentId: string, language: string): Promise<string[]> =>
    (
      await t.dataSource.query(
        `SELECT DISTINCT ON (clause_id) id, clause_id FROM clause_translations WHERE document_id = $1 AND language = $2 ORDER BY clause_id, version_number DESC, seq DESC`,
        [documentId, language],
      )
    ).map((r: { id: string }) => r.id);
  const ballots = async () => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ballots WHERE working_group_id = $1`, [g.id]))[0].n);
  const openAdoption = (body: Record<string, unknown> = {}) => g.chair.client.post<OpenedBallotResponse>(`/api/documents/${doc.id}/versions/2/adoption-ballot`, { closesAt: closesAt(), ...body });

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newShortDocument(g);
    await translateAll(g.ngo, doc, 'fr', FRENCH);
    await translateAll(g.government, doc, 'ar', ARABIC);
    changedId = doc.version.clauses[1].id;
    const a = (await g.ngo.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { kind: 'replace', baseVersion: 1, targetClauseId: changedId, text: 'Critical infrastructure and its supply chains shall be protected.', rationale: 'Supply chains.' })).body;
    v2 = await acceptAndConsolidate(g, doc, a);
  });
  afterAll(() => t?.close());

  it('does not hold back a group that declared no authentic language beyond the original', async () => {
    const pre = await g.chair.client.get<AdoptionPreflightResponse>(`/api/documents/${doc.id}/versions/2/adoption-preflight`);
    expect(pre.body.translationGaps).toEqual([]);
  });

  describe('once French and Arabic are declared authentic', () => {
    beforeAll(async () => {
      const res = await g.chair.client.put(`/api/working-groups/${g.id}/authentic-languages`, { languages: ['fr', 'ar'] });
      expect(res.status).toBe(200);
    });

    it('warns the chair before adoption of each authentic language with an outdated clause', async () => {
      const pre = await g.chair.client.get<AdoptionPreflightResponse>(`/api/documents/${doc.id}/versions/2/adoption-preflight`);
      expect(pre.body.translationGaps).toEqual([
        { language: 'ar', outdated: [changedId], missing: [] },
        { language: 'fr', outdated: [changedId], missing: [] },
      ]);
    });

    it('refuses to open the adoption ballot, naming the languages and counts, and opens nothing', async () => {
      const before = await ballots();
      const problem = expectProblem(await openAdoption(), 409);
      expect(problem).toMatchObject({ code: 'translations-outdated', params: { languages: 'ar, fr', outdated: 2, missing: 0 } });
      expect((problem as unknown as { translationGaps: unknown[] }).translationGaps).toHaveLength(2);
      expect(await ballots()).toBe(before);
    });

    it('refuses a silence procedure the same way', async () => {
      const res = await g.chair.client.post(`/api/documents/${doc.id}/versions/2/silence`, { deadline: new Date(Date.now() + 80 * 3_600_000).toISOString() });
      expect(expectProblem(res, 409)).toMatchObject({ code: 'translations-outdated' });
    });

    it('stops warning of a language once its outdated clause is updated', async () => {
      await translate(g.ngo, v2, 2, changedId, 'fr', 'Les infrastructures critiques et leurs chaînes d’approvisionnement sont protégées.');
      const pre = await g.chair.client.get<AdoptionPreflightResponse>(`/api/documents/${doc.id}/versions/2/adoption-preflight`);
      expect(pre.body.translationGaps).toEqual([{ language: 'ar', outdated: [changedId], missing: [] }]);
      expect(expectProblem(await openAdoption(), 409)).toMatchObject({ params: { languages: 'ar', outdated: 1, missing: 0 } });
    });

    it('opens on the chair’s confirmed warning, and the opening event records which languages and clauses lagged', async () => {
      const res = await openAdoption({ acknowledgeOutdatedTranslations: true });
      expect(res.status).toBe(201);
      adoptionBallotId = res.body.ballotId;
      const opened = (await auditEvents(t.baseUrl, `wg:${g.id}`)).find((e) => e.action === 'ballot.opened' && e.subjectId === res.body.ballotId)!;
      expect(opened.change).toMatchObject({ warnings: { outdatedTranslations: [{ language: 'ar', outdated: [changedId], missing: [] }], confirmedByChair: true } });
      const ballot = await g.chair.client.get(`/api/ballots/${res.body.ballotId}`);
      expect(JSON.stringify(ballot.body)).toContain('outdatedTranslations');
    });

    it('records what the vote is on in each language: the authentic languages then and the translations each read (reviews M1, L3)', async () => {
      const opened = (await auditEvents(t.baseUrl, `wg:${g.id}`)).find((e) => e.action === 'ballot.opened' && e.subjectId === adoptionBallotId)!;
      const recorded = (opened.change as { subject: { details: { languageVersions: { originalLanguage: string; authenticLanguages: string[]; texts: { language: string; translationIds: string[] }[] } } } }).subject.details.languageVersions;
      expect(recorded).toMatchObject({ originalLanguage: 'en', authenticLanguages: ['ar', 'fr'] });
      expect(recorded.texts.map((x) => x.language)).toEqual(['ar', 'fr']);
      for (const x of recorded.texts) expect([...x.translationIds].sort()).toEqual((await latestIds(doc.id, x.language)).sort());
      expect(recorded.texts[0].translationIds).toHaveLength(3);
    });

    it('refuses, while the ballot is open, a save into an authentic language on the version put to adoption or an earlier one, writing nothing; other languages stay open (review M1)', async () => {
      const before = await translations();
      for (const n of [2, 1]) {
        const res = await g.ngo.client.post(`/api/documents/${doc.id}/versions/${n}/translations`, { clauseId: changedId, language: 'ar', text: 'تُحمى البنى التحتية الحيوية وسلاسل إمدادها.' });
        expect(expectProblem(res, 409)).toMatchObject({ code: 'language-versions-under-adoption', params: { version: 2 } });
      }
      expect(await translations()).toBe(before);
      await translate(g.ngo, v2, 2, changedId, 'es', 'Se protegerán las infraestructuras críticas y sus cadenas de suministro.');
    });

    it('once the version is adopted, refuses a save into its authentic languages (adopted texts are frozen); other languages stay open (review M1)', async () => {
      for (const v of votersOf(g)) await v.client.post(`/api/ballots/${adoptionBallotId}/votes`, { choice: 'yes' });
      const closed = await g.chair.client.post<{ outcome: string }>(`/api/ballots/${adoptionBallotId}/close`, { reason: 'Closed early in a test.' });
      expect(closed.body.outcome).toBe('passed');
      const before = await translations();
      const res = await g.ngo.client.post(`/api/documents/${doc.id}/versions/2/translations`, { clauseId: changedId, language: 'fr', text: 'Les infrastructures critiques et leurs chaînes sont protégées.' });
      expect(expectProblem(res, 409)).toMatchObject({ code: 'language-versions-adopted', params: { version: 2 } });
      expect(await translations()).toBe(before);
      await translate(g.ngo, v2, 2, changedId, 'ru', 'Критическая инфраструктура и цепочки её поставок защищаются.');
    });
  });

  it('records the authentic languages as they were when the ballot opened, even none (review L3)', async () => {
    const h = await newDraftingGroup(t);
    const d = await newShortDocument(h);
    await h.chair.client.put(`/api/working-groups/${h.id}/authentic-languages`, { languages: [] });
    const res = await h.chair.client.post<OpenedBallotResponse>(`/api/documents/${d.id}/versions/1/adoption-ballot`, { closesAt: closesAt() });
    expect(res.status).toBe(201);
    const opened = (await auditEvents(t.baseUrl, `wg:${h.id}`)).find((e) => e.action === 'ballot.opened')!;
    expect(opened.change).toMatchObject({ subject: { details: { languageVersions: { originalLanguage: 'en', authenticLanguages: [], texts: [] } } } });
  });

  it('refuses to change the original language of an adopted text, even with one version (review L1)', async () => {
    const { g: ag, doc: adopted } = await newAdoptedDocument(t);
    expect(adopted.version.number).toBe(1);
    const res = await ag.chair.client.put(`/api/documents/${adopted.id}/original-language`, { language: 'es' });
    expect(expectProblem(res, 409)).toMatchObject({ code: 'language-versions-adopted' });
    expect((await t.dataSource.query(`SELECT original_language FROM documents WHERE id = $1`, [adopted.id]))[0].original_language).toBe('en');
  });

  it('starts a silence procedure on the chair’s confirmed warning, recording the missing clauses in its event', async () => {
    const h = await newDraftingGroup(t);
    const d = await newShortDocument(h);
    await h.chair.client.put(`/api/working-groups/${h.id}/authentic-languages`, { languages: ['fr'] });
    const deadline = new Date(Date.now() + 80 * 3_600_000).toISOString();
    expect(expectProblem(await h.chair.client.post(`/api/documents/${d.id}/versions/1/silence`, { deadline }), 409)).toMatchObject({
      code: 'translations-outdated',
      params: { languages: 'fr', outdated: 0, missing: 3 },
    });
    const res = await h.chair.client.post<{ id: string; warnings: unknown }>(`/api/documents/${d.id}/versions/1/silence`, { deadline, acknowledgeOutdatedTranslations: true });
    expect(res.status).toBe(201);
    const started = (await auditEvents(t.baseUrl, `wg:${h.id}`)).find((e) => e.action === 'silence.started')!;
    expect(started.change).toMatchObject({ warnings: { outdatedTranslations: [{ language: 'fr', outdated: [], missing: d.version.clauses.map((c) => c.id) }], confirmedByChair: true } });
    expect(res.body.warnings).toMatchObject({ outdatedTranslations: [{ language: 'fr' }] });
    expect(started.change).toMatchObject({ languageVersions: { originalLanguage: 'en', authenticLanguages: ['fr'], texts: [{ language: 'fr', translationIds: [] }] } });

    // while silence runs: the authentic French version and the original language do not change (reviews M1, L1); Spanish stays open
    const before = await translations();
    const save = await h.ngo.client.post(`/api/documents/${d.id}/versions/1/translations`, { clauseId: d.version.clauses[0].id, language: 'fr', text: FRENCH[0] });
    expect(expectProblem(save, 409)).toMatchObject({ code: 'language-versions-under-adoption', params: { version: 1 } });
    const original = await h.chair.client.put(`/api/documents/${d.id}/original-language`, { language: 'es' });
    expect(expectProblem(original, 409)).toMatchObject({ code: 'language-versions-under-adoption' });
    expect(await translations()).toBe(before);
    await translate(h.ngo, d, 1, d.version.clauses[0].id, 'es', 'Los Estados cooperarán para prevenir la actividad cibernética maliciosa.');
  });

  it('opens without a warning once every authentic language is up to date', async () => {
    const h = await newDraftingGroup(t);
    const d = await newShortDocument(h, 'fr');
    await h.chair.client.put(`/api/working-groups/${h.id}/authentic-languages`, { languages: ['fr', 'en'] });
    // French is the original: only English must be up to date; one clause missing holds adoption back.
    await translate(h.ngo, d, 1, d.version.clauses[0].id, 'en', 'One.');
    await translate(h.ngo, d, 1, d.version.clauses[1].id, 'en', 'Two.');
    const refused = await h.chair.client.post(`/api/documents/${d.id}/versions/1/adoption-ballot`, { closesAt: closesAt() });
    expect(expectProblem(refused, 409)).toMatchObject({ code: 'translations-outdated', params: { languages: 'en', outdated: 0, missing: 1 } });
    await translate(h.ngo, d, 1, d.version.clauses[2].id, 'en', 'Three.');
    const res = await h.chair.client.post<OpenedBallotResponse>(`/api/documents/${d.id}/versions/1/adoption-ballot`, { closesAt: closesAt() });
    expect(res.status).toBe(201);
    const opened = (await auditEvents(t.baseUrl, `wg:${h.id}`)).find((e) => e.action === 'ballot.opened')!;
    expect((opened.change as { warnings?: unknown }).warnings).toBeUndefined();
  });
});
