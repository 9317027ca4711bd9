import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { DOCX_MEDIA_TYPE, fileLanguageQuery, importCommentsRequest, type CommentTemplatePreview, type ImportedCommentsResponse } from '@parley/contracts';
import { Actor, CurrentActor, OptionalActor } from '../../identity/actor';
import { Public } from '../../identity/public.decorator';
import { csvLanguage } from '../../platform/http/csv-language';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { positiveVersion, VersionParam } from '../../drafting/version-param';
import { CommentTemplateService } from './comment-template.service';
import { UploadThrottlerGuard } from '../docx-file/upload-throttler.guard';

class FileLanguageQueryDto extends createZodDto(fileLanguageQuery) {}
class ImportCommentsDto extends createZodDto(importCommentsRequest) {}

@ApiTags('exchange')
@Controller('documents')
export class CommentTemplateController {
  constructor(private readonly templates: CommentTemplateService) {}

  @Public()
  @Get(':id/versions/:n/comment-template.docx')
  @ApiProduces(DOCX_MEDIA_TYPE)
  @ApiOperation({ summary: 'The version’s comments in the ISO commenting template (a Word table), with their dispositions and a blank row per clause to fill in' })
  async file(
    @OptionalActor() actor: Actor | null,
    @IdParam() id: string,
    @VersionParam() n: number,
    @Query() query: FileLanguageQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.templates.file(actor, id, positiveVersion(n), csvLanguage(query.lang, acceptLanguage));
    // Written here, not returned: the answer is the file's bytes, not JSON.
    res.setHeader('Content-Type', DOCX_MEDIA_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="comments-v${n}.docx"`);
    res.end(file);
  }

  @Allow('comment.post')
  @Post(':id/versions/:n/comment-template')
  @UseGuards(UploadThrottlerGuard)
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Read a completed commenting template (a Word file sent as the body): the rows it would post as comments of the uploader’s organisation, and the cells refused; nothing is posted (focal points)' })
  preview(@CurrentActor() actor: Actor, @IdParam() id: string, @VersionParam() n: number, @Body() upload: unknown): Promise<CommentTemplatePreview> {
    return this.templates.preview(actor, id, positiveVersion(n), upload);
  }

  @Allow('comment.post')
  @Post(':id/versions/:n/comment-template/comments')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Post the confirmed rows of a commenting template as comments of the focal point’s organisation, all or none' })
  post(@CurrentActor() actor: Actor, @IdParam() id: string, @VersionParam() n: number, @Body() body: ImportCommentsDto): Promise<ImportedCommentsResponse> {
    return this.templates.post(actor, id, positiveVersion(n), body);
  }
}
