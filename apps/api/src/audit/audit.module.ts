import { Global, Module } from '@nestjs/common';
import { Clock } from '../platform/clock/clock';
import { AuditEventBus } from './audit-event-bus';
import { AuditController } from './audit.controller';
import { AuditExportController } from './audit-export.controller';
import { AuditRepository } from './audit.repository';
import { AuditedTransaction } from './audited-transaction';

@Global()
@Module({
  controllers: [AuditExportController, AuditController],
  providers: [AuditRepository, AuditedTransaction, AuditEventBus, Clock],
  exports: [AuditedTransaction, AuditEventBus, AuditRepository, Clock],
})
export class AuditModule {}
