import { z } from 'zod';

const problemParams = /* @__PURE__ */ z.record(z.string(), z.unknown());

/**
 * RFC 9457 problem details, as every refusal and error is answered (`application/problem+json`):
 * the OpenAPI document's `Problem` component. `code` and `params` name the reason in machine form.
 */
export const apiProblem = /* @__PURE__ */ z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    /** One entry per invalid field, named by its path (`title`, `funding.note`, `(body)`). */
    errors: z.array(z.object({ field: z.string(), message: z.string(), code: z.string().optional(), params: problemParams.optional() })).optional(),
    /** A stable code for the reason named in `detail`, so a client can say it in its own language. */
    code: z.string().optional(),
    /** The facts the reason names. */
    params: problemParams.optional(),
  })
  .meta({ id: 'Problem' });
export type ApiProblem = z.infer<typeof apiProblem>;
