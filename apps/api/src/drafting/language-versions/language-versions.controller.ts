import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  languageVersionsQuery,
  saveTranslationRequest,
  setAuthenticLanguagesRequest,
  setOriginalLanguageRequest,
  type AuthenticLanguagesResponse,
  type LanguageVersionsResponse,
  type OriginalLanguageResponse,
  type SavedTranslationResponse,
} from '@parley/contracts';
import { Actor, CurrentActor, OptionalActor } from '../../identity/actor';
import { Public } from '../../identity/public.decorator';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { positiveVersion, VersionParam } from '../version-param';
import { LanguageVersionsService } from './language-versions.service';

class LanguageVersionsQueryDto extends createZodDto(languageVersionsQuery) {}
class SaveTranslationDto extends createZodDto(saveTranslationRequest) {}
class SetOriginalLanguageDto extends createZodDto(setOriginalLanguageRequest) {}
class SetAuthenticLanguagesDto extends createZodDto(setAuthenticLanguagesRequest) {}

@ApiTags('drafting')
@Controller('documents')
export class LanguageVersionsController {
  constructor(private readonly service: LanguageVersionsService) {}

  @Public()
  @Get(':id/versions/:n/language-versions')
  @ApiOperation({ summary: 'A version in its languages: for each language, how many clauses are translated, outdated or missing; and the clauses in the languages asked for (`languages=fr,ar`), each marked original or translation, by whom and when' })
  view(@OptionalActor() actor: Actor | null, @IdParam() id: string, @VersionParam() n: number, @Query() q: LanguageVersionsQueryDto): Promise<LanguageVersionsResponse> {
    return this.service.view(actor, id, positiveVersion(n), q.languages, q.only === 'counts');
  }

  @Allow('translation.save')
  @Post(':id/versions/:n/translations')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Save the translation of a clause of a version into a language other than the original (voting members and chairs); it records the original text it was made from' })
  save(@CurrentActor() actor: Actor, @IdParam() id: string, @VersionParam() n: number, @Body() body: SaveTranslationDto): Promise<SavedTranslationResponse> {
    return this.service.save(actor, id, positiveVersion(n), body);
  }

  @Allow('languages.set')
  @Put(':id/original-language')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Set the document's original language (a chair), while it has one version" })
  setOriginal(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: SetOriginalLanguageDto): Promise<OriginalLanguageResponse> {
    return this.service.setOriginalLanguage(actor, id, body);
  }
}

@ApiTags('working-groups')
@Controller('working-groups')
export class AuthenticLanguagesController {
  constructor(private readonly service: LanguageVersionsService) {}

  @Allow('languages.set')
  @Put(':id/authentic-languages')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Declare the group's authentic languages besides each document's original (a chair); audited with before and after" })
  set(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: SetAuthenticLanguagesDto): Promise<AuthenticLanguagesResponse> {
    return this.service.setAuthenticLanguages(actor, id, body);
  }
}
