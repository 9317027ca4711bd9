import { Param, ParseIntPipe } from '@nestjs/common';
import { validationProblem } from '../platform/http/problem';

/** A version number route parameter (`:n`); anything but a positive integer is a 400 naming it. */
export const VersionParam = (name = 'n') =>
  Param(
    name,
    new ParseIntPipe({ exceptionFactory: () => validationProblem(name, 'not-a-version-number') }),
  );

export function positiveVersion(n: number, name = 'n'): number {
  if (!Number.isSafeInteger(n) || n < 1 || n > 100_000) throw validationProblem(name, 'not-a-version-number');
  return n;
}
