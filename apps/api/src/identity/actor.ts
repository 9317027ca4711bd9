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
  /**
   * Two-factor authentication, loaded with the session (decision 0050): on or not, since when a role's
   * requirement counts, and whether a role begun before that is past its grace without it. Absent for
   * actors that are not signed in through a session (the demo loader).
   */
  twoFactor?: { enabled: boolean; clockFrom: Date | null; overdue: boolean };
}

export type AuthedRequest = Request & { user?: Actor };

/** The signed-in actor (guaranteed by the policy guard on non-public routes). */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest<AuthedRequest>().user as Actor);

/** The actor when there is one, on public routes. */
export const OptionalActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | null => ctx.switchToHttp().getRequest<AuthedRequest>().user ?? null);
