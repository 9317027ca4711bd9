import type { ActiveSessionResponse, SessionResponse } from '@parley/contracts';
import { newPerson } from '../support/factories';
import { ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { LiveClient } from './realtime-client';

/**
 * Issue #24 (decision 0051): a live connection opened with a session ends with it. Otherwise a
 * socket would go on hearing its person's private notifications (their `person:<id>` room) after the
 * person ended that session from another device, or a steward ended them all.
 */
jest.setTimeout(30_000);
const password = 'correct horse battery';

describe('ending a session closes its live connections', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  const closed = (c: LiveClient) => c.waitFor('the socket to be disconnected', () => !c.socket.connected, 5_000);

  it('ending one session disconnects its sockets and no other; the anonymous and the other session stay', async () => {
    const p = await newPerson(t.baseUrl);
    const phone = await new ApiClient(t.baseUrl).post<SessionResponse>('/api/auth/login', { email: p.email, password });
    const phoneSocket = await LiveClient.connect(t.baseUrl, { token: phone.body.token });
    const laptopSocket = await LiveClient.connect(t.baseUrl, { token: p.session.token });
    const anonymous = await LiveClient.connect(t.baseUrl);
    try {
      const sessions = (await p.client.get<ActiveSessionResponse[]>('/api/me/sessions')).body;
      const phoneSession = sessions.find((s) => !s.current)!;
      expect((await p.client.request('DELETE', `/api/me/sessions/${phoneSession.id}`)).status).toBe(204);
      await closed(phoneSocket);
      await new Promise((r) => setTimeout(r, 200));
      expect(laptopSocket.socket.connected).toBe(true);
      expect(anonymous.socket.connected).toBe(true);
      // Reconnecting with the ended token is refused.
      await expect(LiveClient.connect(t.baseUrl, { token: phone.body.token })).rejects.toThrow();
    } finally {
      for (const c of [phoneSocket, laptopSocket, anonymous]) c.socket.close();
    }
  });

  it('signing out, and a steward ending all of an account’s sessions, disconnect them too', async () => {
    const steward = await newPerson(t.baseUrl);
    // The first account of this app is the steward: make sure it is this one, whatever ran before.
    await t.dataSource.query(`UPDATE people SET is_steward = true WHERE id = $1`, [steward.id]);
    const p = await newPerson(t.baseUrl);
    const other = await new ApiClient(t.baseUrl).post<SessionResponse>('/api/auth/login', { email: p.email, password });
    const a = await LiveClient.connect(t.baseUrl, { token: p.session.token });
    const b = await LiveClient.connect(t.baseUrl, { token: other.body.token });
    try {
      expect((await new ApiClient(t.baseUrl).withToken(other.body.token).post('/api/auth/logout')).status).toBe(204);
      await closed(b);
      expect(a.socket.connected).toBe(true);
      expect((await steward.client.post(`/api/people/${p.id}/sessions/end-all`, { reason: 'Compromised account.' })).status).toBe(200);
      await closed(a);
    } finally {
      a.socket.close();
      b.socket.close();
    }
  });
});

describe('across API instances', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  it('a session ended through one instance disconnects its socket on the other (through the adapter)', async () => {
    const p = await newPerson(a.baseUrl);
    const phone = await new ApiClient(a.baseUrl).post<SessionResponse>('/api/auth/login', { email: p.email, password });
    const onB = await LiveClient.connect(b.baseUrl, { token: phone.body.token });
    const stayOnB = await LiveClient.connect(b.baseUrl, { token: p.session.token });
    try {
      const phoneSession = (await p.client.get<ActiveSessionResponse[]>('/api/me/sessions')).body.find((s) => !s.current)!;
      expect((await p.client.request('DELETE', `/api/me/sessions/${phoneSession.id}`)).status).toBe(204);
      await onB.waitFor('the socket on the other instance to be disconnected', () => !onB.socket.connected, 10_000);
      expect(stayOnB.socket.connected).toBe(true);
    } finally {
      onB.socket.close();
      stayOnB.socket.close();
    }
  });
});
