import { SetMetadata } from '@nestjs/common';
import type { Permission } from './permissions';

export const REQUIRED_PERMISSION = 'parley:permission';
/** The permission a route requires. A route with neither @Allow nor @Public is refused: deny by default. */
export const Allow = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);
