import type { Case } from '../cases/case.js';
import { caseDeadlines } from '../cases/deadlines.js';
import type { Deadline } from '../policy/deadlines.js';
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
    if (current.status === 'resolved') this.booked.delete(current.ref);
    else this.booked.set(current.ref, caseDeadlines(current, policy, this.closureDays));
    return Promise.resolve();
  }
}
