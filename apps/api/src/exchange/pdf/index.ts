import type { Provider, Type } from '@nestjs/common';

/** What this part of the exchange context registers (its owner fills these in). */
export const PDF_EXPORT_CONTROLLERS: Type[] = [];
export const PDF_EXPORT_PROVIDERS: Provider[] = [];
