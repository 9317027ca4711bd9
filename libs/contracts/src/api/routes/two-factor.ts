import {
  chairsTwoFactorRequest,
  chairsTwoFactorResponse,
  recoveryCodesResponse,
  secondFactorProof,
  secondFactorRequest,
  twoFactorCodeRequest,
  twoFactorResetRequest,
  twoFactorSetupResponse,
  twoFactorStatusResponse,
} from '../../two-factor';
import { sessionResponse } from '../../identity';
import { noContent, PROBLEMS, route } from './route-spec';

/** Two-factor authentication: the person's own, the second sign-in step, a steward's reset, a group's requirement (decision 0050). */
export const TWO_FACTOR_ROUTES = {
  'GET /api/me/two-factor': /* @__PURE__ */ route({ status: 200, response: twoFactorStatusResponse, problems: [401, 403] }),
  'POST /api/me/two-factor/start': /* @__PURE__ */ route({ status: 200, response: twoFactorSetupResponse, problems: PROBLEMS.act }),
  'POST /api/me/two-factor/confirm': /* @__PURE__ */ route({ body: twoFactorCodeRequest, status: 200, response: recoveryCodesResponse, problems: [...PROBLEMS.write, 429] }),
  'POST /api/me/two-factor/recovery-codes': /* @__PURE__ */ route({ body: twoFactorCodeRequest, status: 200, response: recoveryCodesResponse, problems: [...PROBLEMS.write, 429] }),
  'POST /api/me/two-factor/disable': /* @__PURE__ */ route({ body: secondFactorProof, status: 204, response: noContent, problems: [...PROBLEMS.write, 429] }),
  'POST /api/auth/second-factor': /* @__PURE__ */ route({ body: secondFactorRequest, status: 200, response: sessionResponse, problems: [400, 401, 413, 415, 429], proof: 'sign-in-challenge' }),
  'POST /api/people/:id/two-factor/reset': /* @__PURE__ */ route({ body: twoFactorResetRequest, status: 204, response: noContent, problems: PROBLEMS.write }),
  'PUT /api/working-groups/:id/chairs-two-factor': /* @__PURE__ */ route({ body: chairsTwoFactorRequest, status: 200, response: chairsTwoFactorResponse, problems: PROBLEMS.write }),
} as const;
