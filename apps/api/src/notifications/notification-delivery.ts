import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationBus } from './notification-bus';
import { NotificationRepository, type Inserted, type NotificationRow } from './notification.repository';
import { PersonChannel } from './person-channel';

/**
 * Writing notifications (in the caller's transaction) and, once it committed, telling: the bus (mail
 * wakes up) and each recipient's sockets that show the centre.
 */
@Injectable()
export class NotificationDelivery {
  constructor(
    private readonly repo: NotificationRepository,
    private readonly bus: NotificationBus,
    private readonly channel: PersonChannel,
  ) {}

  write(m: EntityManager, rows: NotificationRow[]): Promise<Inserted[]> {
    return this.repo.insert(m, rows);
  }

  /** After commit only. */
  async announce(inserted: Inserted[]): Promise<void> {
    if (inserted.length === 0) return;
    this.bus.publishCreated({ ids: inserted.map((i) => i.id), recipients: [...new Set(inserted.map((i) => i.recipientId))] });
    const shown = inserted.filter((i) => i.inApp);
    if (shown.length === 0) return;
    const [views, unread] = await Promise.all([this.repo.views(shown.map((i) => i.id)), this.repo.unreadOf([...new Set(shown.map((i) => i.recipientId))])]);
    for (const i of shown) {
      const notification = views.get(i.id);
      if (notification) this.channel.pushNew(i.recipientId, { notification, unread: unread.get(i.recipientId) ?? 0 });
    }
  }
}
