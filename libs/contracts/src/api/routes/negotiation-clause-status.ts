import { agreeAdRefRequest, clauseStatusHistory, endAdRefRequest, setClauseStatusRequest } from '../../negotiation/clause-status';
import { PROBLEMS, route } from './route-spec';

/** Clause status and agreed ad ref (decision record 0032). */
export const CLAUSE_STATUS_ROUTES = {
  'GET /api/documents/:id/clauses/:clauseId/status': /* @__PURE__ */ route({ status: 200, response: clauseStatusHistory, problems: PROBLEMS.readOne }),
  'POST /api/documents/:id/clauses/:clauseId/status': /* @__PURE__ */ route({ body: setClauseStatusRequest, status: 201, response: clauseStatusHistory, problems: PROBLEMS.write }),
  'POST /api/documents/:id/clauses/:clauseId/ad-ref': /* @__PURE__ */ route({ body: agreeAdRefRequest, status: 201, response: clauseStatusHistory, problems: PROBLEMS.write }),
  'POST /api/documents/:id/clauses/:clauseId/ad-ref/:adRefId/lift': /* @__PURE__ */ route({ body: endAdRefRequest, status: 200, response: clauseStatusHistory, problems: PROBLEMS.write }),
  'POST /api/documents/:id/clauses/:clauseId/ad-ref/:adRefId/withdraw': /* @__PURE__ */ route({ body: endAdRefRequest, status: 200, response: clauseStatusHistory, problems: PROBLEMS.write }),
} as const;
