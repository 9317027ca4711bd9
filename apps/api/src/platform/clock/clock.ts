import { Injectable } from '@nestjs/common';
import { PastTimeline } from './past-timeline';

/**
 * The one place the API reads the time, so rules receive `now` instead of reading a clock. Inside
 * a history told by code (PastTimeline: the demo loader, never a request), it is that history's time.
 */
@Injectable()
export class Clock {
  now(): Date {
    return PastTimeline.now() ?? new Date();
  }
}
