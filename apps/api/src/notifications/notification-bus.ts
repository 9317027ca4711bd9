import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
/** After-commit wake-up: notifications were created (the rows are the truth; this only says "look now"). */
@Injectable()
export class NotificationBus {
  private readonly created = new Subject<{ ids: string[]; recipients: string[] }>();
  readonly created$ = this.created.asObservable();
  publishCreated(batch: { ids: string[]; recipients: string[] }): void {
    if (batch.ids.length > 0) this.created.next(batch);
  }
}
