import type { Provider, Type } from '@nestjs/common';
import { VersionRecordReads } from '../../transparency/version-record';
import { PdfExportController } from './pdf-export.controller';
import { PdfExports } from './pdf-exports.service';

/** The print PDFs (decision 0044): a version, and its disposition-of-comments report. */
export const PDF_EXPORT_CONTROLLERS: Type[] = [PdfExportController];
export const PDF_EXPORT_PROVIDERS: Provider[] = [PdfExports, VersionRecordReads];
