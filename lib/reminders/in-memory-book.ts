import { DateTime } from 'luxon';
import type { Case } from '../cases/case.js';
import { calendarFor } from '../policy/calendar.js';
import { stageDeadlines, type Deadline } from '../policy/deadlines.js';
import type { Policy } from '../policy/schema.js';
import type { ReminderBook } from '../ports.js';

/**
 * Keeps, per case, the deadlines its reminders will be booked for. The reminders issue replaces
 * it with the EventBridge Scheduler book; tests and the first deployments use this one.
 */
export class InMemoryReminderBook implements ReminderBook {
  readonly booked = new Map<string, Deadline[]>();

  constructor(private readonly closureDays: readonly string[] = []) {}

  sync(current: Case, policy: Policy): Promise<void> {
    if (current.status === 'resolved') {
      this.booked.delete(current.ref);
      return Promise.resolve();
    }
    const deadlines = stageDeadlines(
      policy,
      {
        stageId: current.stage,
        stageStartedAt: DateTime.fromISO(current.stageStartedAt),
        caseOpenedAt: DateTime.fromISO(current.openedAt),
      },
      calendarFor(policy, this.closureDays),
    );
    this.booked.set(current.ref, deadlines);
    return Promise.resolve();
  }
}
