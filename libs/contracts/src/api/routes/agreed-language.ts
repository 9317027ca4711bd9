import { agreedLanguagePage, agreedLanguageQuery } from '../../drafting/agreed-language';
import { PROBLEMS, route } from './route-spec';

/** The library of agreed language (issue #25, decision 0054): public; only adopted versions the reader may open. */
export const AGREED_LANGUAGE_ROUTES = {
  'GET /api/agreed-language': /* @__PURE__ */ route({ query: agreedLanguageQuery, status: 200, response: agreedLanguagePage, problems: PROBLEMS.readList }),
} as const;
