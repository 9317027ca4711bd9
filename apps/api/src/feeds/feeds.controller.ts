import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { feedQuery } from '@parley/contracts';
import { Public } from '../identity/public.decorator';
import { IdParam } from '../platform/http/id-param';
import { FeedsService } from './feeds.service';

const ATOM = 'application/atom+xml; charset=utf-8';
/** `?lang=` one of the six UN languages (ar, zh, en, fr, ru, es); English by default. */
class FeedQueryDto extends createZodDto(feedQuery) {}

@ApiTags('notifications')
@Controller()
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  @Public()
  @Get('working-groups/:id/feed.atom')
  @ApiProduces('application/atom+xml')
  @ApiOperation({
    summary: 'An Atom feed of the group’s public acts, newest 50 (`?lang=` ar, zh, en, fr, ru or es): what its public audit log shows, without single votes',
  })
  async group(@IdParam() id: string, @Query() q: FeedQueryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.feeds.groupFeed(id, q.lang);
    res.setHeader('Content-Type', ATOM);
    return body;
  }

  @Public()
  @Get('documents/:id/feed.atom')
  @ApiProduces('application/atom+xml')
  @ApiOperation({ summary: 'An Atom feed of the document’s versions issued, published and adopted, newest first (`?lang=` ar, zh, en, fr, ru or es)' })
  async document(@IdParam() id: string, @Query() q: FeedQueryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.feeds.documentFeed(id, q.lang);
    res.setHeader('Content-Type', ATOM);
    return body;
  }
}
