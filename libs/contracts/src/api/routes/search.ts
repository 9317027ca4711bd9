import { searchQuery, searchResponse } from '../../search';
import { PROBLEMS, route } from './route-spec';

/** Search everything (issue #25, decision 0053): public; what the reader may not open is never found. */
export const SEARCH_ROUTES = {
  'GET /api/search': /* @__PURE__ */ route({ query: searchQuery, status: 200, response: searchResponse, problems: PROBLEMS.readList }),
} as const;
