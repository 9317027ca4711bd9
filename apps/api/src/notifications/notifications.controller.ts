import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import type { z } from 'zod';
import { markAllReadRequest, notificationListQuery, updateNotificationPreferences, type NotificationList, notificationPreferences } from '@parley/contracts';
import { Actor, CurrentActor } from '../identity/actor';
import { IdParam } from '../platform/http/id-param';
import { Allow } from '../policy/allow.decorator';
import { NotificationCentreService } from './notification-centre.service';

class NotificationListQueryDto extends createZodDto(notificationListQuery) {}
class MarkAllReadDto extends createZodDto(markAllReadRequest) {}
class UpdatePreferencesDto extends createZodDto(updateNotificationPreferences) {}

/** The signed-in person's notification centre (issue #20). Only a session is needed: everything here is their own. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me')
export class NotificationsController {
  constructor(private readonly centre: NotificationCentreService) {}

  @Allow('session.use')
  @Get('notifications')
  @ApiOperation({ summary: 'My notifications in the centre, newest first (unread=true: unread only), with my unread count' })
  list(@CurrentActor() actor: Actor, @Query() q: NotificationListQueryDto): Promise<NotificationList> {
    return this.centre.list(actor.id, q);
  }

  @Allow('session.use')
  @Get('notifications/unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread' })
  unread(@CurrentActor() actor: Actor): Promise<{ unread: number }> {
    return this.centre.unread(actor.id);
  }

  @Allow('session.use')
  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark my notifications read, up to the newest I have seen (upTo)' })
  readAll(@CurrentActor() actor: Actor, @Body() body: MarkAllReadDto): Promise<{ marked: number; unread: number }> {
    return this.centre.markAllRead(actor.id, body.upTo);
  }

  @Allow('session.use')
  @Post('notifications/:id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of my notifications read (another person’s is not found)' })
  read(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.centre.markRead(actor.id, id);
  }

  @Allow('session.use')
  @Get('notification-preferences')
  @ApiOperation({ summary: 'How I receive each kind of notification, and where e-mail goes' })
  preferences(@CurrentActor() actor: Actor): Promise<z.infer<typeof notificationPreferences>> {
    return this.centre.preferences(actor.id);
  }

  @Allow('session.use')
  @Put('notification-preferences')
  @ApiOperation({ summary: 'Change how I receive the kinds named (in the centre, by e-mail and how often)' })
  updatePreferences(@CurrentActor() actor: Actor, @Body() body: UpdatePreferencesDto): Promise<z.infer<typeof notificationPreferences>> {
    return this.centre.updatePreferences(actor.id, body.kinds);
  }
}
