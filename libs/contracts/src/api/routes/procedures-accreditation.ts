import { changeProcedureRulesRequest, circulatedRequestView, circulationListResponse, procedureRulesResponse, raiseObjectionRequest, withdrawObjectionRequest } from '../../procedures/accreditation';
import { PROBLEMS, route } from './route-spec';

/** Accreditation by non-objection and the rules of procedure (decision record 0039). */
export const ACCREDITATION_ROUTES = {
  'GET /api/working-groups/:id/circulations': /* @__PURE__ */ route({ status: 200, response: circulationListResponse, problems: PROBLEMS.readOne }),
  'POST /api/working-groups/:id/join-requests/:requestId/objections': /* @__PURE__ */ route({ body: raiseObjectionRequest, status: 201, response: circulatedRequestView, problems: PROBLEMS.write }),
  'POST /api/working-groups/:id/join-requests/:requestId/objections/:objectionId/withdrawal': /* @__PURE__ */ route({ body: withdrawObjectionRequest, status: 200, response: circulatedRequestView, problems: PROBLEMS.write }),
  'PATCH /api/working-groups/:id/procedure-rules': /* @__PURE__ */ route({ body: changeProcedureRulesRequest, status: 200, response: procedureRulesResponse, problems: PROBLEMS.write }),
} as const;
