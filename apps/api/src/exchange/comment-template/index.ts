import type { Provider, Type } from '@nestjs/common';

/** What this part of the exchange context registers (its owner fills these in). */
export const COMMENT_TEMPLATE_CONTROLLERS: Type[] = [];
export const COMMENT_TEMPLATE_PROVIDERS: Provider[] = [];
