import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { once } from 'node:events';
import { createZodDto } from 'nestjs-zod';
import { auditExportQuery, fieldError, refusal } from '@parley/contracts';
import { Public } from '../identity/public.decorator';
import { refused } from '../platform/http/problem';
import { AuditDisclosure } from './audit-disclosure';
import { AuditRepository } from './audit.repository';

class AuditExportQueryDto extends createZodDto(auditExportQuery) {}

/** A well-formed scope with no chain: refused, so an empty answer is never mistaken for an empty chain. */
const noSuchChain = (scope: string) => refused(refusal('no-such-chain', { scope }), [fieldError('scope', 'no-such-chain', { scope })]);

const PAGE = 1000;

@ApiTags('audit')
@Controller('audit')
export class AuditExportController {
  constructor(
    private readonly audit: AuditRepository,
    private readonly disclosure: AuditDisclosure,
  ) {}

  @Public()
  @Get('export.jsonl')
  @ApiProduces('application/x-ndjson')
  @ApiOperation({
    summary:
      'The audit log of one scope, or of everything, as JSON Lines (streamed); check it offline with `npx parley-audit-verify` (or npm run audit:verify)',
  })
  async export(@Query() q: AuditExportQueryDto, @Res() res: Response): Promise<void> {
    if (q.scope && !(await this.audit.chainExists(q.scope))) throw noSuchChain(q.scope);
    res
      .status(200)
      .type('application/x-ndjson')
      .setHeader('Content-Disposition', `attachment; filename="parley-audit${q.scope ? `-${q.scope.replace(/[^\w-]/g, '_')}` : ''}.jsonl"`);
    let after: { scope: string; sequence: number } | null = null;
    let closed = false;
    res.on('close', () => (closed = true));
    for (;;) {
      const page = await this.audit.exportPage(after, q.scope ?? null, PAGE);
      if (page.length === 0 || closed) break;
      // What is not public yet (a hidden-until-close vote's choice) goes out withheld; its hash still links.
      const chunk = (await this.disclosure.disclose(page)).map((e) => JSON.stringify(e)).join('\n') + '\n';
      // Respect backpressure: a slow reader must not make the server buffer the whole log.
      if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      const last = page[page.length - 1];
      after = { scope: last.scope, sequence: last.sequence };
      if (page.length < PAGE) break;
    }
    res.end();
  }
}
