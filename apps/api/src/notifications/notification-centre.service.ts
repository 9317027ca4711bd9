import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { NOTIFICATION_KIND_CATEGORIES, preferencesOf, type NotificationPreference } from '@parley/domain';
import type { NotificationList, notificationPreferences } from '@parley/contracts';
import { Clock } from '../platform/clock/clock';
import { cursorCodec } from '../platform/http/cursor';
import { notFound } from '../platform/http/problem';
import { NotificationRepository } from './notification.repository';
import { PersonChannel } from './person-channel';

const centreCursor = cursorCodec({ createdAt: 'instant', id: 'uuid' });

/** The notification centre of the signed-in person: their own notifications and preferences only. */
@Injectable()
export class NotificationCentreService {
  constructor(
    private readonly repo: NotificationRepository,
    private readonly channel: PersonChannel,
    private readonly clock: Clock,
  ) {}

  async list(personId: string, q: { limit: number; cursor?: string; unread?: 'true' | 'false' }): Promise<NotificationList> {
    const after = centreCursor.decode(q.cursor);
    const [rows, unread] = await Promise.all([this.repo.list(personId, { limit: q.limit + 1, unreadOnly: q.unread === 'true', after }), this.repo.unread(personId)]);
    const page = centreCursor.page(rows, q.limit, (last) => ({ createdAt: last.createdAt, id: last.id }));
    return { items: page.items, nextCursor: page.nextCursor, unread };
  }

  async unread(personId: string): Promise<{ unread: number }> {
    return { unread: await this.repo.unread(personId) };
  }

  /** Another person's notification is not found (never "forbidden": its existence is theirs). */
  async markRead(personId: string, id: string): Promise<void> {
    if (!(await this.repo.markRead(personId, id, this.clock.now()))) throw notFound('notification');
    this.channel.pushUnread(personId, await this.repo.unread(personId));
  }

  async markAllRead(personId: string, upTo: string | undefined): Promise<{ marked: number; unread: number }> {
    const marked = await this.repo.markAllRead(personId, upTo ?? null, this.clock.now());
    const unread = await this.repo.unread(personId);
    this.channel.pushUnread(personId, unread);
    return { marked, unread };
  }

  async preferences(personId: string): Promise<z.infer<typeof notificationPreferences>> {
    const [stored, email] = await Promise.all([this.repo.storedPreferences(personId), this.repo.emailOf(personId)]);
    return { kinds: preferencesOf(stored).map((p) => ({ ...p, category: NOTIFICATION_KIND_CATEGORIES[p.kind] })), email };
  }

  /** Changes the kinds named; what a change leaves out of a kind keeps its current value. */
  async updatePreferences(personId: string, changes: { kind: NotificationPreference['kind']; inApp?: boolean; email?: NotificationPreference['email'] }[]): Promise<z.infer<typeof notificationPreferences>> {
    const current = new Map(preferencesOf(await this.repo.storedPreferences(personId)).map((p) => [p.kind, p]));
    const next = changes.map((c) => {
      const p = current.get(c.kind)!;
      return { kind: c.kind, inApp: c.inApp ?? p.inApp, email: c.email ?? p.email };
    });
    await this.repo.savePreferences(personId, next);
    return this.preferences(personId);
  }
}
