import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { chairTermListQuery, type ChairTermListResponse } from '@parley/contracts';
import { Public } from '../identity/public.decorator';
import { csvHeaderIn, csvLanguage } from '../platform/http/csv-language';
import { IdParam } from '../platform/http/id-param';
import { ChairTermsService } from './chair-terms.service';

class ChairTermListQueryDto extends createZodDto(chairTermListQuery) {}

/** Who chaired what: public, across every group. */
@ApiTags('chair-terms')
@Controller()
export class ChairTermsController {
  constructor(private readonly chairTerms: ChairTermsService) {}

  @Public()
  @Get('chair-terms')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({ summary: 'Chair terms filtered by person, organisation, stakeholder group (`group`), working group and date range (terms overlapping it), with the confirming ballot’s outcome; `format=csv` for a spreadsheet' })
  async list(
    @Query() query: ChairTermListQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ChairTermListResponse | string> {
    const { format, lang, ...filter } = query;
    if (format === 'csv') return this.sendCsv(res, csvHeaderIn(await this.chairTerms.csv(filter), csvLanguage(lang, acceptLanguage)));
    return this.chairTerms.list(filter);
  }

  @Public()
  @Get('chair-terms.csv')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same list as CSV (same filters); the header row in `lang` (or Accept-Language): ar, zh, fr, ru or es labels, else the column keys' })
  async csv(@Query() query: ChairTermListQueryDto, @Headers('accept-language') acceptLanguage: string | undefined, @Res({ passthrough: true }) res: Response): Promise<string> {
    const { format: _format, lang, ...filter } = query;
    return this.sendCsv(res, csvHeaderIn(await this.chairTerms.csv(filter), csvLanguage(lang, acceptLanguage)));
  }

  @Public()
  @Get('people/:id/chair-terms')
  @ApiOperation({ summary: 'The chair terms a person held' })
  ofPerson(@IdParam() id: string): Promise<ChairTermListResponse> {
    return this.chairTerms.ofPerson(id);
  }

  @Public()
  @Get('organisations/:id/chair-terms')
  @ApiOperation({ summary: 'The chair terms held on behalf of an organisation (by the affiliation recorded on the term)' })
  ofOrganisation(@IdParam() id: string): Promise<ChairTermListResponse> {
    return this.chairTerms.ofOrganisation(id);
  }

  private sendCsv(res: Response, body: string): string {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="chair-terms.csv"');
    return body;
  }
}
