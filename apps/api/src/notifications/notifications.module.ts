import { Global, Module } from '@nestjs/common';
import { NotificationBus } from './notification-bus';

/** Stub until the core part's NotificationsModule lands (issue #20): only the after-commit bus mail listens to. */
@Global()
@Module({ providers: [NotificationBus], exports: [NotificationBus] })
export class NotificationsModule {}
