import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

/**
 * Attaches the actor when a valid session is presented; never rejects by itself. Whether a route
 * needs an actor, and which one, is the policy guard's decision.
 */
@Injectable()
export class SessionGuard extends AuthGuard('session') {
  override handleRequest<T>(err: unknown, user: T): T {
    // A session that could not be checked (the database is down) is an error, not an anonymous
    // visitor: answering 401 would sign everyone out. The problem filter turns it into a 503
    // (seen in the PostgreSQL restart drill, tests/fault/restart-postgres.drill.ts).
    if (err) throw err;
    return (user || undefined) as T;
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    await super.canActivate(context);
    return true;
  }
}
