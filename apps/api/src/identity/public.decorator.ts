import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'parley:public';
/** Readable without signing in (the public record). Everything else requires a session and a permission. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
