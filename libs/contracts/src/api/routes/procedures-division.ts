import { amendmentVotingPlace, declineDivisionRequest, divisionList, lastCallView, openLastCallRequest, putDivisionRequest, requestDivisionRequest, setVotingOrderRequest, votingOrderView } from '../../procedures/division';
import { PROBLEMS, route, versionParam } from './route-spec';

/** Division of the question, order of voting and last call (decision record 0038). */
export const PROCEDURES_DIVISION_ROUTES = {
  'GET /api/documents/:id/divisions': /* @__PURE__ */ route({ status: 200, response: divisionList, problems: PROBLEMS.readOne }),
  'POST /api/documents/:id/divisions': /* @__PURE__ */ route({ body: requestDivisionRequest, status: 201, response: divisionList, problems: PROBLEMS.write }),
  'POST /api/divisions/:divisionId/ballot': /* @__PURE__ */ route({ body: putDivisionRequest, status: 201, response: divisionList, problems: PROBLEMS.write }),
  'POST /api/divisions/:divisionId/decline': /* @__PURE__ */ route({ body: declineDivisionRequest, status: 200, response: divisionList, problems: PROBLEMS.write }),
  'GET /api/documents/:id/clauses/:clauseId/voting-order': /* @__PURE__ */ route({ status: 200, response: votingOrderView, problems: PROBLEMS.readOne }),
  'POST /api/documents/:id/clauses/:clauseId/voting-order': /* @__PURE__ */ route({ body: setVotingOrderRequest, status: 201, response: votingOrderView, problems: PROBLEMS.write }),
  'GET /api/amendments/:id/voting-place': /* @__PURE__ */ route({ status: 200, response: amendmentVotingPlace, problems: PROBLEMS.readOne }),
  'GET /api/documents/:id/versions/:n/last-call': /* @__PURE__ */ route({ params: { n: versionParam }, status: 200, response: lastCallView, problems: PROBLEMS.readOne }),
  'POST /api/documents/:id/versions/:n/last-call': /* @__PURE__ */ route({ params: { n: versionParam }, body: openLastCallRequest, status: 201, response: lastCallView, problems: PROBLEMS.write }),
} as const;
