import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { PARLEY_CONFIG, ParleyConfig } from '../platform/config/config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

/**
 * Where mail goes: the SMTP server of SMTP_URL, or, without one, the local outbox (nothing leaves;
 * the delivery is marked sent with transport 'outbox' and a steward reads it in Parley).
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly smtp: Transporter | null;

  constructor(@Inject(PARLEY_CONFIG) private readonly config: ParleyConfig) {
    this.smtp = config.mail.smtpUrl
      ? createTransport(config.mail.smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never)
      : null;
  }

  get kind(): 'smtp' | 'outbox' {
    return this.smtp ? 'smtp' : 'outbox';
  }

  /** Resolves once the server accepted the message; rejects with its answer otherwise. */
  async send(mail: OutgoingMail): Promise<void> {
    if (!this.smtp) return;
    await this.smtp.sendMail({
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: mail.headers,
    });
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
  }
}
