import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** The signed-in person making a request. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  isSteward: boolean;
  sessionId: string;
  sessionToken: string;
  authenticatedBy: 'cookie' | 'bearer';
}

export type AuthedRequest = Request & { user?: Actor };

/** The signed-in actor (guaranteed by the policy guard on non-public routes). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest<AuthedRequest>().user as Actor);

/** The actor when there is one, on public routes. */
export const OptionalActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | null => ctx.switchToHttp().getRequest<AuthedRequest>().user ?? null);
