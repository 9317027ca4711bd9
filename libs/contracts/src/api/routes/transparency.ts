import { auditHeadResponse, healthResponse } from '../../audit';
import { homeQuery, homeResponse } from '../../home';
import { auditEventDetailResponse, auditExportQuery, auditLogQuery, auditLogResponse } from '../../transparency';
import { z } from 'zod';
import { media, PROBLEMS, route } from './route-spec';

/** The public record (audit log and its export), the front door and the health check. */
export const TRANSPARENCY_ROUTES = {
  'GET /api/audit/head': /* @__PURE__ */ route({ status: 200, response: auditHeadResponse, problems: [] }),
  'GET /api/audit': /* @__PURE__ */ route({ query: auditLogQuery, status: 200, response: auditLogResponse, problems: PROBLEMS.readList }),
  'GET /api/audit/events/:scope/:sequence': /* @__PURE__ */ route({
    params: { scope: z.string(), sequence: z.coerce.number().int().min(1) },
    status: 200,
    response: auditEventDetailResponse,
    problems: PROBLEMS.readOne,
  }),
  'GET /api/audit/export.jsonl': /* @__PURE__ */ route({
    query: auditExportQuery,
    status: 200,
    response: /* @__PURE__ */ media(
      'application/x-ndjson',
      'Audit events, one JSON object a line, oldest first (check offline with `npx parley-audit-verify`)',
    ),
    problems: PROBLEMS.readOne,
  }),
  'GET /api/home': /* @__PURE__ */ route({ query: homeQuery, status: 200, response: homeResponse, problems: PROBLEMS.readList }),
  'GET /api/health': /* @__PURE__ */ route({ status: 200, response: healthResponse, problems: [503] }),
} as const;
