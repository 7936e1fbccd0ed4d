import { Injectable } from '@nestjs/common';

/**
 * The time, as a dependency: use cases never read the system clock themselves,
 * so a test can stand on any day. The abstract class is the injection token.
 */
export abstract class Clock {
  abstract now(): Date;

  /** Today as `YYYY-MM-DD` (UTC): rubrics and rate cards are looked up by calendar day in UTC. */
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
