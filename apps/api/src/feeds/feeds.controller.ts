import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../identity/public.decorator';
import { IdParam } from '../platform/http/id-param';
import type { FeedLanguage } from './feed-sentences';
import { FeedsService } from './feeds.service';

const ATOM = 'application/atom+xml; charset=utf-8';
/** `?lang=fr` for French; anything else reads in English. */
const languageOf = (lang: unknown): FeedLanguage => (lang === 'fr' ? 'fr' : 'en');

@ApiTags('notifications')
@Controller()
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  @Public()
  @Get('working-groups/:id/feed.atom')
  @ApiProduces('application/atom+xml')
  @ApiOperation({ summary: 'An Atom feed of the group’s public acts, newest 50 (`?lang=fr` in French): what its public audit log shows, without single votes' })
  async group(@IdParam() id: string, @Query('lang') lang: unknown, @Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.feeds.groupFeed(id, languageOf(lang));
    res.setHeader('Content-Type', ATOM);
    return body;
  }

  @Public()
  @Get('documents/:id/feed.atom')
  @ApiProduces('application/atom+xml')
  @ApiOperation({ summary: 'An Atom feed of the document’s versions issued, published and adopted, newest first (`?lang=fr` in French)' })
  async document(@IdParam() id: string, @Query('lang') lang: unknown, @Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.feeds.documentFeed(id, languageOf(lang));
    res.setHeader('Content-Type', ATOM);
    return body;
  }
}
