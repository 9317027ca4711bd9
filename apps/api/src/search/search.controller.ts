import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { searchQuery, type SearchResponse } from '@parley/contracts';
import { Actor, OptionalActor } from '../identity/actor';
import { Public } from '../identity/public.decorator';
import { SearchService } from './search.service';

class SearchQueryDto extends createZodDto(searchQuery) {}

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly searches: SearchService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Search clauses (every version), comments, amendments, ballots, explanations of position, people, organisations and groups; never what the reader may not open' })
  search(@OptionalActor() reader: Actor | null, @Query() query: SearchQueryDto): Promise<SearchResponse> {
    return this.searches.search(reader, query);
  }
}
