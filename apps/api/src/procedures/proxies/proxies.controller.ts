import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { giveProxyRequest, type GroupProxiesResponse, type ProxyView } from '@parley/contracts';
import { Actor, CurrentActor, OptionalActor } from '../../identity/actor';
import { Public } from '../../identity/public.decorator';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { ProxiesService } from './proxies.service';

class GiveProxyDto extends createZodDto(giveProxyRequest) {}

@ApiTags('procedures')
@Controller()
export class ProxiesController {
  constructor(private readonly service: ProxiesService) {}

  @Public()
  @Get('working-groups/:id/proxies')
  @ApiOperation({ summary: "A working group's proxies, newest first: who gave their vote to whom, for which ballot or period, and how each ended (public); signed in, whether and to whom you may give yours" })
  list(@OptionalActor() actor: Actor | null, @IdParam() id: string): Promise<GroupProxiesResponse> {
    return this.service.list(id, actor);
  }

  @Allow('proxy.give')
  @Post('working-groups/:id/proxies')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Give your vote to another voting member of your organisation (or stakeholder group, where the group allows it), for one open ballot or for a period of days' })
  give(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: GiveProxyDto): Promise<ProxyView> {
    return this.service.give(actor, id, body);
  }

  @Allow('proxy.revoke')
  @Post('proxies/:id/revoke')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke a proxy you gave (its grantor), at any time; votes it cast stay cast' })
  revoke(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ProxyView> {
    return this.service.revoke(actor, id);
  }
}
