import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { HealthResponse } from '@parley/contracts';
import { Public } from '../../identity/public.decorator';

@ApiTags('platform')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether the API and its database are up' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const up = await Promise.race([
      this.dataSource.query('SELECT 1').then(() => true, () => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref()),
    ]);
    if (!up) res.status(503);
    return { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down', version: process.env.npm_package_version ?? '0.1.0' };
  }
}
