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
  sessionResponse,
  updateAffiliationRequest,
} from '../../identity';
import { chairTermListResponse } from '../../working-group-responses';
import { noContent, PROBLEMS, route } from './route-spec';

/** People, sessions, organisations, affiliations and their confirmation. */
export const IDENTITY_ROUTES = {
  'POST /api/auth/register': route({ body: registerRequest, status: 202, response: registrationResponse, problems: [400, 413, 415, 429] }),
  'POST /api/auth/login': route({ body: loginRequest, status: 200, response: sessionResponse, problems: [400, 401, 413, 415, 429] }),
  'POST /api/auth/logout': route({ status: 204, response: noContent, problems: [401, 403] }),
  'GET /api/me': route({ status: 200, response: meResponse, problems: [401] }),
  'POST /api/me/affiliations': route({ body: addAffiliationRequest, status: 201, response: affiliationResponse, problems: PROBLEMS.write }),
  'PATCH /api/me/affiliations/:id': route({ body: updateAffiliationRequest, status: 200, response: affiliationResponse, problems: PROBLEMS.write }),
  'POST /api/me/declarations': route({ body: addDeclarationRequest, status: 201, response: declarationResponse, problems: PROBLEMS.write }),
  'GET /api/me/focal-points': route({ status: 200, response: myFocalPointsResponse, problems: [401, 403] }),
  'GET /api/people/:id': route({ status: 200, response: personProfileResponse, problems: PROBLEMS.readOne }),
  'POST /api/people/:id/steward': route({ status: 204, response: noContent, problems: PROBLEMS.act }),
  'GET /api/people/:id/chair-terms': route({ status: 200, response: chairTermListResponse, problems: PROBLEMS.readOne }),
  'GET /api/organisations': route({ query: organisationListQuery, status: 200, response: organisationPage, problems: PROBLEMS.readList }),
  'POST /api/organisations': route({ body: createOrganisationRequest, status: 201, response: organisationResponse, problems: PROBLEMS.write }),
  'GET /api/organisations/:id': route({ status: 200, response: organisationResponse, problems: PROBLEMS.readOne }),
  'POST /api/organisations/:id/verify': route({ status: 200, response: organisationResponse, problems: PROBLEMS.act }),
  'GET /api/organisations/:id/chair-terms': route({ status: 200, response: chairTermListResponse, problems: PROBLEMS.readOne }),
  'GET /api/organisations/:id/roster': route({ status: 200, response: organisationRosterResponse, problems: PROBLEMS.readOne }),
  'POST /api/organisations/:id/focal-points': route({ body: appointFocalPointRequest, status: 201, response: focalPointResponse, problems: PROBLEMS.write }),
  'POST /api/organisations/:id/focal-points/:focalPointId/end': route({
    body: endFocalPointRequest,
    status: 200,
    response: focalPointResponse,
    problems: PROBLEMS.write,
  }),
  'POST /api/affiliations/:id/decision': route({ body: affiliationDecisionRequest, status: 200, response: affiliationResponse, problems: PROBLEMS.write }),
  'GET /api/affiliation-requests': route({
    query: affiliationRequestsQuery,
    status: 200,
    response: z.array(affiliationRequestResponse),
    problems: PROBLEMS.signedInRead,
  }),
} as const;
