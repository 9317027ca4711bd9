import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { DEAD_QUEUE, MailQueue, SEND_QUEUE, type SendJob } from './mail-queue';
import { MailTransport } from './mail-transport';

interface Claimed {
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  headers: Record<string, string>;
  message_id: string;
}

/**
 * Sends one delivery per job, so that a crash never sends twice what was accepted: the delivery is
 * marked 'sending' (committed, attempts + 1) before talking to the server and 'sent' as soon as the
 * server accepted it; a job that finds it 'sent' does nothing. A job finding it 'sending' is the
 * retry of an attempt whose process died mid-send: the server did not confirm, so the same message
 * (same Message-ID, which lets mail clients merge a rare duplicate) goes again.
 */
@Injectable()
export class SendWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger('MailSend');

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: MailQueue,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.work<SendJob>(SEND_QUEUE, (job) => this.send(job.data.deliveryId));
    await this.queue.work<SendJob>(DEAD_QUEUE, (job) => this.giveUp(job.data.deliveryId));
  }

  async send(deliveryId: string): Promise<void> {
    const claimed = await this.dataSource.transaction(async (m) => {
      const [d] = (await m.query(
        `SELECT status, to_address, subject, text_body, html_body, headers, message_id FROM email_deliveries WHERE id = $1 FOR UPDATE`,
        [deliveryId],
      )) as (Claimed & { status: string })[];
      if (!d || d.status === 'sent' || d.status === 'failed') return null;
      await m.query(`UPDATE email_deliveries SET status = 'sending', attempts = attempts + 1 WHERE id = $1`, [deliveryId]);
      return d;
    });
    if (!claimed) return;
    try {
      await this.transport.send({
        to: claimed.to_address,
        subject: claimed.subject,
        text: claimed.text_body,
        html: claimed.html_body,
        headers: claimed.headers,
        messageId: claimed.message_id,
      });
    } catch (e) {
      const why = (e as Error).message || String(e);
      await this.dataSource.query(`UPDATE email_deliveries SET status = 'queued', last_error = $2 WHERE id = $1 AND status = 'sending'`, [deliveryId, why.slice(0, 1000)]);
      this.logger.warn({ deliveryId, err: why }, 'the mail server did not take a message; it will be retried');
      throw e;
    }
    await this.dataSource.query(`UPDATE email_deliveries SET status = 'sent', sent_at = $2, transport = $3, last_error = NULL WHERE id = $1`, [
      deliveryId,
      this.clock.now(),
      this.transport.kind,
    ]);
  }

  /** Every retry failed: the delivery is recorded as failed, with the server's last answer. */
  async giveUp(deliveryId: string): Promise<void> {
    await this.dataSource.query(`UPDATE email_deliveries SET status = 'failed' WHERE id = $1 AND status <> 'sent'`, [deliveryId]);
    this.logger.error({ deliveryId }, 'a message could not be sent after every retry');
  }
}
