import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { AuditEvent } from '@parley/domain';

/** Committed audit events, in commit order. The realtime publisher subscribes; nothing else writes here. */
@Injectable()
export class AuditEventBus {
  private readonly committed = new Subject<AuditEvent[]>();
  readonly committed$ = this.committed.asObservable();

  publishCommitted(events: AuditEvent[]): void {
    if (events.length > 0) this.committed.next(events);
  }
}
