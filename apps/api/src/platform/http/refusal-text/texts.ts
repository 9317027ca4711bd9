import type { FieldErrorCode, FieldErrorParamsOf, RefusalCode, RefusalParamsOf } from '@parley/contracts';

/** The English sentence of each refusal code, from its params. */
export type RefusalTexts = { [C in RefusalCode]: (p: RefusalParamsOf<C>) => string };
export type FieldErrorTexts = { [C in FieldErrorCode]: (p: FieldErrorParamsOf<C>) => string };

/** An instant as the API's English sentences give it: `2026-12-01 17:00 UTC`. */
export const utc = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
/** A calendar day: `2026-12-01`. */
export const day = (iso: string): string => iso.slice(0, 10);
