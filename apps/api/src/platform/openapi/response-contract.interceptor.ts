import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, map, type Observable } from 'rxjs';
import { API_ROUTES, PROBLEM_TYPES, type RouteSpec } from '@parley/contracts';
import { ProblemException } from '../http/problem';

function broken(key: string, detail: string): ProblemException {
  // Loud on purpose: the test run's output names the route and why, whatever the test asserted.
  process.stderr.write(`Answer outside its contract: ${key}: ${detail}\n`);
  return new ProblemException({ type: PROBLEM_TYPES.internal, title: 'Answer outside its contract', status: 500, detail: `${key}: ${detail}`, code: 'internal-error', params: {} });
}

/** Why `body` is not what the route table says the route answers; null when it is. */
function mismatch(spec: RouteSpec, body: unknown): string | null {
  const r = spec.response;
  if ('parse' in r) {
    if (spec.alternative && typeof body === 'string') return null;
    const parsed = r.safeParse(body);
    return parsed.success
      ? null
      : parsed.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
          .join('; ');
  }
  if (r.kind === 'no-content') return body === undefined ? null : 'answers a body where the table says no content';
  // A handler that writes its own stream (@Res()) returns nothing; one that returns its text returns a string.
  return body === undefined || typeof body === 'string' ? null : `answers ${typeof body} where the table says ${r.mediaType}`;
}

/**
 * Test runs only (PARLEY_CHECK_RESPONSES=true): every answer is parsed with its route's schema
 * from the route table, and every 4xx must be one the table lists. A mismatch is a loud 500
 * naming the route and the fields, so the API test suites prove the contract the OpenAPI document
 * and the web's typed client are built from.
 */
@Injectable()
export class ResponseContractInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const key = `${req.method === 'HEAD' ? 'GET' : req.method} ${String(req.route?.path)}`;
    const spec = (API_ROUTES as Record<string, RouteSpec | undefined>)[key];
    if (!spec) throw broken(key, 'not in the route table (libs/contracts/src/api/routes)');
    return next.handle().pipe(
      map((body: unknown) => {
        const why = mismatch(spec, body);
        if (why) throw broken(key, `answer does not match its schema: ${why}`);
        return body;
      }),
      catchError((e: unknown) => {
        const status = e instanceof HttpException ? e.getStatus() : 500;
        if (status >= 400 && status < 500 && !(spec.problems as readonly number[]).includes(status))
          throw broken(key, `answered ${status}, which its route table entry does not list`);
        throw e;
      }),
    );
  }
}
