import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';

/** What the test server does with the next message: take it, refuse it with an SMTP code, or hold it (never answer). */
export type Verdict = 'accept' | { refuse: number } | 'hold';

export interface Match {
  to?: string;
  subject?: RegExp;
}

export interface TestMailServer {
  url: string;
  /** Messages the server accepted, parsed. */
  received: ParsedMail[];
  /** Verdicts for the next messages matching (to an address, with a subject), in order; 'accept' once they run out. */
  plan(match: Match, ...verdicts: Verdict[]): void;
  /** How many DATA commands arrived (accepted or not). */
  attempts(): number;
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (no TLS, no auth), parsing each accepted message with mailparser. */
export async function startMailServer(): Promise<TestMailServer> {
  const received: ParsedMail[] = [];
  const plans: { match: Match; verdicts: Verdict[] }[] = [];
  const verdictFor = (m: ParsedMail, rcpt: string): Verdict => {
    const p = plans.find((x) => x.verdicts.length > 0 && (!x.match.to || x.match.to === rcpt) && (!x.match.subject || x.match.subject.test(m.subject ?? '')));
    return p?.verdicts.shift() ?? 'accept';
  };
  let attempts = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      attempts += 1;
      const rcpt = session.envelope.rcptTo[0]?.address ?? '';
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        void simpleParser(Buffer.concat(chunks)).then((m) => {
          const verdict = verdictFor(m, rcpt);
          if (verdict === 'hold') return; // never answered: the client's process dies meanwhile
          if (verdict !== 'accept') {
            const e = new Error(`refused by the test server (${verdict.refuse})`) as Error & { responseCode: number };
            e.responseCode = verdict.refuse;
            callback(e);
            return;
          }
          received.push(m);
          callback();
        }, callback);
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    plan: (match, ...verdicts) => void plans.push({ match, verdicts }),
    attempts: () => attempts,
    async waitFor(count, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      if (received.length < count) throw new Error(`expected ${count} message(s), got ${received.length}: ${received.map((m) => m.subject).join(' | ')}`);
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let seq = 0;
/** A notification row as core's deriver writes it (so mail is tested without the deriver). */
export async function insertNotification(
  db: DataSource,
  n: {
    recipientId: string;
    kind?: string;
    emailMode?: 'immediately' | 'daily' | 'weekly' | 'never';
    createdAt?: Date;
    group?: { id: string; name: string } | null;
    document?: { id: string; title: string } | null;
    actorName?: string;
    excerpt?: string;
    link?: string;
  },
): Promise<string> {
  seq += 1;
  const data = {
    group: n.group ?? null,
    document: n.document ?? null,
    link: n.link ?? '/working-groups',
    actor: { id: null, name: n.actorName ?? 'Ana Ruiz', snapshot: null },
    subject: { title: null, label: null },
    facts: { excerpt: n.excerpt ?? `note ${seq}` },
  };
  const [row] = (await db.query(
    `INSERT INTO notifications (recipient_id, kind, dedupe_key, link, data, created_at, in_app, email_mode)
     VALUES ($1, $2, $3, $4, $5, $6, true, $7) RETURNING id`,
    [n.recipientId, n.kind ?? 'mentioned', `test-${seq}-${Date.now()}`, data.link, JSON.stringify(data), n.createdAt ?? new Date(), n.emailMode ?? 'immediately'],
  )) as { id: string }[];
  return row.id;
}

export const verify = (db: DataSource, personId: string) => db.query(`UPDATE people SET email_verified_at = now() WHERE id = $1`, [personId]);

export async function until<T>(what: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await what();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 150));
  }
}
