import type { ZodType } from 'zod';
import { ProblemException } from './problem';
import { zodProblem } from './problem.filter';

/** Parses with a contract schema, answering 400 problem+json naming the fields on failure. */
export function parseWith<T>(schema: ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw new ProblemException(zodProblem(r.error));
  return r.data;
}
