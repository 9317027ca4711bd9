import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { deliveryOf, defaultPreference, isNotificationKind, type EmailMode, type NotificationKind, type NotificationPreference } from '@parley/domain';
import type { NotificationView } from '@parley/contracts';
import type { NotificationData } from './recipients/notice';

/** A notification to insert for one recipient (its delivery still to be read from their preference). */
export interface NotificationRow {
  recipientId: string;
  kind: NotificationKind;
  dedupeKey: string;
  data: NotificationData;
  createdAt: string;
  source: { scope: string; sequence: number } | null;
}

export interface Inserted {
  id: string;
  recipientId: string;
  inApp: boolean;
}

interface ViewRow {
  id: string;
  kind: string;
  created_at: Date;
  read_at: Date | null;
  data: NotificationData;
}

export const toView = (r: ViewRow): NotificationView => ({
  ...r.data,
  id: r.id,
  kind: r.kind as NotificationKind,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at ? r.read_at.toISOString() : null,
});

/** The only code that writes `notifications` and `notification_preferences`. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stored preferences of many people at once (one query), for the kinds asked. */
  async preferencesOf(m: EntityManager, people: string[], kinds: NotificationKind[]): Promise<Map<string, NotificationPreference>> {
    const out = new Map<string, NotificationPreference>();
    if (people.length === 0) return out;
    const rows: { person_id: string; kind: string; in_app: boolean; email: EmailMode }[] = await m.query(
      `SELECT person_id, kind, in_app, email FROM notification_preferences WHERE person_id = ANY($1::uuid[]) AND kind = ANY($2::text[])`,
      [people, kinds],
    );
    for (const r of rows) if (isNotificationKind(r.kind)) out.set(`${r.person_id}|${r.kind}`, { kind: r.kind, inApp: r.in_app, email: r.email });
    return out;
  }

  /**
   * Inserts the rows each recipient's preference lets through, in one statement; a row already there
   * (same recipient, kind and dedupe key) is left alone. Returns the rows inserted.
   */
  async insert(m: EntityManager, rows: NotificationRow[]): Promise<Inserted[]> {
    if (rows.length === 0) return [];
    const prefs = await this.preferencesOf(m, [...new Set(rows.map((r) => r.recipientId))], [...new Set(rows.map((r) => r.kind))]);
    const cols: unknown[][] = [[], [], [], [], [], [], [], [], [], [], [], []];
    for (const r of rows) {
      const delivery = deliveryOf(prefs.get(`${r.recipientId}|${r.kind}`) ?? defaultPreference(r.kind));
      if (!delivery) continue;
      const values = [
        r.recipientId,
        r.kind,
        r.dedupeKey,
        r.data.group?.id ?? null,
        r.data.document?.id ?? null,
        r.data.link,
        JSON.stringify(r.data),
        r.source?.scope ?? null,
        r.source?.sequence ?? null,
        r.createdAt,
        delivery.inApp,
        delivery.email,
      ];
      values.forEach((v, i) => cols[i].push(v));
    }
    if (cols[0].length === 0) return [];
    const inserted: { id: string; recipient_id: string; in_app: boolean }[] = await m.query(
      `INSERT INTO notifications (recipient_id, kind, dedupe_key, working_group_id, document_id, link, data, source_scope, source_sequence, created_at, in_app, email_mode)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::jsonb[], $8::text[], $9::bigint[], $10::timestamptz[], $11::boolean[], $12::text[])
       ON CONFLICT (recipient_id, kind, dedupe_key) DO NOTHING
       RETURNING id, recipient_id, in_app`,
      cols,
    );
    return inserted.map((r) => ({ id: r.id, recipientId: r.recipient_id, inApp: r.in_app }));
  }

  /** In the centre, newest first, after a keyset position. */
  async list(personId: string, o: { limit: number; unreadOnly: boolean; after: { createdAt: string; id: string } | null }): Promise<NotificationView[]> {
    const params: unknown[] = [personId, o.limit];
    const where = [`recipient_id = $1`, `in_app`];
    if (o.unreadOnly) where.push(`read_at IS NULL`);
    if (o.after) where.push(`(created_at, id) < ($${params.push(o.after.createdAt)}::timestamptz, $${params.push(o.after.id)}::uuid)`);
    const rows: ViewRow[] = await this.dataSource.query(
      `SELECT id, kind, created_at, read_at, data FROM notifications WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $2`,
      params,
    );
    return rows.map(toView);
  }

  async views(ids: string[]): Promise<Map<string, NotificationView>> {
    if (ids.length === 0) return new Map();
    const rows: (ViewRow & { recipient_id: string })[] = await this.dataSource.query(
      `SELECT id, kind, created_at, read_at, data FROM notifications WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, toView(r)]));
  }

  async unread(personId: string): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND in_app AND read_at IS NULL`, [personId]);
    return rows[0].n;
  }

  async unreadOf(people: string[]): Promise<Map<string, number>> {
    const rows: { recipient_id: string; n: number }[] = await this.dataSource.query(
      `SELECT recipient_id, count(*)::int AS n FROM notifications WHERE recipient_id = ANY($1::uuid[]) AND in_app AND read_at IS NULL GROUP BY recipient_id`,
      [people],
    );
    return new Map(rows.map((r) => [r.recipient_id, r.n]));
  }

  /** Marks one of the person's own notifications read; false when they have none with that id. */
  async markRead(personId: string, id: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM notifications WHERE id = $1 AND recipient_id = $2 AND in_app`,
      [id, personId],
    );
    if (rows.length === 0) return false;
    await this.dataSource.query(`UPDATE notifications SET read_at = $3 WHERE id = $1 AND recipient_id = $2 AND read_at IS NULL`, [id, personId, at]);
    return true;
  }

  async markAllRead(personId: string, upTo: string | null, at: Date): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `UPDATE notifications SET read_at = $2 WHERE recipient_id = $1 AND in_app AND read_at IS NULL AND ($3::timestamptz IS NULL OR created_at <= $3::timestamptz)`,
      [personId, at, upTo],
    )) as [unknown, number];
    return count;
  }

  async storedPreferences(personId: string): Promise<NotificationPreference[]> {
    const rows: { kind: string; in_app: boolean; email: EmailMode }[] = await this.dataSource.query(
      `SELECT kind, in_app, email FROM notification_preferences WHERE person_id = $1`,
      [personId],
    );
    return rows.filter((r) => isNotificationKind(r.kind)).map((r) => ({ kind: r.kind as NotificationKind, inApp: r.in_app, email: r.email }));
  }

  async savePreferences(personId: string, prefs: NotificationPreference[]): Promise<void> {
    if (prefs.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO notification_preferences (person_id, kind, in_app, email)
       SELECT $1, * FROM unnest($2::text[], $3::boolean[], $4::text[])
       ON CONFLICT (person_id, kind) DO UPDATE SET in_app = EXCLUDED.in_app, email = EXCLUDED.email`,
      [personId, prefs.map((p) => p.kind), prefs.map((p) => p.inApp), prefs.map((p) => p.email)],
    );
  }

  async emailOf(personId: string): Promise<{ address: string; verified: boolean; language: string }> {
    const rows: { email: string; verified: boolean; language: string }[] = await this.dataSource.query(
      `SELECT email, email_verified_at IS NOT NULL AS verified, language FROM people WHERE id = $1`,
      [personId],
    );
    return { address: rows[0]?.email ?? '', verified: rows[0]?.verified ?? false, language: rows[0]?.language ?? 'en' };
  }
}
