import { Injectable } from '@nestjs/common';

/** The time, as a dependency: the rules never read the clock themselves, and tests can move it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today as `YYYY-MM-DD` (UTC): the day a rubric version is looked up for. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}
