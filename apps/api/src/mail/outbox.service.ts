import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { outboxItem, outboxList, outboxMessage } from '@parley/contracts';
import { DataSource } from 'typeorm';
import { cursorCodec } from '../platform/http/cursor';
import { notFound } from '../platform/http/problem';

type OutboxItem = z.infer<typeof outboxItem>;
const outboxCursor = cursorCodec({ createdAt: 'instant', id: 'uuid' });

interface Row {
  id: string;
  to_address: string;
  recipient_id: string;
  recipient_name: string;
  purpose: OutboxItem['purpose'];
  language: string;
  subject: string;
  status: OutboxItem['status'];
  created_at: Date;
  sent_at: Date | null;
}

const COLUMNS = `d.id, d.to_address, d.recipient_id, p.name AS recipient_name, d.purpose, d.language, d.subject, d.status, d.created_at, d.sent_at`;
const itemOf = (r: Row): OutboxItem => ({
  id: r.id,
  to: r.to_address,
  recipient: { id: r.recipient_id, name: r.recipient_name },
  purpose: r.purpose,
  language: r.language,
  subject: r.subject,
  status: r.status,
  createdAt: new Date(r.created_at).toISOString(),
  sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
});

/** The local outbox (no SMTP_URL): what Parley would have sent, newest first, for stewards. */
@Injectable()
export class OutboxService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: { limit: number; cursor?: string }): Promise<z.infer<typeof outboxList>> {
    const after = outboxCursor.decode(query.cursor);
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM email_deliveries d JOIN people p ON p.id = d.recipient_id
        WHERE d.transport = 'outbox' AND ($1::timestamptz IS NULL OR (d.created_at, d.id) < ($1::timestamptz, $2::uuid))
        ORDER BY d.created_at DESC, d.id DESC LIMIT $3`,
      [after?.createdAt ?? null, after?.id ?? null, query.limit + 1],
    )) as Row[];
    const page = outboxCursor.page(rows, query.limit, (r) => ({ createdAt: new Date(r.created_at).toISOString(), id: r.id }));
    return { items: page.items.map(itemOf), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<z.infer<typeof outboxMessage>> {
    const [r] = (await this.dataSource.query(
      `SELECT ${COLUMNS}, d.text_body, d.html_body, d.headers, d.message_id FROM email_deliveries d JOIN people p ON p.id = d.recipient_id
        WHERE d.id = $1 AND d.transport = 'outbox'`,
      [id],
    )) as (Row & { text_body: string; html_body: string; headers: Record<string, string>; message_id: string })[];
    if (!r) throw notFound('email');
    return { ...itemOf(r), text: r.text_body, html: r.html_body, headers: { 'Message-ID': r.message_id, ...r.headers } };
  }
}
