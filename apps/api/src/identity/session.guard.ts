import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

/**
 * Attaches the actor when a valid session is presented; never rejects by itself. Whether a route
 * needs an actor, and which one, is the policy guard's decision.
 */
@Injectable()
export class SessionGuard extends AuthGuard('session') {
  override handleRequest<T>(_err: unknown, user: T): T {
    return (user || undefined) as T;
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    await super.canActivate(context);
    return true;
  }
}
