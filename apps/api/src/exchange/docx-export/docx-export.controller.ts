import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { DOCX_MEDIA_TYPE, versionExportQuery } from '@parley/contracts';
import { positiveVersion, VersionParam } from '../../drafting/version-param';
import { type Actor, OptionalActor } from '../../identity/actor';
import { Public } from '../../identity/public.decorator';
import { csvLanguage } from '../../platform/http/csv-language';
import { IdParam } from '../../platform/http/id-param';
import { slug } from '../../transparency/adopted-text-export';
import { buildDocx } from './docx-builder';
import { DocxExportReads } from './docx-export-reads';

class VersionExportQueryDto extends createZodDto(versionExportQuery) {}

/** A value of `filename*` (RFC 5987): percent-encoded UTF-8, with the characters encodeURIComponent leaves (' ( ) *) encoded too. */
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * "paris-call-v3.docx" for the header's plain name (as the other exports name files), and the title
 * as written in its UTF-8 name (RFC 6266), which browsers prefer.
 */
export function docxDisposition(title: string, n: number, against: number | undefined): string {
  const suffix = `-v${n}${against === undefined ? '' : `-changes-since-v${against}`}.docx`;
  // Cut by code points, not UTF-16 units: half an emoji would make encodeURIComponent throw.
  const written = Array.from(title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').trim()).slice(0, 120).join('') || 'document';
  return `attachment; filename="${slug(title)}${suffix}"; filename*=UTF-8''${rfc5987(written + suffix)}`;
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
  async export(
    @OptionalActor() actor: Actor | null,
    @IdParam() id: string,
    @VersionParam() n: number,
    @Query() q: VersionExportQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    // What Parley writes is in `lang`, else in the language the reader's browser prefers of the six (as CSV exports do).
    const facts = await this.reads.read(actor, id, positiveVersion(n), { against: q.against, lang: csvLanguage(q.lang, acceptLanguage) });
    const bytes = await buildDocx(facts);
    res.setHeader('Content-Type', DOCX_MEDIA_TYPE);
    res.setHeader('Content-Disposition', docxDisposition(facts.title, n, q.against));
    // Written by the handler: the bytes are the answer (the route table's media type), not a value to serialise.
    res.send(bytes);
  }
}
