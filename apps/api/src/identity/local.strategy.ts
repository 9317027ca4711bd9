import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { loginRequest } from '@parley/contracts';
import { parseWith } from '../platform/http/parse';
import { refuse } from '../platform/http/problem';
import { AuthService } from './auth.service';

/** E-mail and password; yields the person's id. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  validate(email: string, password: string): Promise<string> {
    return this.auth.checkCredentials(email.trim().toLowerCase(), password);
  }
}

/** Validates the body's shape first (400 naming the field), then checks the credentials. */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    parseWith(loginRequest, context.switchToHttp().getRequest<{ body: unknown }>().body);
    return super.canActivate(context);
  }

  /** passport-local fails without an error when a credential is empty: answer it as a wrong one, never sign in `false`. */
  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    if (!user) throw refuse('wrong-credentials');
    return user;
  }
}
