import { activeSessionList, endAllSessionsRequest, sessionsEndedResponse } from '../../sessions';
import { noContent, PROBLEMS, route } from './route-spec';

/** A person's active sessions, and a steward's ending of all of an account's (decision 0051). */
export const SESSION_ROUTES = {
  'GET /api/me/sessions': /* @__PURE__ */ route({ status: 200, response: activeSessionList, problems: [401] }),
  'DELETE /api/me/sessions/:id': /* @__PURE__ */ route({ status: 204, response: noContent, problems: PROBLEMS.act }),
  'POST /api/me/sessions/end-others': /* @__PURE__ */ route({ status: 200, response: sessionsEndedResponse, problems: [401, 403] }),
  'GET /api/people/:id/sessions': /* @__PURE__ */ route({ status: 200, response: activeSessionList, problems: PROBLEMS.signedInRead }),
  'POST /api/people/:id/sessions/end-all': /* @__PURE__ */ route({
    body: endAllSessionsRequest,
    status: 200,
    response: sessionsEndedResponse,
    problems: PROBLEMS.write,
  }),
} as const;
