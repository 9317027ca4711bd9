import { Module } from '@nestjs/common';
import { DigestService } from './digest.service';
import { ImmediateSweeper } from './immediate-sweeper';
import { MailController } from './mail.controller';
import { MailLinker } from './mail-links';
import { MailQueue } from './mail-queue';
import { MailTransport } from './mail-transport';
import { OutboxService } from './outbox.service';
import { SendWorker } from './send-worker';
import { UnsubscribeService } from './unsubscribe.service';
import { VerificationService } from './verification.service';

/**
 * E-mail (issue #20, decision 0042): the queue, the transport (SMTP or the local outbox),
 * immediate notifications, daily and weekly digests, verification, unsubscribe and the outbox.
 * Listens to the NotificationBus (global) for wake-ups; the notifications rows are the truth.
 */
@Module({
  controllers: [MailController],
  providers: [MailQueue, MailTransport, MailLinker, SendWorker, ImmediateSweeper, DigestService, VerificationService, UnsubscribeService, OutboxService],
  exports: [DigestService, ImmediateSweeper, SendWorker],
})
export class MailModule {}
