import { Injectable } from '@nestjs/common';

/** The time, as a dependency: computations never read the clock themselves, and tests can move it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
