import { agreeAdRefRequest, clauseStatusHistory, endAdRefRequest, setClauseStatusRequest } from '../../negotiation/clause-status';
import { compilationQuery, compilationResponse } from '../../negotiation/compilation';
import { PROBLEMS, route, versionParam } from './route-spec';

/** Clause status and agreed ad ref, and the compilation text (decision record 0032). */
export const CLAUSE_STATUS_ROUTES = {
  'GET /api/documents/:id/clauses/:clauseId/status': /* @__PURE__ */ route({ status: 200, response: clauseStatusHistory, problems: PROBLEMS.readOne }),
  'POST /api/documents/:id/clauses/:clauseId/status': /* @__PURE__ */ route({ body: setClauseStatusRequest, status: 201, response: clauseStatusHistory, problems: PROBLEMS.write }),
  'POST /api/documents/:id/clauses/:clauseId/ad-ref': /* @__PURE__ */ route({ body: agreeAdRefRequest, status: 201, response: clauseStatusHistory, problems: PROBLEMS.write }),
  'POST /api/documents/:id/clauses/:clauseId/ad-ref/:adRefId/lift': /* @__PURE__ */ route({ body: endAdRefRequest, status: 200, response: clauseStatusHistory, problems: PROBLEMS.write }),
  'POST /api/documents/:id/clauses/:clauseId/ad-ref/:adRefId/withdraw': /* @__PURE__ */ route({ body: endAdRefRequest, status: 200, response: clauseStatusHistory, problems: PROBLEMS.write }),
  // The compilation text of a version (decision record 0032).
  'GET /api/documents/:id/versions/:n/compilation': /* @__PURE__ */ route({ params: { n: versionParam }, query: compilationQuery, status: 200, response: compilationResponse, problems: PROBLEMS.readOne }),
} as const;
