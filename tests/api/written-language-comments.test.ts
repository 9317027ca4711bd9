import type { AmendmentResponse, CommentResponse, CommentThreadPage, DocumentResponse, PersonTranslation } from '@parley/contracts';
import { auditEvents, expectProblem } from '../support/expectations';
import { clauseByLabel, type DraftingGroup, newDraftingGroup, newParisCallDocument } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { LiveClient } from './realtime-client';

const ARABIC = 'هل يشمل «القطاع التجاري» المؤسسات المملوكة للدولة؟';

describe('the language of what people write, and translations people add (decision 0047)', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let clauseId: string;
  const events = () => auditEvents(t.baseUrl, `wg:${g.id}`);
  const anonymous = () => new ApiClient(t.baseUrl);
  const threads = async (client: ApiClient = anonymous()) => (await client.get<CommentThreadPage>(`/api/documents/${doc.id}/comments?clauseId=${clauseId}`)).body.items;

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    clauseId = clauseByLabel(doc, '4.').id;
  });
  afterAll(() => t.close());

  it('a comment written in Arabic records its language; the audit event says so; the thread list shows it', async () => {
    const res = await g.ngo.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId, kind: 'clarification', body: ARABIC, writtenLanguage: 'ar' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ body: ARABIC, writtenLanguage: 'ar', translations: [], can: { translate: true } });
    expect((await events()).at(-1)).toMatchObject({ action: 'comment.posted', subjectId: res.body.id, change: { body: ARABIC, writtenLanguage: 'ar' } });
    expect((await threads()).find((c) => c.id === res.body.id)).toMatchObject({ writtenLanguage: 'ar', translations: [], can: { translate: false } });
  });

  it('a comment or reply without a language is unknown (null), as every comment written before', async () => {
    const res = await g.company.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId, body: 'No language said.' });
    expect(res.body.writtenLanguage).toBeNull();
    expect((await events()).at(-1)?.change).not.toHaveProperty('writtenLanguage');
    const reply = await g.government.client.post<CommentResponse>(`/api/comments/${res.body.id}/replies`, { body: 'Réponse en français.', writtenLanguage: 'fr' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ parentId: res.body.id, writtenLanguage: 'fr' });
  });

  it.each([
    ['a language that is not a UN language', { writtenLanguage: 'de' }],
    ['a language code in another form', { writtenLanguage: 'AR' }],
    ['a language that is not a string', { writtenLanguage: 7 }],
  ])('refuses %s with a 400 naming writtenLanguage; nothing written', async (_what, extra) => {
    const before = (await events()).length;
    const res = await g.ngo.client.post(`/api/documents/${doc.id}/comments`, { clauseId, body: 'x', ...extra });
    expectProblem(res, 400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['writtenLanguage']);
    expect((await events()).length).toBe(before);
  });

  it('an amendment records the language of its text and rationale, and its diff splits Chinese words', async () => {
    const version = (await anonymous().get<DocumentResponse>(`/api/documents/${doc.id}`)).body.version;
    const target = clauseByLabel(doc, '4.');
    const res = await g.government.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, {
      kind: 'replace',
      baseVersion: version.number,
      targetClauseId: target.id,
      text: `${target.text} 各国应加强网络安全和数据保护领域的国际合作。`,
      rationale: '与原则一保持一致。',
      writtenLanguage: 'zh',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ writtenLanguage: 'zh', rationaleTranslations: [], can: { translate: true } });
    expect(res.body.diff.filter((p) => p.op === 'insert').map((p) => p.text)).toEqual([' 各国应加强网络安全和数据保护领域的国际合作。']);
    expect((await events()).at(-1)).toMatchObject({ action: 'amendment.proposed', change: { writtenLanguage: 'zh' } });
    const bad = await g.government.client.post(`/api/documents/${doc.id}/amendments`, { kind: 'delete', baseVersion: version.number, targetClauseId: target.id, rationale: 'x', writtenLanguage: 'xx' });
    expectProblem(bad, 400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['writtenLanguage']);
  });

  describe('translations people add', () => {
    let arabic: CommentResponse;
    beforeAll(async () => {
      arabic = (await g.ngo.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId, body: ARABIC, writtenLanguage: 'ar' })).body;
    });

    it('a member adds an English translation: shown with the comment as theirs, with their affiliation; one audit event; live in the document room', async () => {
      const live = await LiveClient.connect(t.baseUrl, { token: g.observer.client.token! });
      expect(await live.join(`doc:${doc.id}`)).toMatchObject({ ok: true });
      try {
        const res = await g.company.client.post<PersonTranslation>(`/api/comments/${arabic.id}/translations`, {
          language: 'en',
          text: 'Does “commercial sector” cover state-owned enterprises?',
        });
        expect([res.status, res.body]).toEqual([201, expect.anything()]);
        expect(res.body).toMatchObject({ language: 'en', text: 'Does “commercial sector” cover state-owned enterprises?', translator: { id: g.company.id, name: g.company.name, snapshot: g.company.snapshot } });
        expect((await events()).at(-1)).toMatchObject({
          action: 'comment.translated',
          subjectType: 'comment',
          subjectId: arabic.id,
          actorId: g.company.id,
          change: { documentId: doc.id, clauseId, translationId: res.body.id, language: 'en', writtenLanguage: 'ar', text: 'Does “commercial sector” cover state-owned enterprises?' },
        });
        await live.waitFor('the translation, live', () => live.in(`doc:${doc.id}`).some((e) => e.action === 'comment.translated' && e.subjectId === arabic.id));
        const shown = (await threads()).find((c) => c.id === arabic.id)!;
        expect(shown.body).toBe(ARABIC); // the original stays what it is
        expect(shown.translations).toEqual([res.body]);
      } finally {
        live.close();
      }
    });

    it('an observer (a member of the group) adds a French one; translations are listed oldest first', async () => {
      const res = await g.observer.client.post<PersonTranslation>(`/api/comments/${arabic.id}/translations`, { language: 'fr', text: 'Le « secteur commercial » comprend-il les entreprises publiques ?' });
      expect(res.status).toBe(201);
      expect((await threads()).find((c) => c.id === arabic.id)!.translations.map((x) => x.language)).toEqual(['en', 'fr']);
    });

    it('a later translation into the same language is the one shown: a thread carries one translation per language, however many are added', async () => {
      for (const text of ['Does “commercial sector” include State-owned companies? (1)', 'Does “commercial sector” include State-owned companies? (2)']) {
        expect((await g.observer.client.post(`/api/comments/${arabic.id}/translations`, { language: 'en', text })).status).toBe(201);
      }
      const shown = (await threads()).find((c) => c.id === arabic.id)!.translations;
      expect(shown.map((x) => [x.language, x.text])).toEqual([
        ['fr', 'Le « secteur commercial » comprend-il les entreprises publiques ?'],
        ['en', 'Does “commercial sector” include State-owned companies? (2)'],
      ]);
    });

    it('a member translates an amendment’s rationale; the amendment shows it', async () => {
      const version = (await anonymous().get<DocumentResponse>(`/api/documents/${doc.id}`)).body.version;
      const proposed = await g.government.client.post<AmendmentResponse>(`/api/documents/${doc.id}/amendments`, {
        kind: 'delete',
        baseVersion: version.number,
        targetClauseId: clauseByLabel(doc, '2.').id,
        rationale: 'Redundant with principle 1.',
        writtenLanguage: 'en',
      });
      expect([proposed.status, proposed.body]).toEqual([201, expect.objectContaining({ writtenLanguage: 'en' })]);
      const amendment = proposed.body;
      const res = await g.ngo.client.post<PersonTranslation>(`/api/amendments/${amendment.id}/rationale-translations`, { language: 'ar', text: 'زائدة عن المبدأ الأول.' });
      expect(res.status).toBe(201);
      expect((await events()).at(-1)).toMatchObject({ action: 'amendment.rationale-translated', subjectId: amendment.id, change: { language: 'ar', writtenLanguage: 'en', text: 'زائدة عن المبدأ الأول.' } });
      const read = await anonymous().get<AmendmentResponse>(`/api/amendments/${amendment.id}`);
      expect(read.body).toMatchObject({ rationale: 'Redundant with principle 1.', writtenLanguage: 'en', rationaleTranslations: [{ language: 'ar', text: 'زائدة عن المبدأ الأول.', translator: { id: g.ngo.id } }] });
    });

    it('refuses someone outside the group (403), a chair of another group (403) and no session (401); nothing written', async () => {
      const other = await newDraftingGroup(t);
      const before = (await events()).length;
      const body = { language: 'en', text: 'Mine.' };
      const refused = await g.outsider.client.post(`/api/comments/${arabic.id}/translations`, body);
      expectProblem(refused, 403);
      expect(refused.body).toMatchObject({ code: 'translators-in-group-only', detail: 'Only members and observers of this working group can add a translation of what is said in it' });
      expectProblem(await other.chair.client.post(`/api/comments/${arabic.id}/translations`, body), 403);
      expectProblem(await anonymous().post(`/api/comments/${arabic.id}/translations`, body), 401);
      expect((await events()).length).toBe(before);
    });

    it.each([
      ['into the language it was written in', { language: 'ar', text: 'نفس اللغة' }, 'language'],
      ['into no UN language', { language: 'de', text: 'Deutsch' }, 'language'],
      ['an empty text', { language: 'en', text: '   ' }, 'text'],
      ['an unknown field', { language: 'en', text: 'x', official: true }, 'official'],
    ])('refuses a translation %s (400 naming %s); nothing written', async (_what, body, field) => {
      const before = (await events()).length;
      const res = await g.company.client.post(`/api/comments/${arabic.id}/translations`, body);
      expectProblem(res, 400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect((await events()).length).toBe(before);
    });

    it('answers 404 for a comment or amendment that does not exist', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      expectProblem(await g.company.client.post(`/api/comments/${missing}/translations`, { language: 'en', text: 'x' }), 404);
      expectProblem(await g.company.client.post(`/api/amendments/${missing}/rationale-translations`, { language: 'en', text: 'x' }), 404);
    });
  });
});
