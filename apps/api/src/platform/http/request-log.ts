import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';
import { withoutOidcSecrets } from '../../identity/institutional/oidc-log';

/**
 * pino-http's options: one line per finished request (at `info`, a 5xx at `error`), its id in `X-Request-Id`.
 * The request is serialised only into a line that is written: by default pino-http binds every
 * request, serialised and redacted, to a child logger before anything is known to be logged, about
 * 5 % of the API's CPU in a vote storm at level `warn` (decision 0057). Here each request's logger
 * carries only its id, and the finished line adds the request itself.
 */
export function requestLogOptions(level: string): Options {
  return {
    level,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // A 5xx is the operator's business even when only warnings are kept.
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    quietReqLogger: true,
    quietResLogger: true,
    customSuccessObject: (req, _res, line) => ({ req, ...line }),
    customErrorObject: (req, _res, _error, line) => ({ req, ...line }),
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'req.query.code', 'req.query.state'],
    // An OpenID Connect callback's code and state are a sign-in in flight: never in the logs (decision record 0049).
    serializers: { req: (req: { url?: string }) => ({ ...req, url: withoutOidcSecrets(req.url) }) },
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
  };
}
