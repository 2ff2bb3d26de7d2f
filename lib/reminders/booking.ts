import type { DateTime } from 'luxon';
import type { Case } from '../cases/case.js';
import type { Policy } from '../policy/schema.js';
import { allReminders, type PlanContext, type PlannedReminder } from './plan.js';

/**
 * What a case's one schedule holds: the next reminder to send, and its cursor. Every reminder of
 * the case due at or before `after` was sent (or had passed) when it was booked; when it fires,
 * every reminder due after the cursor and by then is sent, so a reminder that a concurrent change
 * booked and a late firing overwrote is sent late, never lost.
 */
export interface Booking {
  caseRef: string;
  reminderId: string;
  kind: PlannedReminder['kind'];
  at: DateTime;
  after: DateTime;
}

/** What a sync does to a case's schedule: book it (`exists` when it was booked before), delete it, or leave it. */
export type BookingChange = { kind: 'book'; booking: Booking; exists: boolean } | { kind: 'drop' } | { kind: 'keep' };

/** The schedule of a case: one per case, named by its reference (within Scheduler's 64 characters of [0-9A-Za-z-_.]). */
export function scheduleName(caseRef: string): string {
  return caseRef;
}

/** A case's reminders in the order they go out: by time, then by id, so that reminders due together go out together. */
export function inSendingOrder(current: Case, policy: Policy, context: PlanContext): PlannedReminder[] {
  return allReminders(current, policy, context).sort((a, b) => a.at.toMillis() - b.at.toMillis() || a.id.localeCompare(b.id));
}

/** The booking of a case's first reminder after `horizon`, with `after` as its cursor; null when none is left. */
export function nextBooking(current: Case, policy: Policy, horizon: DateTime, after: DateTime, context: PlanContext): Booking | null {
  const next = inSendingOrder(current, policy, context).find((r) => r.at > horizon);
  return next ? { caseRef: current.ref, reminderId: next.id, kind: next.kind, at: next.at, after } : null;
}

/**
 * What a change of a case does to its schedule, given `previous`, the case as it was read before
 * the change (what its last sync booked follows from it), null for a case just created, absent
 * when that is unknown (a retry that may follow a failed sync, a re-sync): then the schedule is
 * made right whatever it holds. A closed case's schedule is deleted; an open case's names its
 * first reminder after `horizon`, and is left alone when that has not changed.
 */
export function bookingChange(
  current: Case,
  policy: Policy,
  previous: Case | null | undefined,
  at: { horizon: DateTime; after: DateTime },
  context: PlanContext,
): BookingChange {
  const target = nextBooking(current, policy, at.horizon, at.after, context);
  const before = previous ? nextBooking(previous, policy, at.horizon, at.after, context) : null;
  // A closed case's schedule was deleted when it closed.
  const booked = previous === undefined || (previous !== null && previous.status === 'open');
  if (target) {
    const unchanged = before !== null && before.reminderId === target.reminderId && before.at.equals(target.at);
    return unchanged ? { kind: 'keep' } : { kind: 'book', booking: target, exists: booked };
  }
  // Nothing left to book: the schedule goes when the case closes, or when this change took its reminders away.
  return booked && (previous === undefined || current.status !== 'open' || before !== null) ? { kind: 'drop' } : { kind: 'keep' };
}
