import { giveProxyRequest, groupProxiesResponse, proxyView } from '../../procedures/proxies';
import { PROBLEMS, route } from './route-spec';

/** Proxy votes with a public trail (decision record 0040). Casting by proxy is `POST /api/ballots/:id/votes` with `forVoterId`. */
export const PROXY_ROUTES = {
  'GET /api/working-groups/:id/proxies': /* @__PURE__ */ route({ status: 200, response: groupProxiesResponse, problems: PROBLEMS.readOne }),
  'POST /api/working-groups/:id/proxies': /* @__PURE__ */ route({ body: giveProxyRequest, status: 201, response: proxyView, problems: PROBLEMS.write }),
  'POST /api/proxies/:id/revoke': /* @__PURE__ */ route({ status: 200, response: proxyView, problems: PROBLEMS.act }),
} as const;
