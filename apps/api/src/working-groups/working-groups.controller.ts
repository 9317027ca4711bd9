import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  changeRoleRequest,
  createWorkingGroupRequest,
  joinDecisionRequest,
  joinRequestListQuery,
  joinRequestRequest,
  leaveRequest,
  memberListQuery,
  removeMemberRequest,
  withdrawJoinRequestRequest,
  workingGroupListQuery,
  type JoinRequestResponse,
  type MemberResponse,
  type WorkingGroupListResponse,
  type WorkingGroupResponse,
} from '@parley/contracts';
import { Actor, CurrentActor, OptionalActor } from '../identity/actor';
import { Public } from '../identity/public.decorator';
import { IdParam } from '../platform/http/id-param';
import { Allow } from '../policy/allow.decorator';
import { MembershipService } from './membership.service';
import { WorkingGroupService } from './working-group.service';

class CreateWorkingGroupDto extends createZodDto(createWorkingGroupRequest) {}
class WorkingGroupListQueryDto extends createZodDto(workingGroupListQuery) {}
class JoinRequestDto extends createZodDto(joinRequestRequest) {}
class JoinDecisionDto extends createZodDto(joinDecisionRequest) {}
class JoinRequestListQueryDto extends createZodDto(joinRequestListQuery) {}
class WithdrawJoinRequestDto extends createZodDto(withdrawJoinRequestRequest) {}
class LeaveDto extends createZodDto(leaveRequest) {}
class RemoveMemberDto extends createZodDto(removeMemberRequest) {}
class ChangeRoleDto extends createZodDto(changeRoleRequest) {}
class MemberListQueryDto extends createZodDto(memberListQuery) {}

@ApiTags('working-groups')
@Controller('working-groups')
export class WorkingGroupsController {
  constructor(
    private readonly groups: WorkingGroupService,
    private readonly membership: MembershipService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Every working group with its composition, chairs and capture alarms (including the cross-group most-private-sector alarm)' })
  list(@Query() query: WorkingGroupListQueryDto): Promise<WorkingGroupListResponse> {
    return this.groups.list(query);
  }

  @Allow('working-group.create')
  @Post()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Convene a working group (needs a current affiliation; the creator is its convener, not its chair, and joins as a member)' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateWorkingGroupDto): Promise<WorkingGroupResponse> {
    return this.groups.create(actor, body);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: 'One working group: mandate, members with affiliations, composition, alarms, chairs and terms; pending requests for those who decide them' })
  get(@IdParam() id: string, @OptionalActor() viewer: Actor | null): Promise<WorkingGroupResponse> {
    return this.groups.get(id, viewer);
  }

  @Public()
  @Get(':id/members')
  @ApiOperation({ summary: 'Members (current, past or all) with their admission and current affiliations' })
  members(@IdParam() id: string, @Query() query: MemberListQueryDto): Promise<MemberResponse[]> {
    return this.membership.members(id, query);
  }

  @Allow('working-group.participate')
  @Post(':id/join-requests')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Ask to join as member or observer with a statement; admitted at once under the open policy' })
  requestToJoin(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: JoinRequestDto): Promise<JoinRequestResponse> {
    return this.membership.requestToJoin(actor, id, body);
  }

  @Allow('working-group.participate')
  @Get(':id/join-requests')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Join requests (chairs, or the convener while no chair is confirmed)' })
  requests(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: JoinRequestListQueryDto): Promise<JoinRequestResponse[]> {
    return this.membership.requests(actor, id, query);
  }

  @Allow('working-group.participate')
  @Post(':id/join-requests/:requestId/decision')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Admit or refuse (with a reason) a pending request' })
  decide(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('requestId') requestId: string, @Body() body: JoinDecisionDto): Promise<JoinRequestResponse> {
    return this.membership.decide(actor, id, requestId, body);
  }

  @Allow('working-group.participate')
  @Post(':id/join-requests/:requestId/withdrawal')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Withdraw your own pending request to join (kept on the record as withdrawn)' })
  withdrawRequest(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('requestId') requestId: string, @Body() body: WithdrawJoinRequestDto): Promise<JoinRequestResponse> {
    return this.membership.withdrawRequest(actor, id, requestId, body);
  }

  @Allow('working-group.participate')
  @Post(':id/leave')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Leave the group (recorded, never deleted; ends any chair term held)' })
  leave(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: LeaveDto): Promise<void> {
    return this.membership.leave(actor, id, body);
  }

  @Allow('working-group.participate')
  @Post(':id/members/:personId/removal')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Remove a member, with a reason (chairs only; a chair is removed by ballot instead)' })
  remove(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('personId') personId: string, @Body() body: RemoveMemberDto): Promise<MemberResponse> {
    return this.membership.remove(actor, id, personId, body);
  }

  @Allow('working-group.participate')
  @Post(':id/members/:personId/role')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change a role: appoint or dismiss a rapporteur, member or observer (chairs; anyone may step down to observer)' })
  changeRole(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('personId') personId: string, @Body() body: ChangeRoleDto): Promise<MemberResponse> {
    return this.membership.changeRole(actor, id, personId, body);
  }
}
