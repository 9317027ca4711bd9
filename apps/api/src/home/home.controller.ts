import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from 'nestjs-zod';
import { homeQuery, type HomeQuery, type HomeResponse } from '@parley/contracts';
import { Actor, OptionalActor } from '../identity/actor';
import { Public } from '../identity/public.decorator';
import { HomeService } from './home.service';

@ApiTags('home')
@Controller('home')
export class HomeController {
  constructor(private readonly home: HomeService) {}

  @Public()
  @Get()
  // The answer holds the personal part of whoever is signed in: no shared cache may keep it.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'The front door in one round trip: active working groups with composition and alarms, ballots closing soon, the latest adopted texts, endorsements and acts; for a signed-in person also what needs them (ballots to vote on, comments to answer, join requests to decide). Short, bounded lists with totals.',
  })
  // No parameters: an unknown one is refused (400 naming it) rather than ignored. Not a DTO class: OpenAPI cannot describe an empty query object.
  get(@Query(new ZodValidationPipe(homeQuery)) _query: HomeQuery, @OptionalActor() viewer: Actor | null): Promise<HomeResponse> {
    return this.home.frontDoor(viewer);
  }
}
