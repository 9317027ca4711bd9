import { auditHeadResponse, healthResponse } from '../../audit';
import { homeQuery, homeResponse } from '../../home';
import { auditEventDetailResponse, auditExportQuery, auditLogQuery, auditLogResponse } from '../../transparency';
import { z } from 'zod';
import { media, PROBLEMS, route } from './route-spec';

/** The public record (audit log and its export), the front door and the health check. */
export const TRANSPARENCY_ROUTES = {
  'GET /api/audit/head': route({ status: 200, response: auditHeadResponse, problems: [] }),
  'GET /api/audit': route({ query: auditLogQuery, status: 200, response: auditLogResponse, problems: PROBLEMS.readList }),
  'GET /api/audit/events/:scope/:sequence': route({
    params: { scope: z.string(), sequence: z.coerce.number().int().min(1) },
    status: 200,
    response: auditEventDetailResponse,
    problems: PROBLEMS.readOne,
  }),
  'GET /api/audit/export.jsonl': route({
    query: auditExportQuery,
    status: 200,
    response: media('application/x-ndjson', 'Audit events, one JSON object a line, oldest first (check offline with `npx parley-audit-verify`)'),
    problems: PROBLEMS.readOne,
  }),
  'GET /api/home': route({ query: homeQuery, status: 200, response: homeResponse, problems: PROBLEMS.readList }),
  'GET /api/health': route({ status: 200, response: healthResponse, problems: [503] }),
} as const;
