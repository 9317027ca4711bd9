import { WITHHELD_UNTIL_PUBLICATION } from '@parley/domain';
import type { CommentResponse, CommentThreadPage, DocumentResponse, PersonTranslation } from '@parley/contracts';
import { auditEvents, expectProblem } from '../support/expectations';
import { type DraftingGroup, newDraftingGroup, newParisCallDocument } from '../support/drafting-fixtures';
import { ApiClient } from '../support/http-client';
import { issueMembersOnlyVersion } from '../support/members-only-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

const TRANSLATED = 'Les capitales doivent-elles consulter leurs agences avant Genève ?';

/** Translations of what is said about a version kept to members stay with the members until it is published (decisions 0041, 0047). */
describe('translations people add, on a members-only version', () => {
  let t: TestApp;
  let g: DraftingGroup;
  let doc: DocumentResponse;
  let clauseId: string;
  let comment: CommentResponse;
  let translation: PersonTranslation;

  beforeAll(async () => {
    t = await startTestApp();
    g = await newDraftingGroup(t);
    doc = await newParisCallDocument(t, g);
    ({ clauseId } = await issueMembersOnlyVersion(g, doc));
    const posted = await g.ngo.client.post<CommentResponse>(`/api/documents/${doc.id}/comments`, { clauseId, body: 'Must the capitals consult their agencies before Geneva?', writtenLanguage: 'en' });
    expect(posted.status).toBe(201);
    comment = posted.body;
    const added = await g.government.client.post<PersonTranslation>(`/api/comments/${comment.id}/translations`, { language: 'fr', text: TRANSLATED });
    expect(added.status).toBe(201);
    translation = added.body;
  });
  afterAll(() => t.close());

  it('members read the translation beside the comment', async () => {
    const page = await g.observer.client.get<CommentThreadPage>(`/api/documents/${doc.id}/comments?clauseId=${clauseId}&version=2`);
    expect(page.body.items.find((c) => c.id === comment.id)?.translations).toEqual([translation]);
  });

  it('nobody outside the group reads it: the thread is refused, the public log withholds the translation', async () => {
    const anonymous = new ApiClient(t.baseUrl);
    expect((await anonymous.get(`/api/documents/${doc.id}/comments?clauseId=${clauseId}&version=2`)).status).toBeGreaterThanOrEqual(400);
    expectProblem(await g.outsider.client.post(`/api/comments/${comment.id}/translations`, { language: 'ar', text: 'ترجمتي' }), 403);
    const events = await auditEvents(t.baseUrl, `wg:${g.id}`);
    const e = events.find((x) => x.action === 'comment.translated')!;
    expect({ change: e.change, withheld: e.withheld }).toEqual({ change: {}, withheld: WITHHELD_UNTIL_PUBLICATION });
    expect(JSON.stringify(events)).not.toContain(TRANSLATED);
  });
});
