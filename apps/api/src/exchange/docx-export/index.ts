import type { Provider, Type } from '@nestjs/common';
import { DocxExportController } from './docx-export.controller';
import { DocxExportReads } from './docx-export-reads';

/** The Word export of a version, clean or with tracked changes against an earlier one (decision 0044). */
export const DOCX_EXPORT_CONTROLLERS: Type[] = [DocxExportController];
export const DOCX_EXPORT_PROVIDERS: Provider[] = [DocxExportReads];
