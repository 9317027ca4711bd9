import { problemSchema } from '../refusals/problem';

/**
 * RFC 9457 problem details, as every refusal and error is answered (`application/problem+json`):
 * the OpenAPI document's `Problem` component. It is the refusal catalogue's `problemSchema`, so the
 * document enumerates every refusal `code` and field-error code the API can give.
 */
export const apiProblem = /* @__PURE__ */ problemSchema.meta({ id: 'Problem' });
