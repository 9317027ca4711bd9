import type { CommentThreadPage, DocumentResponse, NotificationList, SessionResponse } from '@parley/contracts';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-people';
import { seedDemoDraft } from '../support/demo-draft';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(120_000);

describe('the demo’s mention and follow (issue #20)', () => {
  let t: TestApp;
  let doc: DocumentResponse;
  let ana: ApiClient;
  let anaId: string;
  const api = () => new ApiClient(t.baseUrl);

  beforeAll(async () => {
    t = await startTestApp();
    doc = await seedDemoDraft(t);
    // The demo login the README gives.
    const session = await api().post<SessionResponse>('/api/auth/login', { email: 'ana.ruiz@demo.parley.example', password: DEMO_PASSWORD });
    expect(session.status).toBe(200);
    ana = api().withToken(session.body.token);
    anaId = session.body.me.id;
  });
  afterAll(() => t.close());

  it('Chatham House mentions Ana Ruiz of Access Now in a reply on principle 2, recorded with her affiliation', async () => {
    const p2 = doc.version.clauses.find((c) => c.label === '2.')!;
    const threads = (await api().get<CommentThreadPage>(`/api/documents/${doc.id}/comments?clauseId=${p2.id}`)).body;
    const replies = threads.items.flatMap((c) => c.replies);
    const mentioning = replies.filter((r) => r.mentions.some((m) => m.personId === anaId));
    expect(mentioning).toEqual([
      expect.objectContaining({
        body: expect.stringContaining(`@[Ana Ruiz](${anaId})`),
        author: expect.objectContaining({ snapshot: expect.objectContaining({ organisationName: 'Chatham House' }) }),
        mentions: [
          { personId: anaId, name: 'Ana Ruiz', snapshot: expect.objectContaining({ organisationName: 'Access Now', stakeholderGroup: 'civil-society' }) },
        ],
      }),
    ]);
  });

  it('Ana Ruiz follows principle 2 of the Paris Call draft, and her notifications hold the mention', async () => {
    const p2 = doc.version.clauses.find((c) => c.label === '2.')!;
    const follows = (await ana.get<{ items: { targetType: string; targetId: string; document: { id: string } | null }[] }>('/api/me/follows')).body;
    expect(follows.items).toEqual([expect.objectContaining({ targetType: 'clause', targetId: p2.id, document: expect.objectContaining({ id: doc.id }) })]);
    // The deriver reads the demo's history after it is loaded: the mention is among her notifications.
    let mentioned: NotificationList['items'] = [];
    for (let i = 0; i < 100 && mentioned.length === 0; i++) {
      const list = (await ana.get<NotificationList>('/api/me/notifications?limit=100')).body;
      mentioned = list.items.filter((n) => n.kind === 'mentioned');
      if (mentioned.length === 0) await new Promise((r) => setTimeout(r, 200));
    }
    expect(mentioned).toEqual([expect.objectContaining({ actor: expect.objectContaining({ snapshot: expect.objectContaining({ organisationName: 'Chatham House' }) }) })]);
    expect(mentioned[0].link).toContain(`clause=${p2.id}`);
  });

  it('the draft’s Atom feed names its versions', async () => {
    const res = await api().get<string>(`/api/documents/${doc.id}/feed.atom`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('created the document “Paris Call for Trust and Security in Cyberspace — draft principles”');
    expect(res.body).toContain('issued a chair’s text as version 3');
  });
});
