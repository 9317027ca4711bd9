import { Global, Module } from '@nestjs/common';
import { ChainBatcher } from '../platform/batching/chain-batcher';
import { Clock } from '../platform/clock/clock';
import { PageMetaRegistry } from '../platform/http/page-meta';
import { AuditDisclosure } from './audit-disclosure';
import { AuditEventBus } from './audit-event-bus';
import { AuditLogService } from './audit-log.service';
import { AuditController } from './audit.controller';
import { AuditExportController } from './audit-export.controller';
import { AuditRepository } from './audit.repository';
import { AuditedTransaction } from './audited-transaction';

/** Global: the audit backbone and the platform services every context writes through. */
@Global()
@Module({
  controllers: [AuditExportController, AuditController],
  providers: [AuditRepository, AuditedTransaction, ChainBatcher, AuditEventBus, AuditDisclosure, AuditLogService, Clock, PageMetaRegistry],
  exports: [AuditedTransaction, ChainBatcher, AuditEventBus, AuditRepository, AuditDisclosure, AuditLogService, Clock, PageMetaRegistry],
})
export class AuditModule {}
