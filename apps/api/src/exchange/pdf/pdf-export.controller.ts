import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { fileLanguageQuery, PDF_MEDIA_TYPE } from '@parley/contracts';
import { positiveVersion, VersionParam } from '../../drafting/version-param';
import { Actor, OptionalActor } from '../../identity/actor';
import { Public } from '../../identity/public.decorator';
import { csvLanguage } from '../../platform/http/csv-language';
import { IdParam } from '../../platform/http/id-param';
import { PdfExports, type PdfFile } from './pdf-exports.service';

class FileLanguageQueryDto extends createZodDto(fileLanguageQuery) {}

/** Sends the file itself (the route table's media answer), with its length and a download name. */
function send(res: Response, f: PdfFile): void {
  res.setHeader('Content-Type', PDF_MEDIA_TYPE);
  res.setHeader('Content-Disposition', `attachment; filename="${f.filename}"`);
  res.setHeader('Content-Length', String(f.body.length));
  res.end(f.body);
}

/** A version and its disposition report as print-grade PDF (decision 0044): public reads, members-only versions refused to others; in `lang`, else the reader's Accept-Language. */
@ApiTags('exports')
@Controller('documents')
export class PdfExportController {
  constructor(private readonly pdfs: PdfExports) {}

  @Public()
  @Get(':id/versions/:n/export.pdf')
  @ApiProduces(PDF_MEDIA_TYPE)
  @ApiOperation({
    summary: 'A version as a print-grade PDF: cover with its status, numbered paragraphs and lines, brackets, vote record and signatories once adopted',
  })
  async version(
    @OptionalActor() actor: Actor | null,
    @IdParam() id: string,
    @VersionParam() n: number,
    @Query() q: FileLanguageQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    send(res, await this.pdfs.version(actor, id, positiveVersion(n), csvLanguage(q.lang, acceptLanguage)));
  }

  @Public()
  @Get(':id/versions/:n/dispositions.pdf')
  @ApiProduces(PDF_MEDIA_TYPE)
  @ApiOperation({ summary: 'The disposition-of-comments report as PDF' })
  async dispositions(
    @OptionalActor() actor: Actor | null,
    @IdParam() id: string,
    @VersionParam() n: number,
    @Query() q: FileLanguageQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    send(res, await this.pdfs.dispositions(actor, id, positiveVersion(n), csvLanguage(q.lang, acceptLanguage)));
  }
}
