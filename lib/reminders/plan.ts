import type { DateTime } from 'luxon';
import { compactUtc } from '../calendar/stamps.js';
import type { Case } from '../cases/case.js';
import { caseDeadlines } from '../cases/deadlines.js';
import type { Deadline } from '../policy/deadlines.js';
import type { Policy } from '../policy/schema.js';

export type ReminderKind = 'due-soon' | 'overdue';

export interface PlannedReminder {
  /**
   * Stable for as long as the reminder means the same thing: the case, the deadline, the kind,
   * when the deadline's clock started (a stage entered again is a new clock, and new reminders)
   * and its due instant (a policy or closure-day change that moves it makes new reminders).
   */
  id: string;
  caseRef: string;
  kind: ReminderKind;
  at: DateTime;
  deadline: Deadline;
}

export interface PlanContext {
  closureDays: readonly string[];
}

/** Every reminder the case's current deadlines call for, past or future; none once it is resolved. */
export function allReminders(current: Case, policy: Policy, context: PlanContext): PlannedReminder[] {
  return caseDeadlines(current, policy, context.closureDays).flatMap((deadline) => {
    const planned: PlannedReminder[] = [];
    const started = compactUtc(deadline.startedAt);
    const due = compactUtc(deadline.due);
    const make = (kind: ReminderKind, at: DateTime) => ({
      id: `${current.ref}/${deadline.id}/${kind}/${started}/${due}`,
      caseRef: current.ref,
      kind,
      at,
      deadline,
    });
    if (deadline.dueSoonAt) planned.push(make('due-soon', deadline.dueSoonAt));
    if (deadline.overdueAt) planned.push(make('overdue', deadline.overdueAt));
    return planned;
  });
}

/** The reminders still to come: nothing in the past is planned. */
export function planReminders(current: Case, policy: Policy, now: DateTime, context: PlanContext): PlannedReminder[] {
  return allReminders(current, policy, context).filter((reminder) => reminder.at > now);
}
