// Use cases never read the system time themselves: the clock is injected so a
// test can stand on any calendar day (rate cards switch on dates).
import { Injectable } from '@nestjs/common';

export abstract class Clock {
  abstract now(): Date;

  /** Today's calendar day in UTC (YYYY-MM-DD); offers and rate cards are dated in UTC. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
