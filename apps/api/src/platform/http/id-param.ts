import { Param, ParseUUIDPipe } from '@nestjs/common';
import { validationProblem } from './problem';

/** A uuid route parameter; anything else is a 400 naming the parameter. */
export const IdParam = (name = 'id') => Param(name, new ParseUUIDPipe({ exceptionFactory: () => validationProblem(name, 'invalid-id') }));
