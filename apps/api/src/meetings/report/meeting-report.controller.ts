import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { draftReportRequest, type DraftReportResponse } from '@parley/contracts';
import { Actor, CurrentActor } from '../../identity/actor';
import { IdParam } from '../../platform/http/id-param';
import { Allow } from '../../policy/allow.decorator';
import { MeetingReportService } from './meeting-report.service';

class DraftReportDto extends createZodDto(draftReportRequest) {}

@ApiTags('meetings')
@Controller('meetings')
export class MeetingReportController {
  constructor(private readonly service: MeetingReportService) {}

  @Allow('meeting.report')
  @Post(':id/report')
  @HttpCode(201)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Draft the report of a closed meeting from its record, as a document of the group (a chair or rapporteur; once)' })
  draft(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DraftReportDto): Promise<DraftReportResponse> {
    return this.service.draft(actor, id, body);
  }
}
