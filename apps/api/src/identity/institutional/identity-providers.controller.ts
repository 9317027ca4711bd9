import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { createIdentityProviderRequest, updateIdentityProviderRequest, type IdentityProviderResponse, type SignInProviderResponse } from '@parley/contracts';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { Actor, CurrentActor } from '../actor';
import { Public } from '../public.decorator';
import { IdentityProvidersService } from './identity-providers.service';

class CreateIdentityProviderDto extends createZodDto(createIdentityProviderRequest) {}
class UpdateIdentityProviderDto extends createZodDto(updateIdentityProviderRequest) {}

@ApiTags('identity providers')
@Controller()
export class IdentityProvidersController {
  constructor(private readonly providers: IdentityProvidersService) {}

  @Allow('identity-provider.manage')
  @Get('identity-providers')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Identity providers (stewards): never their client secrets' })
  list(): Promise<IdentityProviderResponse[]> {
    return this.providers.list();
  }

  @Allow('identity-provider.manage')
  @Post('identity-providers')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Register an OpenID Connect provider (stewards); its issuer is checked by discovery' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateIdentityProviderDto): Promise<IdentityProviderResponse> {
    return this.providers.create(actor, body as never);
  }

  @Allow('identity-provider.manage')
  @Patch('identity-providers/:id')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change a provider (stewards): confirmations it no longer vouches for end' })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateIdentityProviderDto): Promise<IdentityProviderResponse> {
    return this.providers.update(actor, id, body);
  }

  @Public()
  @Get('auth/identity-providers')
  @ApiOperation({ summary: 'The enabled providers people may sign in with (a button each)' })
  choices(): Promise<SignInProviderResponse[]> {
    return this.providers.signInChoices();
  }
}
