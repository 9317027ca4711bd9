import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { ballotListQuery, castVoteRequest, closeBallotRequest, openBallotRequest, rollCallQuery } from '@parley/contracts';
import type { BallotListResponse, BallotResponse, RollCallPage, VoteResponse } from '@parley/contracts';
import { Actor, CurrentActor, OptionalActor } from '../identity/actor';
import { Public } from '../identity/public.decorator';
import { IdParam } from '../platform/http/id-param';
import { Allow } from '../policy/allow.decorator';
import { BallotReads } from './ballot-reads.service';
import { BallotService } from './ballot.service';
import { VoteService } from './vote.service';

class OpenBallotDto extends createZodDto(openBallotRequest) {}
class CastVoteDto extends createZodDto(castVoteRequest) {}
class BallotListQueryDto extends createZodDto(ballotListQuery) {}
class RollCallQueryDto extends createZodDto(rollCallQuery) {}
class CloseBallotDto extends createZodDto(closeBallotRequest) {}

@ApiTags('ballots')
@Controller('ballots')
export class BallotController {
  constructor(
    private readonly ballots: BallotService,
    private readonly ballotReads: BallotReads,
    private readonly votes: VoteService,
  ) {}

  @Allow('ballot.open')
  @Post()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Open a free motion (a chair of the group); the electorate is frozen now' })
  open(@CurrentActor() actor: Actor, @Body() body: OpenBallotDto): Promise<BallotResponse> {
    return this.ballots.open(actor, body);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'A ballot: terms, running tally (live roll-call ballots), first page of the roll call, your vote, the result once closed' })
  get(@OptionalActor() actor: Actor | null, @IdParam() id: string): Promise<BallotResponse> {
    return this.ballotReads.get(id, actor);
  }

  @Public()
  @Get(':id/roll-call')
  @ApiOperation({ summary: 'The roll call, by name (roll-call ballots only; choices hidden until close when tallies are hidden)' })
  rollCall(@IdParam() id: string, @Query() query: RollCallQueryDto): Promise<RollCallPage> {
    return this.ballotReads.rollCall(id, query);
  }

  @Allow('ballot.vote')
  @Post(':id/votes')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Cast or change your vote (members of the electorate frozen at opening, until the ballot closes)' })
  vote(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CastVoteDto): Promise<VoteResponse> {
    return this.votes.cast(actor, id, body);
  }

  @Allow('ballot.close')
  @Post(':id/close')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Close a ballot before its closing time (a chair of the group), with the reason (`reason`, required); the result is computed once and stored' })
  close(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CloseBallotDto): Promise<BallotResponse> {
    return this.ballots.closeEarly(actor, id, body);
  }
}

@ApiTags('ballots')
@Controller('working-groups')
export class WorkingGroupBallotsController {
  constructor(private readonly ballotReads: BallotReads) {}

  @Public()
  @Get(':id/ballots')
  @ApiOperation({ summary: "A working group's ballots, newest first" })
  list(@IdParam() id: string, @Query() query: BallotListQueryDto): Promise<BallotListResponse> {
    return this.ballotReads.listForGroup(id, query);
  }
}
