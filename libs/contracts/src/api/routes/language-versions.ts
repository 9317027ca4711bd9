import {
  authenticLanguagesResponse,
  languageVersionsQuery,
  languageVersionsResponse,
  originalLanguageResponse,
  savedTranslationResponse,
  saveTranslationRequest,
  setAuthenticLanguagesRequest,
  setOriginalLanguageRequest,
} from '../../drafting/language-versions';
import { PROBLEMS, route, versionParam } from './route-spec';

const n = { n: versionParam };

/** Language versions of a text (issue #23, decision 0045). */
export const LANGUAGE_VERSION_ROUTES = {
  'GET /api/documents/:id/versions/:n/language-versions': /* @__PURE__ */ route({
    params: n,
    query: languageVersionsQuery,
    status: 200,
    response: languageVersionsResponse,
    problems: PROBLEMS.readOne,
  }),
  'POST /api/documents/:id/versions/:n/translations': /* @__PURE__ */ route({
    params: n,
    body: saveTranslationRequest,
    status: 201,
    response: savedTranslationResponse,
    problems: PROBLEMS.write,
  }),
  'PUT /api/documents/:id/original-language': /* @__PURE__ */ route({ body: setOriginalLanguageRequest, status: 200, response: originalLanguageResponse, problems: PROBLEMS.write }),
  'PUT /api/working-groups/:id/authentic-languages': /* @__PURE__ */ route({
    body: setAuthenticLanguagesRequest,
    status: 200,
    response: authenticLanguagesResponse,
    problems: PROBLEMS.write,
  }),
} as const;
