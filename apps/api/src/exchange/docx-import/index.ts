import type { Provider, Type } from '@nestjs/common';

/** What this part of the exchange context registers (its owner fills these in). */
export const DOCX_IMPORT_CONTROLLERS: Type[] = [];
export const DOCX_IMPORT_PROVIDERS: Provider[] = [];
