import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { csvExportQuery } from '@parley/contracts';
import { positiveVersion, VersionParam } from '../drafting/version-param';
import { Public } from '../identity/public.decorator';
import { csvHeaderIn, csvLanguage } from '../platform/http/csv-language';
import { IdParam } from '../platform/http/id-param';
import { AdoptedTextExport } from './adopted-text-export';
import { BallotVotesExport } from './ballot-votes-export';

class CsvExportQueryDto extends createZodDto(csvExportQuery) {}

/** Downloads of the public record (the audit log's JSON Lines and chair terms' CSV live with their contexts). */
@ApiTags('exports')
@Controller()
export class TransparencyExportsController {
  constructor(
    private readonly votes: BallotVotesExport,
    private readonly adopted: AdoptedTextExport,
  ) {}

  @Public()
  @Get('ballots/:id/votes.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      'A ballot’s votes as CSV: the roll call with each voter’s affiliation (choices as the ballot page shows them); a secret ballot only its totals and breakdowns, once closed',
  })
  async votesCsv(
    @IdParam() id: string,
    @Query() query: CsvExportQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { filename, body } = await this.votes.csv(id);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return csvHeaderIn(body, csvLanguage(query.lang, acceptLanguage));
  }

  @Public()
  @Get('documents/:id/versions/:n/adopted.md')
  @ApiProduces('text/markdown')
  @ApiOperation({
    summary:
      'An adopted version as Markdown: the numbered text, its adoption vote record, provenance totals and signatories (409 when the version is not adopted)',
  })
  async adoptedMarkdown(@IdParam() id: string, @VersionParam() n: number, @Res({ passthrough: true }) res: Response): Promise<string> {
    const { filename, body } = await this.adopted.markdown(id, positiveVersion(n));
    res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }
}
