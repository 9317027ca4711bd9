import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

/**
 * How long a stopping instance keeps its open connections (decision 0058). Longer than the
 * upstream `keepalive_timeout` of docker/nginx.conf.template (4 s), so that nginx, not the API,
 * closes the pooled connections it is not using.
 */
export const DRAIN_MS = 5_000;

/**
 * Drains an HTTP server before the app closes: it stops accepting connections (a proxy's new
 * connection is refused and goes to the other instance, which is always safe to retry), answers
 * every request that still arrives on an open connection with `Connection: close`, and waits until
 * the connections are gone or `graceMs` has passed.
 *
 * Not http.Server.close(): since Node 19 it also closes idle kept-alive connections at once, and a
 * proxy that has just sent a request on one of them gets a reset it cannot retry for a POST (a 502).
 */
export async function drain(server: Server, graceMs = DRAIN_MS): Promise<void> {
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => res.setHeader('Connection', 'close'));
  NetServer.prototype.close.call(server);
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    const open = await new Promise<number>((resolve) => server.getConnections((error, count) => resolve(error ? 0 : count)));
    if (open === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
