import { Body, Controller, Delete, Get, Header, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { endAllSessionsRequest, type ActiveSessionResponse, type SessionsEndedResponse } from '@parley/contracts';
import { IdParam } from '../../platform/http/id-param';
import { parseWith } from '../../platform/http/parse';
import { Allow } from '../../policy/allow.decorator';
import { Actor, CurrentActor } from '../actor';
import { clearSessionCookies } from '../session-cookies';
import { SessionsService } from './sessions.service';

/** Where sessions were opened (a network, a device): private, never stored by a cache. */
const NO_STORE = 'no-store';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Allow('session.manage-own')
  @Get('me/sessions')
  @Header('Cache-Control', NO_STORE)
  @ApiOperation({ summary: 'Your live sessions, most recently used first: device, network (not address), how you signed in, when; the current one marked' })
  mine(@CurrentActor() actor: Actor): Promise<ActiveSessionResponse[]> {
    return this.sessions.mine(actor);
  }

  @Allow('session.manage-own')
  @Delete('me/sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of your sessions at once (ending the current one signs you out); another person’s is not found' })
  async endMine(@CurrentActor() actor: Actor, @IdParam() id: string, @Res({ passthrough: true }) res: Response): Promise<void> {
    const { endedCurrent } = await this.sessions.endMine(actor, id);
    if (endedCurrent) clearSessionCookies(res);
  }

  @Allow('session.manage-own')
  @Post('me/sessions/end-others')
  @HttpCode(200)
  @ApiOperation({ summary: 'End every session of yours but this one' })
  endOthers(@CurrentActor() actor: Actor): Promise<SessionsEndedResponse> {
    return this.sessions.endOthers(actor);
  }

  @Allow('session.end-any')
  @Get('people/:id/sessions')
  @Header('Cache-Control', NO_STORE)
  @ApiOperation({ summary: 'A person’s live sessions (stewards only)' })
  ofPerson(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ActiveSessionResponse[]> {
    return this.sessions.ofPerson(actor, id);
  }

  @Allow('session.end-any')
  @Post('people/:id/sessions/end-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'End every session of an account, with a reason (stewards only; in the public audit log)' })
  endAll(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: unknown): Promise<SessionsEndedResponse> {
    return this.sessions.endAllOf(actor, id, parseWith(endAllSessionsRequest, body));
  }
}
