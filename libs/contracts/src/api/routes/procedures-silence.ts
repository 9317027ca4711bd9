import { objectSilenceRequest, silenceList, silencePreflightResponse, silenceView, startSilenceRequest, withdrawSilenceRequest } from '../../procedures/silence';
import { PROBLEMS, route, versionParam } from './route-spec';

/** The silence procedure (decision 0036): public reads, a chair's start and withdrawal, a member's objection. */
export const SILENCE_ROUTES = {
  'GET /api/documents/:id/versions/:n/silence-preflight': /* @__PURE__ */ route({ params: { n: versionParam }, status: 200, response: silencePreflightResponse, problems: PROBLEMS.readOne }),
  'POST /api/documents/:id/versions/:n/silence': /* @__PURE__ */ route({ params: { n: versionParam }, body: startSilenceRequest, status: 201, response: silenceView, problems: PROBLEMS.write }),
  'GET /api/documents/:id/silence': /* @__PURE__ */ route({ status: 200, response: silenceList, problems: PROBLEMS.readOne }),
  'GET /api/working-groups/:id/silence': /* @__PURE__ */ route({ status: 200, response: silenceList, problems: PROBLEMS.readOne }),
  'GET /api/silence/:id': /* @__PURE__ */ route({ status: 200, response: silenceView, problems: PROBLEMS.readOne }),
  'POST /api/silence/:id/objections': /* @__PURE__ */ route({ body: objectSilenceRequest, status: 201, response: silenceView, problems: PROBLEMS.write }),
  'POST /api/silence/:id/withdraw': /* @__PURE__ */ route({ body: withdrawSilenceRequest, status: 200, response: silenceView, problems: PROBLEMS.write }),
} as const;
