import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { compilationQuery, type CompilationResponse } from '@parley/contracts';
import { positiveVersion, VersionParam } from '../../drafting/version-param';
import { Public } from '../../identity/public.decorator';
import { Actor, OptionalActor } from '../../identity/actor';
import { IdParam } from '../../platform/http/id-param';
import { CompilationService } from './compilation.service';

class CompilationQueryDto extends createZodDto(compilationQuery) {}

@ApiTags('negotiation')
@Controller('documents')
export class CompilationController {
  constructor(private readonly compilations: CompilationService) {}

  @Public()
  @Get(':id/versions/:n/compilation')
  @ApiOperation({
    summary: 'The compilation text of a version: every open amendment and every open bracket with its options inline, attributed by person, organisation and stakeholder group; `group` keeps one stakeholder group’s proposals',
  })
  compilation(@OptionalActor() actor: Actor | null, @IdParam() id: string, @VersionParam() n: number, @Query() q: CompilationQueryDto): Promise<CompilationResponse> {
    return this.compilations.compilation(actor, id, positiveVersion(n), q.group);
  }
}
