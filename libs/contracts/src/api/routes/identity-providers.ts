import { z } from 'zod';
import {
  createIdentityProviderRequest,
  identityProviderResponse,
  linkedAccountsResponse,
  linkStartRequest,
  linkStartResponse,
  oidcCallbackQuery,
  oidcStartQuery,
  signInProviderResponse,
  updateIdentityProviderRequest,
} from '../../identity-providers';
import { media, noContent, PROBLEMS, route } from './route-spec';

const toTheProvider = /* @__PURE__ */ media('text/plain', 'A redirect (302) to the identity provider');
const backToTheSite = /* @__PURE__ */ media('text/plain', 'A redirect (302) to the page the person started from, the second-factor step, or /login?error=<code>');

/** Institutional sign-in with OpenID Connect (issue #24, decision record 0049). */
export const IDENTITY_PROVIDER_ROUTES = {
  'GET /api/identity-providers': /* @__PURE__ */ route({ status: 200, response: /* @__PURE__ */ z.array(identityProviderResponse), problems: PROBLEMS.signedInRead }),
  'POST /api/identity-providers': /* @__PURE__ */ route({ body: createIdentityProviderRequest, status: 201, response: identityProviderResponse, problems: PROBLEMS.write }),
  'PATCH /api/identity-providers/:id': /* @__PURE__ */ route({ body: updateIdentityProviderRequest, status: 200, response: identityProviderResponse, problems: PROBLEMS.write }),
  'GET /api/auth/identity-providers': /* @__PURE__ */ route({ status: 200, response: /* @__PURE__ */ z.array(signInProviderResponse), problems: [] }),
  'GET /api/auth/oidc/:providerId/start': /* @__PURE__ */ route({ query: oidcStartQuery, status: 302, response: toTheProvider, problems: [400, 429] }),
  'GET /api/auth/oidc/callback': /* @__PURE__ */ route({ query: oidcCallbackQuery, status: 302, response: backToTheSite, problems: [400, 429] }),
  'POST /api/auth/oidc/:providerId/link': /* @__PURE__ */ route({ body: linkStartRequest, status: 200, response: linkStartResponse, problems: PROBLEMS.write }),
  'GET /api/me/linked-accounts': /* @__PURE__ */ route({ status: 200, response: linkedAccountsResponse, problems: PROBLEMS.signedInRead }),
  'DELETE /api/me/linked-accounts/:providerId': /* @__PURE__ */ route({ status: 204, response: noContent, problems: PROBLEMS.act }),
} as const;
