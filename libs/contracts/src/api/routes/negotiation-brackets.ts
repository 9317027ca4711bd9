import { versionQuery } from '../../drafting';
import { bracketListResponse, bracketView, openBracketRequest, proposeOptionRequest, removeBracketRequest } from '../../negotiation/brackets';
import { PROBLEMS, route } from './route-spec';

/** Brackets and options (decision record 0031). */
export const NEGOTIATION_BRACKET_ROUTES = {
  'GET /api/documents/:id/brackets': /* @__PURE__ */ route({ query: versionQuery, status: 200, response: bracketListResponse, problems: PROBLEMS.readOne }),
  'POST /api/documents/:id/brackets': /* @__PURE__ */ route({ body: openBracketRequest, status: 201, response: bracketView, problems: PROBLEMS.write }),
  'GET /api/brackets/:id': /* @__PURE__ */ route({ status: 200, response: bracketView, problems: PROBLEMS.readOne }),
  'POST /api/brackets/:id/options': /* @__PURE__ */ route({ body: proposeOptionRequest, status: 201, response: bracketView, problems: PROBLEMS.write }),
  'POST /api/brackets/:id/removal': /* @__PURE__ */ route({ body: removeBracketRequest, status: 200, response: bracketView, problems: PROBLEMS.write }),
};
