import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthedRequest } from '../identity/actor';
import { IS_PUBLIC } from '../identity/public.decorator';
import { authorise, refuse, unauthenticated } from '../platform/http/problem';
import { REQUIRED_PERMISSION } from './allow.decorator';
import { Permission, PERMISSIONS } from './permissions';

@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const actor = context.switchToHttp().getRequest<AuthedRequest>().user;
    if (!actor) throw unauthenticated();
    if (!permission) throw refuse('route-without-permission');
    authorise(PERMISSIONS[permission](actor));
    return true;
  }
}
