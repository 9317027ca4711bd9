import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { auditLogQuery, type AuditEventDetailResponse, type AuditHeadResponse, type AuditLogResponse } from '@parley/contracts';
import { Public } from '../identity/public.decorator';
import { validationProblem } from '../platform/http/problem';
import { AuditLogService } from './audit-log.service';
import { AuditRepository } from './audit.repository';

class AuditLogQueryDto extends createZodDto(auditLogQuery) {}

const SCOPE = /^[\w:-]{1,100}$/;

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditRepository,
    private readonly log: AuditLogService,
  ) {}

  @Public()
  @Get('head')
  @ApiOperation({ summary: "Each chain's latest sequence and hash, so an outsider can pin it" })
  async head(): Promise<AuditHeadResponse> {
    return { chains: await this.audit.heads() };
  }

  @Public()
  @Get()
  @ApiOperation({
    summary:
      'The public audit log: one chain (`scope=platform`, `scope=wg:<id>`) or every chain (`scope=all`), filtered by actor, organisation (of the actor’s snapshot), action (or family: `chair`, `chair.*`) and date range; keyset pages (`cursor`); each event as stored, with links to its page and to the event its previous hash names',
  })
  list(@Query() q: AuditLogQueryDto): Promise<AuditLogResponse> {
    return this.log.list(q);
  }

  @Public()
  @Get('events/:scope/:sequence')
  @ApiParam({ name: 'scope', description: '`platform` or `wg:<working group id>`' })
  @ApiParam({ name: 'sequence', description: 'The event’s sequence in its chain (from 1)' })
  @ApiOperation({ summary: 'One event of a chain, with links to the event before it (its previous hash) and after it' })
  event(@Param('scope') scope: string, @Param('sequence') sequence: string): Promise<AuditEventDetailResponse> {
    if (!SCOPE.test(scope)) throw validationProblem('scope', 'not-a-chain');
    if (!/^[1-9]\d{0,15}$/.test(sequence)) throw validationProblem('sequence', 'positive-whole-number');
    return this.log.event(scope, Number(sequence));
  }
}
