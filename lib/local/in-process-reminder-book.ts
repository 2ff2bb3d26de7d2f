import type { DateTime } from 'luxon';
import type { Case } from '../cases/case.js';
import type { Policy } from '../policy/schema.js';
import type { Clock, ReminderBook } from '../ports.js';
import { planReminders, scheduleName } from '../reminders/plan.js';
import type { ReminderRequest } from '../remind.js';

export interface PendingReminder extends ReminderRequest {
  name: string;
  at: DateTime;
}

/**
 * Scheduler's part, in this process: a case's pending reminders, made to match its plan on each
 * sync, and handed out in time order when the clock reaches them.
 */
export class InProcessReminderBook implements ReminderBook {
  private readonly pending = new Map<string, PendingReminder>();
  /** Each case's pending reminder names: a sync touches its own case, however many others are booked. */
  private readonly byCase = new Map<string, Set<string>>();

  constructor(
    private readonly clock: Clock,
    private readonly closureDays: readonly string[],
  ) {}

  /** As Scheduler's book: given the case as it was read, only the difference of the two plans changes. */
  sync(current: Case, policy: Policy, previous?: Case | null): Promise<void> {
    const plan = (of: Case) => planReminders(of, policy, this.clock.now(), { closureDays: this.closureDays });
    const wanted = new Map(plan(current).map((r) => [scheduleName(r), r]));
    const existing = new Set(
      previous === undefined ? [...(this.byCase.get(current.ref) ?? [])] : previous === null ? [] : plan(previous).map(scheduleName),
    );
    for (const name of existing) {
      if (wanted.has(name)) continue;
      this.pending.delete(name);
      this.byCase.get(current.ref)?.delete(name);
    }
    for (const [name, reminder] of wanted) {
      if (!existing.has(name)) this.book({ name, caseRef: reminder.caseRef, reminderId: reminder.id, at: reminder.at });
    }
    return Promise.resolve();
  }

  /** The next reminder due at or before `until`, removed from the book; null when none is. */
  takeNextDue(until: DateTime): PendingReminder | null {
    let next: PendingReminder | null = null;
    for (const reminder of this.pending.values()) if (reminder.at <= until && (!next || reminder.at < next.at)) next = reminder;
    if (next) {
      this.pending.delete(next.name);
      this.byCase.get(next.caseRef)?.delete(next.name);
    }
    return next;
  }

  /** Everything still booked, in time order. */
  list(): PendingReminder[] {
    return [...this.pending.values()].sort((a, b) => a.at.toMillis() - b.at.toMillis());
  }

  /** Restores what a previous run had booked (the local runtime persists it). */
  restore(reminders: readonly PendingReminder[]): void {
    for (const reminder of reminders) this.book(reminder);
  }

  private book(reminder: PendingReminder): void {
    this.pending.set(reminder.name, reminder);
    const names = this.byCase.get(reminder.caseRef) ?? new Set<string>();
    this.byCase.set(reminder.caseRef, names.add(reminder.name));
  }
}
