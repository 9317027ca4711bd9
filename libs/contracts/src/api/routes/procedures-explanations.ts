import { explanationsResponse, placeExplanationRequest } from '../../procedures/explanations';
import { PROBLEMS, route, versionParam } from './route-spec';

/** Explanations of position (decision record 0037). */
export const EXPLANATION_ROUTES = {
  'GET /api/documents/:id/versions/:n/explanations': /* @__PURE__ */ route({ params: { n: versionParam }, status: 200, response: explanationsResponse, problems: PROBLEMS.readOne }),
  'POST /api/documents/:id/versions/:n/explanations': /* @__PURE__ */ route({ params: { n: versionParam }, body: placeExplanationRequest, status: 201, response: explanationsResponse, problems: PROBLEMS.write }),
} as const;
