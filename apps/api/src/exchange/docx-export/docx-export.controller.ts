import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { DOCX_MEDIA_TYPE, versionExportQuery } from '@parley/contracts';
import { positiveVersion, VersionParam } from '../../drafting/version-param';
import { type Actor, OptionalActor } from '../../identity/actor';
import { Public } from '../../identity/public.decorator';
import { IdParam } from '../../platform/http/id-param';
import { buildDocx } from './docx-builder';
import { DocxExportReads } from './docx-export-reads';

class VersionExportQueryDto extends createZodDto(versionExportQuery) {}

/**
 * "paris-call-v3.docx" for the header's plain name (ASCII letters, digits and hyphens only), and the
 * title as written in its UTF-8 name (RFC 6266), which browsers prefer.
 */
export function docxDisposition(title: string, n: number, against: number | undefined): string {
  const suffix = `-v${n}${against === undefined ? '' : `-changes-since-v${against}`}.docx`;
  const ascii = title.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).toLowerCase() || 'document';
  const written = title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').trim().slice(0, 120) || 'document';
  return `attachment; filename="${ascii}${suffix}"; filename*=UTF-8''${encodeURIComponent(written + suffix)}`;
}

@ApiTags('exchange')
@Controller('documents')
export class DocxExportController {
  constructor(private readonly reads: DocxExportReads) {}

  @Public()
  @Get(':id/versions/:n/export.docx')
  @ApiProduces(DOCX_MEDIA_TYPE)
  @ApiOperation({
    summary:
      'A version as a Word document: a header with the group, title, version label and date; numbered operative paragraphs; brackets in place. With `against` (an earlier version), its differences as Word tracked changes by each amendment’s author',
  })
  async export(@OptionalActor() actor: Actor | null, @IdParam() id: string, @VersionParam() n: number, @Query() q: VersionExportQueryDto, @Res() res: Response): Promise<void> {
    const facts = await this.reads.read(actor, id, positiveVersion(n), q);
    const bytes = await buildDocx(facts);
    res.setHeader('Content-Type', DOCX_MEDIA_TYPE);
    res.setHeader('Content-Disposition', docxDisposition(facts.title, n, q.against));
    // Written by the handler: the bytes are the answer (the route table's media type), not a value to serialise.
    res.send(bytes);
  }
}
