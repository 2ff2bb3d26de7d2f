import type { DateTime } from 'luxon';
import type { Case } from '../cases/case.js';
import type { Policy } from '../policy/schema.js';
import type { Clock, ReminderBook } from '../ports.js';
import { bookingChange, nextBooking, scheduleName, type Booking } from '../reminders/booking.js';
import { SENT_EARLY_BY_AT_MOST_MS, type ReminderRequest } from '../remind.js';
import { flat } from './kept-strings.js';

export interface PendingReminder extends ReminderRequest {
  name: string;
  at: DateTime;
}

/**
 * Scheduler's part, in this process: each case's one pending reminder (its schedule), made to
 * match its plan on each sync and moved on by the remind use case when it fires, and handed out
 * in time order when the clock reaches it. The same decisions as the Scheduler book, so replay
 * behaves as AWS does; nothing is too soon to book here, so nothing is sent at once.
 */
export class InProcessReminderBook implements ReminderBook {
  private readonly pending = new Map<string, PendingReminder>();

  constructor(
    private readonly clock: Clock,
    private readonly closureDays: readonly string[],
  ) {}

  sync(current: Case, policy: Policy, previous?: Case | null): Promise<void> {
    const now = this.clock.now();
    const change = bookingChange(current, policy, previous, { horizon: now, after: now }, { closureDays: this.closureDays });
    if (change.kind === 'book') this.book(change.booking);
    if (change.kind === 'drop') this.pending.delete(scheduleName(current.ref));
    return Promise.resolve();
  }

  bookNext(current: Case, policy: Policy, after: DateTime): Promise<void> {
    const horizon = this.clock.now().plus({ milliseconds: SENT_EARLY_BY_AT_MOST_MS });
    const next = nextBooking(current, policy, horizon, after, { closureDays: this.closureDays });
    if (next) this.book(next);
    return Promise.resolve();
  }

  /** The next reminder due at or before `until`, taken from the book (a schedule that fired); null when none is. */
  takeNextDue(until: DateTime): PendingReminder | null {
    let next: PendingReminder | null = null;
    for (const reminder of this.pending.values()) if (reminder.at <= until && (!next || reminder.at < next.at)) next = reminder;
    if (next) this.pending.delete(next.name);
    return next;
  }

  /** Everything still booked, in time order. */
  list(): PendingReminder[] {
    return [...this.pending.values()].sort((a, b) => a.at.toMillis() - b.at.toMillis());
  }

  /** Restores what a previous run had booked (the local runtime persists it). */
  restore(reminders: readonly PendingReminder[]): void {
    for (const reminder of reminders) this.pending.set(reminder.name, reminder);
  }

  /** Kept until it fires, one per open case: its strings flat (each was built of parts). */
  private book(booking: Booking): void {
    const name = flat(scheduleName(booking.caseRef));
    const after = flat(booking.after.toUTC().toISO() ?? '');
    this.pending.set(name, { name, caseRef: flat(booking.caseRef), reminderId: flat(booking.reminderId), after, at: booking.at });
  }
}
