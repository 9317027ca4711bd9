import type { EntityManager } from 'typeorm';
import type { RenderedMail } from './mail-render';

export type DeliveryPurpose = 'immediate' | 'daily-digest' | 'weekly-digest' | 'verification';

export interface NewDelivery {
  recipientId: string;
  to: string;
  purpose: DeliveryPurpose;
  dedupeKey: string;
  mail: RenderedMail;
}

/**
 * Inserts rendered deliveries in one statement (arrays unnested), skipping dedupe keys already
 * used. Returns the ids of the rows inserted, by dedupe key.
 */
export async function insertDeliveries(m: EntityManager, rows: readonly NewDelivery[], now: Date): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const inserted = (await m.query(
    `INSERT INTO email_deliveries (recipient_id, to_address, purpose, dedupe_key, language, message_id, subject, text_body, html_body, headers, status, created_at)
     SELECT r, t, p, k, l, mid, s, tb, hb, h::jsonb, 'queued', $11
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) AS x(r, t, p, k, l, mid, s, tb, hb, h)
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id, dedupe_key`,
    [
      rows.map((r) => r.recipientId),
      rows.map((r) => r.to),
      rows.map((r) => r.purpose),
      rows.map((r) => r.dedupeKey),
      rows.map((r) => r.mail.language),
      rows.map((r) => r.mail.messageId),
      rows.map((r) => r.mail.subject),
      rows.map((r) => r.mail.text),
      rows.map((r) => r.mail.html),
      rows.map((r) => JSON.stringify(r.mail.headers)),
      now,
    ],
  )) as { id: string; dedupe_key: string }[];
  return new Map(inserted.map((r) => [r.dedupe_key, r.id]));
}

/** Records which delivery carries each notification (pairs of notification id and delivery id). */
export async function linkNotifications(m: EntityManager, pairs: readonly [string, string][]): Promise<void> {
  if (pairs.length === 0) return;
  await m.query(
    `UPDATE notifications n SET email_delivery_id = x.d FROM unnest($1::uuid[], $2::uuid[]) AS x(n, d) WHERE n.id = x.n AND n.email_delivery_id IS NULL`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
}
