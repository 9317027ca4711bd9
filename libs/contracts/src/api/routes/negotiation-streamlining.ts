import { amendmentResponse } from '../../drafting/amendments';
import { bracketView } from '../../negotiation/brackets';
import { recommendationRequest, streamlineOptionsRequest, recommendationsBallotRequest, recommendationsBallotResponse, streamlineRequest } from '../../negotiation/streamlining';
import { PROBLEMS, route } from './route-spec';

/** Streamlining and the chair's recommendations (decision 0034). */
export const NEGOTIATION_STREAMLINING_ROUTES = {
  'POST /api/documents/:id/streamlined-proposals': /* @__PURE__ */ route({ body: streamlineRequest, status: 201, response: amendmentResponse, problems: PROBLEMS.write }),
  'POST /api/brackets/:id/streamlined-options': /* @__PURE__ */ route({ body: streamlineOptionsRequest, status: 201, response: bracketView, problems: PROBLEMS.write }),
  'POST /api/amendments/:id/recommendation': /* @__PURE__ */ route({ body: recommendationRequest, status: 201, response: amendmentResponse, problems: PROBLEMS.write }),
  'POST /api/documents/:id/recommendations-ballot': /* @__PURE__ */ route({ body: recommendationsBallotRequest, status: 201, response: recommendationsBallotResponse, problems: PROBLEMS.write }),
};
