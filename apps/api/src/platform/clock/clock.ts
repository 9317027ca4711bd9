import { Injectable } from '@nestjs/common';

/** The one place the API reads the time, so rules receive `now` instead of reading a clock. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
