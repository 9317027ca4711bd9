import type { Provider, Type } from '@nestjs/common';
import { DocxImportController } from './docx-import.controller';
import { DocxImportService } from './docx-import.service';
import { UploadThrottlerGuard } from '../docx-file/upload-throttler.guard';

/** Word import (decision 0044): previews of an uploaded file, and the confirmations that create. */
export const DOCX_IMPORT_CONTROLLERS: Type[] = [DocxImportController];
export const DOCX_IMPORT_PROVIDERS: Provider[] = [DocxImportService, UploadThrottlerGuard];
