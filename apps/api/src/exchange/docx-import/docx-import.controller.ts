import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  importAmendmentsRequest,
  importDocumentRequest,
  type DocxImportPreview,
  type ImportedAmendmentsResponse,
  type ImportedDocumentResponse,
  type VersionImportPreview,
} from '@parley/contracts';
import { Actor, CurrentActor } from '../../identity/actor';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { DocxImportService } from './docx-import.service';
import { UploadThrottlerGuard } from '../docx-file/upload-throttler.guard';

class ImportDocumentDto extends createZodDto(importDocumentRequest) {}
class ImportAmendmentsDto extends createZodDto(importAmendmentsRequest) {}

/** Word import (decision 0044): previews from an uploaded file, then the importer's confirmation. */
@ApiTags('exchange')
@Controller()
export class DocxImportController {
  constructor(private readonly imports: DocxImportService) {}

  @Allow('document.create')
  @UseGuards(UploadThrottlerGuard)
  @Post('working-groups/:id/documents/import-preview')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'What a Word file would become as a new document (a chair or rapporteur): its clauses with tracked changes rejected, its tracked changes as amendments; nothing is created' })
  previewDocument(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: unknown): Promise<DocxImportPreview> {
    return this.imports.previewNewDocument(actor, id, body);
  }

  @Allow('document.create')
  @Post('working-groups/:id/documents/import')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a document from a confirmed Word import: version 1, and its tracked changes as amendments the importer proposes, in one transaction' })
  importDocument(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ImportDocumentDto): Promise<ImportedDocumentResponse> {
    return this.imports.importDocument(actor, id, body);
  }

  @Allow('amendment.propose')
  @UseGuards(UploadThrottlerGuard)
  @Post('documents/:id/import-preview')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'What a Word file says about the current version (a voting member): its clauses matched to the version, its changes as amendments, tracked or not; nothing is proposed' })
  previewAmendments(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: unknown): Promise<VersionImportPreview> {
    return this.imports.previewAmendments(actor, id, body);
  }

  @Allow('amendment.propose')
  @Post('documents/:id/amendments/import')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Propose the confirmed amendments of a Word import together: all or none; a refused one names its index (amendments.3.targetClauseId)' })
  importAmendments(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ImportAmendmentsDto): Promise<ImportedAmendmentsResponse> {
    return this.imports.importAmendments(actor, id, body);
  }
}
