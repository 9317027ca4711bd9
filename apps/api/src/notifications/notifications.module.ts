import { Global, Module } from '@nestjs/common';
import { NotificationBus } from './notification-bus';
import { NotificationCentreService } from './notification-centre.service';
import { NotificationDelivery } from './notification-delivery';
import { NotificationDeriver } from './notification-deriver';
import { NotificationReminders } from './notification-reminders';
import { NotificationRepository } from './notification.repository';
import { NotificationsController } from './notifications.controller';
import { PersonChannel } from './person-channel';

/**
 * Notifications (issue #20, decision 0042): derived from the audit log after commit, exactly once;
 * reminders before deadlines; the centre's REST; live pushes to each person's own sockets. Global so
 * mail can take the NotificationBus and the gateway the PersonChannel.
 */
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationBus, NotificationRepository, NotificationDelivery, NotificationDeriver, NotificationReminders, NotificationCentreService, PersonChannel],
  exports: [NotificationBus, PersonChannel, NotificationDeriver, NotificationReminders],
})
export class NotificationsModule {}
