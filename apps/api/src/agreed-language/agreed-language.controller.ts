import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { agreedLanguageQuery, type AgreedLanguagePage } from '@parley/contracts';
import { Actor, OptionalActor } from '../identity/actor';
import { Public } from '../identity/public.decorator';
import { AgreedLanguageService } from './agreed-language.service';

class AgreedLanguageQueryDto extends createZodDto(agreedLanguageQuery) {}

@ApiTags('agreed-language')
@Controller('agreed-language')
export class AgreedLanguageController {
  constructor(private readonly library: AgreedLanguageService) {}

  @Public()
  @Get()
  @ApiOperation({
    summary:
      'The library of agreed language: every clause of every adopted version the reader may open, with its pedigree; newest adoption first, or best match first with q',
  })
  page(@OptionalActor() reader: Actor | null, @Query() query: AgreedLanguageQueryDto): Promise<AgreedLanguagePage> {
    return this.library.page(reader, query);
  }
}
