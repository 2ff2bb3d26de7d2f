import type { DateTime } from 'luxon';
import type { Timescale } from './timescale.js';
import { END_OF_WORKING_DAY_HOUR, REMINDER_HOUR, type WorkingCalendar } from './working-calendar.js';

export interface TimedDeadline {
  /** When the stage (or, for an overall deadline, the case) started. */
  startedAt: DateTime;
  due: DateTime;
  timescale: Timescale;
  /** The earlier target of the same stage, if the policy gives one. */
  targetDue?: DateTime;
}

/**
 * The due-soon reminder: at the stage's target if it has one; otherwise 09:00 on the working day
 * before a date-based deadline's date, when that is after the start. An hour deadline with no
 * target has none: the day before is often before the stage began.
 */
export function dueSoonAt(deadline: TimedDeadline, calendar: WorkingCalendar): DateTime | null {
  if (deadline.targetDue) return deadline.targetDue;
  if (deadline.timescale.unit === 'hours') return null;
  const at = calendar.atHour(calendar.startOfPreviousWorkingDay(deadline.due), REMINDER_HOUR);
  return at > deadline.startedAt ? at : null;
}

/**
 * The overdue notice: 09:00 on the next working day after a date-based deadline's date; for an
 * hour deadline the due instant itself when it falls within 09:00–17:00 of a working day, else
 * the first 09:00 of a working day after it.
 */
export function overdueAt(deadline: TimedDeadline, calendar: WorkingCalendar): DateTime {
  const due = calendar.local(deadline.due);
  if (deadline.timescale.unit !== 'hours') {
    return calendar.atHour(calendar.startOfNextWorkingDay(due), REMINDER_HOUR);
  }
  if (calendar.isWorkingDay(due) && withinWorkingHours(due)) return due;
  const sameMorning = calendar.atHour(due, REMINDER_HOUR);
  if (calendar.isWorkingDay(due) && due < sameMorning) return sameMorning;
  return calendar.atHour(calendar.startOfNextWorkingDay(due), REMINDER_HOUR);
}

function withinWorkingHours(local: DateTime): boolean {
  const opens = local.set({ hour: REMINDER_HOUR, minute: 0, second: 0, millisecond: 0 });
  const closes = local.set({ hour: END_OF_WORKING_DAY_HOUR, minute: 0, second: 0, millisecond: 0 });
  return local >= opens && local <= closes;
}
