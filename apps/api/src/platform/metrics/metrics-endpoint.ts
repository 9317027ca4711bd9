import { createHash, timingSafeEqual } from 'node:crypto';
import { NotFoundException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { refusal, type Problem } from '@parley/contracts';
import type { ParleyConfig } from '../config/config';
import { problemOf } from '../http/problem';
import { frameworkProblem } from '../http/problem.filter';
import { AppMetrics } from './app-metrics';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether the request carries the metrics token: compared in constant time (over digests, so lengths never show). */
export function carriesToken(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token));
}

const answerProblem = (req: Request, res: Response, problem: Problem) =>
  res
    .status(problem.status)
    .type('application/problem+json')
    .send(JSON.stringify({ ...problem, instance: req.path }));

/**
 * GET /metrics in Prometheus's text format, for the bearer of PARLEY_METRICS_TOKEN (decision 0059).
 * Without the setting it does not exist (404, as any unknown route); without the token, 401.
 * Outside /api: it is the operator's, not part of the API contract, and nobody's session opens it.
 * Scraping is not an administrative act: nothing is written, so nothing is audited.
 */
export function mountMetrics(app: NestExpressApplication, config: ParleyConfig): void {
  const metrics = app.get(AppMetrics);
  const token = config.metricsToken;
  app.use('/metrics', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (token === null) return answerProblem(req, res, frameworkProblem(new NotFoundException(`Cannot GET ${req.originalUrl.split('?')[0]}`)));
    if (!carriesToken(req.headers.authorization, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      return answerProblem(req, res, problemOf(refusal('unauthenticated')));
    }
    metrics.registry.metrics().then(
      // Set as is: express's res.type() would reorder the parameters Prometheus reads.
      (text) => res.status(200).setHeader('Content-Type', metrics.registry.contentType).setHeader('Cache-Control', 'no-store').end(text),
      next,
    );
  });
  if (metrics.enabled) app.use(recordRequests(metrics));
}

/**
 * Times every HTTP request, labelled by the route's template (`/api/ballots/:id/votes`) as the router
 * matched it: ids never become label values. Requests no route matched (the web app's files and
 * pages, unknown paths) share one label.
 */
function recordRequests(metrics: AppMetrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      const template = typeof route === 'string' ? `${req.baseUrl}${route}` : '(unmatched)';
      metrics.httpRequest(req.method, template, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
