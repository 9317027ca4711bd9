import type { AmendmentResponse, DocumentResponse, LanguageVersionsResponse } from '@parley/contracts';
import { newDraftingGroup, type DraftingGroup } from '../support/drafting-fixtures';
import { auditEvents, expectProblem } from '../support/expectations';
import { ApiClient } from '../support/http-client';
import { acceptAndConsolidate, ARABIC, FRENCH, languageVersions, newShortDocument, translate, translateAll } from '../support/language-versions-fixtures';
import { issueMembersOnlyVersion, MEMBERS_ONLY_TEXT } from '../support/members-only-fixture';
import { startTestApp, type TestApp } from '../support/test-app';
import { LiveClient } from './realtime-client';

jest.setTimeout(120_000);

/**
 * Language versions of a text (issue #23, decision 0045): members translate a version's clauses;
 * translations carry forward to later versions and are outdated where the original changed; a save
 * is an audited, live act; a translation is read exactly where its version is.
 */
describe('language versions: translating a text', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  const anonymous = () => new ApiClient(t.baseUrl);
  const translations = async () => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM clause_translations`))[0].n);
  const stateOf = (v: LanguageVersionsResponse, clauseId: string, language: string) => v.clauses.find((c) => c.clauseId === clauseId)!.languages.find((l) => l.language === language)!;

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newShortDocument(g);
  });
  afterAll(() => t?.close());

  it('reads a new document in English as the original, every other language missing', async () => {
    const res = await languageVersions(t, doc.id, 1);
    expect(res.status).toBe(200);
    expect(res.body.originalLanguage).toBe('en');
    expect(res.body.languages.find((l) => l.language === 'en')).toMatchObject({ original: true, authentic: true, missing: 0 });
    expect(res.body.languages.find((l) => l.language === 'fr')).toMatchObject({ original: false, authentic: false, current: 0, outdated: 0, missing: 3 });
    expect(stateOf(res.body, doc.version.clauses[0].id, 'en')).toMatchObject({ state: 'original', text: doc.version.clauses[0].text });
    expect(stateOf(res.body, doc.version.clauses[0].id, 'ar')).toMatchObject({ state: 'missing', text: null });
  });

  it('saves a member’s translation with the translator’s affiliation and the original it was made from, audited and pushed live', async () => {
    const live = await LiveClient.connect(t.baseUrl);
    expect(await live.join(`doc:${doc.id}`)).toMatchObject({ ok: true });
    const clause = doc.version.clauses[0];
    const saved = await translate(g.ngo, doc, 1, clause.id, 'fr', FRENCH[0]);
    expect(saved).toMatchObject({ documentId: doc.id, version: 1, clauseId: clause.id, language: 'fr', state: 'current', text: FRENCH[0], sourceText: clause.text, madeOnVersion: 1 });
    expect(saved.translator).toMatchObject({ id: g.ngo.id, snapshot: { organisationName: g.ngo.snapshot.organisationName } });
    const event = (await auditEvents(t.baseUrl, `wg:${g.id}`)).filter((e) => e.action === 'translation.saved').at(-1)!;
    expect(event).toMatchObject({ subjectId: doc.id, actorId: g.ngo.id, change: { clauseId: clause.id, language: 'fr', text: FRENCH[0], sourceText: clause.text, supersedes: null } });
    expect(event.actorSnapshot).toMatchObject({ organisationName: g.ngo.snapshot.organisationName });
    await live.waitFor('translation.saved pushed live', () => live.in(`doc:${doc.id}`).some((e) => e.action === 'translation.saved'));
    live.close();
  });

  it('answers only the counts when asked (the language bar of the document page)', async () => {
    const v = (await languageVersions(t, doc.id, 1, '?only=counts')).body;
    expect(v.clauses).toEqual([]);
    expect(v.languages).toHaveLength(6);
    expectProblem(await languageVersions(t, doc.id, 1, '?languages=fr,de'), 400, { fields: ['languages.1'] });
  });

  it('shows the translation to anyone, marked as a translation by its translator', async () => {
    const v = (await languageVersions(t, doc.id, 1, '?languages=fr')).body;
    expect(v.clauses[0].languages).toHaveLength(1);
    expect(v.clauses[0].languages[0]).toMatchObject({ language: 'fr', state: 'current', text: FRENCH[0], translator: { name: expect.any(String) } });
    expect(v.languages.find((l) => l.language === 'fr')).toMatchObject({ current: 1, missing: 2 });
  });

  it('carries translations forward to the version an accepted amendment consolidates, outdated where the original changed, missing for a new clause', async () => {
    // clause 1 is already in French (the same words again would change nothing, and are refused)
    for (const i of [1, 2]) await translate(g.government, doc, 1, doc.version.clauses[i].id, 'fr', FRENCH[i]);
    await translateAll(g.government, doc, 'ar', ARABIC);
    const propose = async (body: Record<string, unknown>) => (await g.ngo.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, { baseVersion: 1, rationale: 'Clearer.', ...body })).body;
    const changed = doc.version.clauses[1];
    const v2 = await acceptAndConsolidate(g, doc, await propose({ kind: 'replace', targetClauseId: changed.id, text: 'Critical infrastructure and its supply chains shall be protected.' }));
    const read = (await languageVersions(t, doc.id, 2)).body;
    expect(stateOf(read, doc.version.clauses[0].id, 'fr')).toMatchObject({ state: 'current', text: FRENCH[0], madeOnVersion: 1 });
    expect(stateOf(read, changed.id, 'fr')).toMatchObject({ state: 'outdated', text: FRENCH[1], sourceText: changed.text });
    expect(stateOf(read, changed.id, 'ar')).toMatchObject({ state: 'outdated', text: ARABIC[1] });
    expect(read.languages.find((l) => l.language === 'fr')).toMatchObject({ current: 2, outdated: 1, missing: 0 });
    // version 1 still reads its translations current: versions never change
    expect(stateOf((await languageVersions(t, doc.id, 1)).body, changed.id, 'fr').state).toBe('current');

    // updating the translation on version 2 clears the flag
    await translate(g.government, v2, 2, changed.id, 'fr', 'Les infrastructures critiques et leurs chaînes d’approvisionnement sont protégées.');
    const after = (await languageVersions(t, doc.id, 2)).body;
    // Current: made from the clause's text as it stands on version 2, which the read gives once, as the clause's original.
    expect(stateOf(after, changed.id, 'fr')).toMatchObject({ state: 'current', madeOnVersion: 2, sourceText: null });
    expect(after.clauses.find((c) => c.clauseId === changed.id)?.original).toBe('Critical infrastructure and its supply chains shall be protected.');
    expect(stateOf(after, changed.id, 'ar').state).toBe('outdated');
    const supersedes = (await auditEvents(t.baseUrl, `wg:${g.id}`)).filter((e) => e.action === 'translation.saved').at(-1)!.change as { supersedes: string | null };
    expect(supersedes.supersedes).toEqual(expect.any(String));
  });

  it('carries them forward across a chair’s text too: a reworded clause outdated, a new clause missing', async () => {
    const current = (await anonymous().get<DocumentResponse>(`/api/documents/${doc.id}`)).body;
    const clauses = current.version.clauses.map((c, i) => ({ id: c.id, kind: c.kind, text: i === 2 ? 'Electoral processes shall be protected from any interference.' : c.text }));
    const res = await g.chair.client.post<DocumentResponse>(`/api/documents/${doc.id}/chairs-texts`, { label: 'Rev.1', standing: 'draft', office: 'chair', clauses: [...clauses, { kind: 'operative', text: 'States shall report incidents.' }] });
    expect(res.status).toBe(201);
    const v = (await languageVersions(t, doc.id, res.body.version.number, '?languages=fr')).body;
    expect(v.clauses.map((c) => c.languages[0].state)).toEqual(['current', 'current', 'outdated', 'missing']);
  });

  describe('refusals (nothing written)', () => {
    const attempt = async (who: () => { client: ApiClient }, body: Record<string, unknown>, status: number, expectation: { code?: string; fields?: string[] }) => {
      const before = await translations();
      const res = await who().client.post(`/api/documents/${doc.id}/versions/1/translations`, body);
      const problem = expectProblem(res, status, expectation.fields ? { fields: expectation.fields } : {});
      if (expectation.code) expect(problem).toMatchObject({ code: expectation.code });
      expect(await translations()).toBe(before);
    };
    const clauseId = () => doc.version.clauses[0].id;

    it('refuses someone outside the group and an observer', async () => {
      await attempt(() => g.outsider, { clauseId: clauseId(), language: 'fr', text: FRENCH[0] }, 403, { code: 'members-only-translate' });
      await attempt(() => g.observer, { clauseId: clauseId(), language: 'fr', text: FRENCH[0] }, 403, { code: 'members-only-translate' });
      expectProblem(await anonymous().post(`/api/documents/${doc.id}/versions/1/translations`, { clauseId: clauseId(), language: 'fr', text: FRENCH[0] }), 401);
    });

    it('refuses an unknown language, an empty or oversize text, the original language, and another document’s clause, naming the field', async () => {
      await attempt(() => g.ngo, { clauseId: clauseId(), language: 'de', text: 'Staaten arbeiten zusammen.' }, 400, { fields: ['language'] });
      await attempt(() => g.ngo, { clauseId: clauseId(), language: 'fr', text: '   ' }, 400, { fields: ['text'] });
      await attempt(() => g.ngo, { clauseId: clauseId(), language: 'fr', text: 'x'.repeat(30_001) }, 400, { fields: ['text'] });
      await attempt(() => g.ngo, { clauseId: clauseId(), language: 'en', text: 'States cooperate.' }, 400, { fields: ['language'] });
      const other = await newShortDocument(g);
      await attempt(() => g.ngo, { clauseId: other.version.clauses[0].id, language: 'fr', text: FRENCH[0] }, 400, { fields: ['clauseId'] });
      await attempt(() => g.ngo, { clauseId: 'not-a-uuid', language: 'fr', text: FRENCH[0] }, 400, { fields: ['clauseId'] });
    });

    it('refuses an observer the group named rapporteur: the membership kind decides (review M3)', async () => {
      await t.dataSource.query(`UPDATE memberships SET is_rapporteur = true WHERE working_group_id = $1 AND person_id = $2`, [g.id, g.observer.id]);
      try {
        await attempt(() => g.observer, { clauseId: clauseId(), language: 'es', text: 'Los Estados cooperarán.' }, 403, { code: 'members-only-translate' });
        expect((await languageVersions(t, doc.id, 1, '?only=counts', g.observer.client)).body.can.translate).toBe(false);
      } finally {
        await t.dataSource.query(`UPDATE memberships SET is_rapporteur = false WHERE working_group_id = $1 AND person_id = $2`, [g.id, g.observer.id]);
      }
    });

    it('refuses a save that changes nothing (the same words, made from the same original), naming the text, and records no event (review M4)', async () => {
      const events = (await auditEvents(t.baseUrl, `wg:${g.id}`)).length;
      const current = stateOf((await languageVersions(t, doc.id, 1, '?languages=ar')).body, clauseId(), 'ar');
      await attempt(() => g.company, { clauseId: clauseId(), language: 'ar', text: current.text }, 400, { fields: ['text'] });
      expect((await auditEvents(t.baseUrl, `wg:${g.id}`)).length).toBe(events);
    });
  });

  it('takes a translation half as long again as the longest clause (translations run longer, review L2)', async () => {
    const long = 'Les États coopèrent. '.repeat(1_200).trim();
    expect(long.length).toBeGreaterThan(20_000);
    const saved = await translate(g.ngo, doc, 1, doc.version.clauses[2].id, 'ru', long);
    expect(saved.text).toBe(long);
  });

  it('orders concurrent saves of one clause: each supersedes the one before, none forks (review M2)', async () => {
    const h = await newDraftingGroup(t);
    const d = await newShortDocument(h);
    const clause = d.version.clauses[0].id;
    const texts = ['Один.', 'Два.', 'Три.', 'Четыре.', 'Пять.'];
    const results = await Promise.all(texts.map((text, i) => [h.ngo, h.company, h.government, h.chair, h.rapporteur][i].client.post(`/api/documents/${d.id}/versions/1/translations`, { clauseId: clause, language: 'ru', text })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const saved = (await auditEvents(t.baseUrl, `wg:${h.id}`)).filter((e) => e.action === 'translation.saved').map((e) => e.change as { translationId: string; supersedes: string | null; text: string });
    expect(saved.filter((s) => s.supersedes === null)).toHaveLength(1);
    expect(new Set(saved.map((s) => s.supersedes)).size).toBe(5);
    // one chain, in the order the log recorded them; the version reads the last link
    for (let i = 1; i < saved.length; i++) expect(saved[i].supersedes).toBe(saved[i - 1].translationId);
    const read = (await languageVersions(t, d.id, 1, '?languages=ru')).body;
    expect(stateOf(read, clause, 'ru').text).toBe(saved.at(-1)!.text);
  });

  describe('original and authentic languages', () => {
    it('lets the chair set a new document’s original language while it has one version, audited; not a member; not after version 2', async () => {
      const fresh = await newShortDocument(g, 'fr');
      expect((await languageVersions(t, fresh.id, 1)).body.originalLanguage).toBe('fr');
      expectProblem(await g.ngo.client.put(`/api/documents/${fresh.id}/original-language`, { language: 'es' }), 403);
      const res = await g.chair.client.put(`/api/documents/${fresh.id}/original-language`, { language: 'es' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ documentId: fresh.id, originalLanguage: 'es' });
      const event = (await auditEvents(t.baseUrl, `wg:${g.id}`)).filter((e) => e.action === 'document.original-language-changed').at(-1)!;
      expect(event.change).toEqual({ documentId: fresh.id, before: 'fr', after: 'es' });
      expect(expectProblem(await g.chair.client.put(`/api/documents/${doc.id}/original-language`, { language: 'fr' }), 409)).toMatchObject({ code: 'original-language-fixed' });
    });

    it('lets the chair declare the group’s authentic languages, audited with before and after; not a member', async () => {
      expectProblem(await g.ngo.client.put(`/api/working-groups/${g.id}/authentic-languages`, { languages: ['fr'] }), 403);
      expectProblem(await g.chair.client.put(`/api/working-groups/${g.id}/authentic-languages`, { languages: ['xx'] }), 400, { fields: ['languages.0'] });
      const res = await g.chair.client.put(`/api/working-groups/${g.id}/authentic-languages`, { languages: ['fr', 'ar'], note: 'As agreed at the first session.' });
      expect(res.body).toEqual({ workingGroupId: g.id, authenticLanguages: ['ar', 'fr'] });
      const event = (await auditEvents(t.baseUrl, `wg:${g.id}`)).filter((e) => e.action === 'working-group.authentic-languages-changed').at(-1)!;
      expect(event.change).toEqual({ before: [], after: ['ar', 'fr'], note: 'As agreed at the first session.' });
      const v = (await languageVersions(t, doc.id, 1)).body;
      expect(v.authenticLanguages).toEqual(['ar', 'fr']);
      expect(v.languages.filter((l) => l.authentic).map((l) => l.language)).toEqual(['ar', 'en', 'fr']);
    });
  });

  describe('locks', () => {
    it('refuses an outsider at once, without waiting for (or taking) the lock on the group (review L4)', async () => {
      const holder = t.dataSource.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      try {
        await holder.query(`SELECT 1 FROM working_groups WHERE id = $1 FOR UPDATE`, [g.id]);
        const timeout = new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 3_000));
        const answer = await Promise.race([g.outsider.client.put(`/api/working-groups/${g.id}/authentic-languages`, { languages: ['es'] }), timeout]);
        expect(answer).not.toBe('waited');
        expectProblem(answer as Exclude<typeof answer, 'waited'>, 403);
      } finally {
        await holder.rollbackTransaction();
        await holder.release();
      }
    });
  });

  describe('members-only drafts', () => {
    it('keeps translations of a members-only version from anyone outside the group, and shows them to members', async () => {
      const h = await newDraftingGroup(t);
      const d = await newShortDocument(h);
      const { version, clauseId } = await issueMembersOnlyVersion(h, d);
      await translate(h.ngo, d, version.version.number, clauseId, 'fr', 'Invite les capitales à consulter leurs agences.');
      expect(expectProblem(await languageVersions(t, d.id, 2), 404)).toMatchObject({ code: 'version-members-only' });
      expectProblem(await languageVersions(t, d.id, 2, '', h.outsider.client), 404);
      const member = await languageVersions(t, d.id, 2, '?languages=fr', h.company.client);
      expect(member.status).toBe(200);
      expect(member.body.clauses.find((c) => c.clauseId === clauseId)!.languages[0].text).toBe('Invite les capitales à consulter leurs agences.');
      // the log withholds the translation's text until the version is published
      const event = (await auditEvents(t.baseUrl, `wg:${h.id}`)).filter((e) => e.action === 'translation.saved').at(-1)!;
      expect(JSON.stringify(event)).not.toContain('Invite les capitales');
    });

    it('leaves out, for a reader who may not read it, a translation made on a members-only version, even carried forward to a later public one (review H1)', async () => {
      const h = await newDraftingGroup(t);
      const d = await newShortDocument(h);
      const { version, clauseId } = await issueMembersOnlyVersion(h, d);
      await translate(h.ngo, d, version.version.number, clauseId, 'fr', 'Invite les capitales à consulter leurs agences.');
      // the chair issues a public text that rewords the secret clause
      const clauses = version.version.clauses.map((c) => ({ id: c.id, kind: c.kind, text: c.id === clauseId ? 'Calls upon States to share good practice.' : c.text }));
      const v3 = await h.chair.client.post<DocumentResponse>(`/api/documents/${d.id}/chairs-texts`, { label: 'Rev.1', standing: 'draft', office: 'chair', clauses });
      expect(v3.status).toBe(201);
      const n = v3.body.version.number;
      for (const query of ['?languages=fr', '']) {
        const res = await languageVersions(t, d.id, n, query);
        expect(res.status).toBe(200);
        expect(JSON.stringify(res.body)).not.toContain(MEMBERS_ONLY_TEXT);
        expect(JSON.stringify(res.body)).not.toContain('Invite les capitales');
        expect(stateOf(res.body, clauseId, 'fr')).toMatchObject({ state: 'missing', text: null, sourceText: null });
      }
      const counts = (await languageVersions(t, d.id, n, '?only=counts', h.outsider.client)).body;
      expect(counts.languages.find((l) => l.language === 'fr')).toMatchObject({ current: 0, outdated: 0, missing: 4 });
      // a member reads it, outdated, with the original as translated
      const member = (await languageVersions(t, d.id, n, '?languages=fr', h.company.client)).body;
      expect(stateOf(member, clauseId, 'fr')).toMatchObject({ state: 'outdated', sourceText: MEMBERS_ONLY_TEXT, madeOnVersion: version.version.number });
      expect((await languageVersions(t, d.id, n, '?only=counts', h.company.client)).body.languages.find((l) => l.language === 'fr')).toMatchObject({ outdated: 1, missing: 3 });
    });
  });
});
