import { startTestApp } from '../support/test-app';

/**
 * An app closed moments after it started (a short test suite, a start that fails right after the
 * listen) must still close: the socket.io adapter's LISTEN client may still be on its way from
 * the pool, and the pool used to wait for it forever (a CI run hung 60 s in such an afterAll).
 */
describe('closing an app right after it started', () => {
  it('closes every time, within seconds, even before the live adapter has its connection', async () => {
    for (let i = 0; i < 4; i++) {
      const t = await startTestApp();
      const closed = t.close().then(() => 'closed');
      const late = new Promise<string>((resolve) => setTimeout(() => resolve('still closing after 15 s'), 15_000).unref());
      expect(await Promise.race([closed, late])).toBe('closed');
    }
  }, 90_000);
});
