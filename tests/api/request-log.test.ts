import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { requestLogOptions } from '../../apps/api/src/platform/http/request-log';

/** A real HTTP server behind the API's request logging, its log lines kept. */
async function loggedServer(level: string, status: number) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const options = requestLogOptions(level);
  const middleware = pinoHttp({ ...options, logger: pino({ level, redact: options.redact, serializers: options.serializers }, sink) });
  const bindings: Record<string, unknown>[] = [];
  const server: Server = createServer((req, res) => {
    middleware(req, res);
    bindings.push((req as IncomingMessage & { log: pino.Logger }).log.bindings());
    res.statusCode = status;
    res.end('done');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { base, lines, bindings, close };
}

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('request logging', () => {
  it('at info, one line per finished request: method, address without an OpenID code or state, no credentials, the request id', async () => {
    const s = await loggedServer('info', 302);
    try {
      const answer = await fetch(`${s.base}/api/auth/oidc/callback?code=SECRET-CODE&state=SECRET-STATE`, {
        headers: { authorization: 'Bearer SECRET-TOKEN', cookie: 'parley_session=SECRET-COOKIE' },
        redirect: 'manual',
      });
      await settle();
      expect(s.lines).toHaveLength(1);
      const [line] = s.lines as { req: { method: string; url: string; headers: Record<string, string> }; res: { statusCode: number }; reqId: string }[];
      expect(line.req.method).toBe('GET');
      expect(line.req.url).toBe('/api/auth/oidc/callback?code=[redacted]&state=[redacted]');
      expect(line.req.headers.authorization).toBe('[Redacted]');
      expect(line.req.headers.cookie).toBe('[Redacted]');
      expect(line.res.statusCode).toBe(302);
      expect(line.reqId).toBe(answer.headers.get('x-request-id'));
      expect(JSON.stringify(s.lines)).not.toMatch(/SECRET/);
    } finally {
      await s.close();
    }
  });

  it('at warn, a request that went well writes nothing and its logger carries only its id; a 5xx is logged with its request', async () => {
    const ok = await loggedServer('warn', 200);
    try {
      await fetch(`${ok.base}/api/documents`, { headers: { 'x-request-id': 'trace-7' } });
      await settle();
      expect(ok.lines).toEqual([]);
      expect(ok.bindings).toEqual([{ reqId: 'trace-7' }]);
    } finally {
      await ok.close();
    }
    const failing = await loggedServer('warn', 500);
    try {
      await fetch(`${failing.base}/api/documents/x/comments`, { method: 'POST', headers: { authorization: 'Bearer SECRET-TOKEN' } });
      await settle();
      expect(failing.lines).toHaveLength(1);
      expect(failing.lines[0]).toMatchObject({
        level: 50,
        req: { method: 'POST', url: '/api/documents/x/comments', headers: { authorization: '[Redacted]' } },
        res: { statusCode: 500 },
      });
    } finally {
      await failing.close();
    }
  });
});
