import type { z } from 'zod';
import type { NotificationList, NotificationView, notificationPreferences } from '@parley/contracts';
import type { SignedIn } from '../support/factories';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A person's notification centre, as they read it over HTTP. */
export async function centreOf(p: Pick<SignedIn, 'client'>, query = ''): Promise<NotificationList> {
  const res = await p.client.get<NotificationList>(`/api/me/notifications${query}`);
  if (res.status !== 200) throw new Error(`GET /api/me/notifications: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Waits until `check` holds of the person's centre (the deriver runs after commit, so it is a moment behind). */
export async function eventually<T>(read: () => Promise<T>, check: (v: T) => boolean, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (check(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms; last seen ${JSON.stringify(v).slice(0, 600)}`);
    await sleep(100);
  }
}

export const ofKind = (list: NotificationList, kind: NotificationView['kind']) => list.items.filter((n) => n.kind === kind);

export type NotificationPreferences = z.infer<typeof notificationPreferences>;
