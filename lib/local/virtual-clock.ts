import type { DateTime } from 'luxon';
import type { Clock } from '../ports.js';

/** A clock that only moves when told: replay runs months of mail in a moment. */
export class VirtualClock implements Clock {
  constructor(private instant: DateTime) {}

  now(): DateTime {
    return this.instant;
  }

  /** Moves to `instant`, never backwards. */
  advanceTo(instant: DateTime): void {
    if (instant > this.instant) this.instant = instant;
  }
}
