import { z } from 'zod';
import { REFUSAL_CODES, type RefusalCode } from './catalogue';
import { FIELD_ERROR_CODES } from './field-errors';

const params = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

/** One refused field: where, why (a code with its facts) and the English sentence. */
export const fieldErrorSchema = z.object({
  field: z.string(),
  // A field error's code, or the refusal's own code when a refusal (a conflict) is about one field.
  code: z.enum([...new Set<string>([...FIELD_ERROR_CODES, ...REFUSAL_CODES])] as [string, ...string[]]),
  params,
  message: z.string(),
});

/**
 * RFC 9457 problem details, as every error is answered: the stable `type`, the refusal's `code` and
 * `params` (see REFUSALS), an English `detail`, and for invalid fields `errors`. Some problems add
 * members of their own (e.g. `unansweredClarifications`).
 */
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  code: z.enum(REFUSAL_CODES as [string, ...string[]]),
  params,
  errors: z.array(fieldErrorSchema).optional(),
});

/** A refusal as responses carry it where they say what the reader may do (`StatedRefusal`): its code, facts and English sentence. */
export const statedRefusalSchema = z.object({ code: z.enum(REFUSAL_CODES as [RefusalCode, ...RefusalCode[]]), params, detail: z.string() }).meta({ id: 'StatedRefusal' });

/** Allowed (`true`), or the refusal saying why not. */
export const allowedOrRefusal = z.union([z.literal(true), statedRefusalSchema]);

/** One refused field as the API answers it (`fieldErrorSchema`). */
export interface FieldErrorBody {
  field: string;
  /** A field-error code (FIELD_ERRORS), or the refusal's code when a refusal is about this field. */
  code: string;
  params: Record<string, string | number | null>;
  message: string;
}

/** A problem+json body as `problemSchema` describes it; `code` is a refusal code (REFUSALS), kept a string so a client tolerates newer codes. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  params: Record<string, string | number | null>;
  errors?: FieldErrorBody[];
}
