import { z } from 'zod';
import {
  affiliationDecisionRequest,
  affiliationRequestResponse,
  affiliationRequestsQuery,
  appointFocalPointRequest,
  endFocalPointRequest,
  focalPointResponse,
  myFocalPointsResponse,
  organisationRosterResponse,
} from '../../affiliation-confirmation';
import {
  addAffiliationRequest,
  addDeclarationRequest,
  affiliationResponse,
  createOrganisationRequest,
  declarationResponse,
  loginRequest,
  meResponse,
  organisationListQuery,
  organisationPage,
  organisationResponse,
  personProfileResponse,
  registerRequest,
  registrationResponse,
  updateAffiliationRequest,
} from '../../identity';
import { loginResponse } from '../../two-factor';
import { chairTermListResponse } from '../../working-group-responses';
import { noContent, PROBLEMS, route } from './route-spec';

/** People, sessions, organisations, affiliations and their confirmation. */
export const IDENTITY_ROUTES = {
  'POST /api/auth/register': /* @__PURE__ */ route({ body: registerRequest, status: 202, response: registrationResponse, problems: [400, 413, 415, 429] }),
  'POST /api/auth/login': /* @__PURE__ */ route({ body: loginRequest, status: 200, response: loginResponse, problems: [400, 401, 413, 415, 429] }),
  'POST /api/auth/logout': /* @__PURE__ */ route({ status: 204, response: noContent, problems: [401, 403] }),
  'GET /api/me': /* @__PURE__ */ route({ status: 200, response: meResponse, problems: [401] }),
  'POST /api/me/affiliations': /* @__PURE__ */ route({ body: addAffiliationRequest, status: 201, response: affiliationResponse, problems: PROBLEMS.write }),
  'PATCH /api/me/affiliations/:id': /* @__PURE__ */ route({
    body: updateAffiliationRequest,
    status: 200,
    response: affiliationResponse,
    problems: PROBLEMS.write,
  }),
  'POST /api/me/declarations': /* @__PURE__ */ route({ body: addDeclarationRequest, status: 201, response: declarationResponse, problems: PROBLEMS.write }),
  'GET /api/me/focal-points': /* @__PURE__ */ route({ status: 200, response: myFocalPointsResponse, problems: [401, 403] }),
  'GET /api/people/:id': /* @__PURE__ */ route({ status: 200, response: personProfileResponse, problems: PROBLEMS.readOne }),
  'POST /api/people/:id/steward': /* @__PURE__ */ route({ status: 204, response: noContent, problems: PROBLEMS.act }),
  'GET /api/people/:id/chair-terms': /* @__PURE__ */ route({ status: 200, response: chairTermListResponse, problems: PROBLEMS.readOne }),
  'GET /api/organisations': /* @__PURE__ */ route({ query: organisationListQuery, status: 200, response: organisationPage, problems: PROBLEMS.readList }),
  'POST /api/organisations': /* @__PURE__ */ route({ body: createOrganisationRequest, status: 201, response: organisationResponse, problems: PROBLEMS.write }),
  'GET /api/organisations/:id': /* @__PURE__ */ route({ status: 200, response: organisationResponse, problems: PROBLEMS.readOne }),
  'POST /api/organisations/:id/verify': /* @__PURE__ */ route({ status: 200, response: organisationResponse, problems: PROBLEMS.act }),
  'GET /api/organisations/:id/chair-terms': /* @__PURE__ */ route({ status: 200, response: chairTermListResponse, problems: PROBLEMS.readOne }),
  'GET /api/organisations/:id/roster': /* @__PURE__ */ route({ status: 200, response: organisationRosterResponse, problems: PROBLEMS.readOne }),
  'POST /api/organisations/:id/focal-points': /* @__PURE__ */ route({
    body: appointFocalPointRequest,
    status: 201,
    response: focalPointResponse,
    problems: PROBLEMS.write,
  }),
  'POST /api/organisations/:id/focal-points/:focalPointId/end': /* @__PURE__ */ route({
    body: endFocalPointRequest,
    status: 200,
    response: focalPointResponse,
    problems: PROBLEMS.write,
  }),
  'POST /api/affiliations/:id/decision': /* @__PURE__ */ route({
    body: affiliationDecisionRequest,
    status: 200,
    response: affiliationResponse,
    problems: PROBLEMS.write,
  }),
  'GET /api/affiliation-requests': /* @__PURE__ */ route({
    query: affiliationRequestsQuery,
    status: 200,
    response: /* @__PURE__ */ z.array(affiliationRequestResponse),
    problems: PROBLEMS.signedInRead,
  }),
} as const;
