import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { AuditEventResponse, AuditHeadResponse } from '@parley/contracts';
import { Public } from '../identity/public.decorator';
import { AuditRepository } from './audit.repository';

class AuditQueryDto extends createZodDto(
  z.strictObject({
    scope: z.string().min(1).max(100),
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  }),
) {}

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Public()
  @Get('head')
  @ApiOperation({ summary: "Each chain's latest sequence and hash, so an outsider can pin it" })
  async head(): Promise<AuditHeadResponse> {
    return { chains: await this.audit.heads() };
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'Events of one chain after a sequence, in order' })
  async list(@Query() q: AuditQueryDto): Promise<{ items: AuditEventResponse[] }> {
    return { items: await this.audit.listAfter(q.scope, q.after, q.limit) };
  }
}
