import { DateTime } from 'luxon';
import type { DayNumber } from './day-numbers.js';
import * as z from 'zod';
import { END_OF_WORKING_DAY_HOUR, type WorkingCalendar } from './working-calendar.js';

/**
 * A policy's "within N …": working days (due at 17:00 of the Nth working day after the start's
 * day), hours (a clock that runs only on working days) or calendar months.
 */
export const TimescaleSchema = z.strictObject({
  unit: z.enum(['working-days', 'hours', 'calendar-months']),
  amount: z.number().int().positive().max(366),
});
export type Timescale = z.infer<typeof TimescaleSchema>;

/** "5 working days", "24 working hours", "1 calendar month". */
export function describeTimescale({ unit, amount }: Timescale): string {
  const plural = amount === 1 ? '' : 's';
  switch (unit) {
    case 'working-days':
      return `${amount} working day${plural}`;
    case 'hours':
      return `${amount} working hour${plural}`;
    case 'calendar-months':
      return `${amount} calendar month${plural}`;
  }
}

/** When a timescale that starts at `from` runs out. */
export function dueAfter(timescale: Timescale, from: DateTime, calendar: WorkingCalendar): DateTime {
  switch (timescale.unit) {
    case 'working-days':
      return addWorkingDays(from, timescale.amount, calendar);
    case 'hours':
      return addWorkingHours(from, timescale.amount, calendar);
    case 'calendar-months':
      return addCalendarMonths(from, timescale.amount, calendar);
  }
}

/**
 * As `dueAfter`, from an instant given in milliseconds: a working-day timescale is counted from
 * the start's local date, without making the start a DateTime (the report does this for every
 * open case, and a DateTime costs more than the count).
 */
export function dueAfterMillis(timescale: Timescale, fromMs: number, calendar: WorkingCalendar): DateTime {
  return timescale.unit === 'working-days'
    ? endOfNthWorkingDay(calendar.dayOfMillis(fromMs), timescale.amount, calendar)
    : dueAfter(timescale, DateTime.fromMillis(fromMs), calendar);
}

/** The day of `from` is day 0; due at the end (17:00) of the Nth working day after it. */
export function addWorkingDays(from: DateTime, days: number, calendar: WorkingCalendar): DateTime {
  return endOfNthWorkingDay(calendar.dayOf(from), days, calendar);
}

function endOfNthWorkingDay(day: DayNumber, days: number, calendar: WorkingCalendar): DateTime {
  return calendar.atHourOf(calendar.workingDayAfter(day, days), END_OF_WORKING_DAY_HOUR);
}

const MS_PER_HOUR = 3_600_000;
/**
 * A working day's length on this clock. Clocks in England change on Sundays, which are never
 * working days, so every working day is 24 hours long.
 */
const MS_PER_WORKING_DAY = 24 * MS_PER_HOUR;

/**
 * The clock runs only on working days: it stops at 00:00 of a non-working day and restarts at
 * 00:00 of the next working day. Elapsed time is real time, so a clock change is counted as it
 * happens (clocks change on Sundays, when this clock is stopped anyway).
 */
export function addWorkingHours(from: DateTime, hours: number, calendar: WorkingCalendar): DateTime {
  let remainingMs = hours * MS_PER_HOUR;
  const day = calendar.dayOf(from);
  if (calendar.isWorkingDayNumber(day)) {
    const leftToday = calendar.startOf(day + 1).toMillis() - from.toMillis();
    if (remainingMs <= leftToday) return calendar.local(from).plus({ milliseconds: remainingMs });
    remainingMs -= leftToday;
  }
  // Whole working days from 00:00 of the next working day, then what is left of the last one.
  const wholeDays = Math.ceil(remainingMs / MS_PER_WORKING_DAY) - 1;
  const lastDay = calendar.workingDayAfter(calendar.workingDayAfter(day, 1), wholeDays);
  return calendar.startOf(lastDay).plus({ milliseconds: remainingMs - wholeDays * MS_PER_WORKING_DAY });
}

/**
 * The same local date N months on (clamped to the month's end), 17:00; on a non-working day,
 * the end of the last working day before it.
 */
export function addCalendarMonths(from: DateTime, months: number, calendar: WorkingCalendar): DateTime {
  let day = calendar.local(from).plus({ months });
  if (!calendar.isWorkingDay(day)) day = calendar.startOfPreviousWorkingDay(day);
  return calendar.atHour(day, END_OF_WORKING_DAY_HOUR);
}

export const workingDays = (amount: number): Timescale => ({ unit: 'working-days', amount });
export const workingHours = (amount: number): Timescale => ({ unit: 'hours', amount });
export const calendarMonths = (amount: number): Timescale => ({ unit: 'calendar-months', amount });

/**
 * Time between two instants on the working-hours clock (the one `addWorkingHours` runs), in
 * hours: what the monitoring report counts as time spent in a stage. Zero when `to` is not later.
 */
export function workingHoursBetween(from: DateTime, to: DateTime, calendar: WorkingCalendar): number {
  if (to <= from) return 0;
  const first = calendar.dayOf(from);
  const last = calendar.dayOf(to);
  if (first === last) return calendar.isWorkingDayNumber(first) ? (to.toMillis() - from.toMillis()) / MS_PER_HOUR : 0;
  const firstPart = calendar.isWorkingDayNumber(first) ? calendar.startOf(first + 1).toMillis() - from.toMillis() : 0;
  const lastPart = calendar.isWorkingDayNumber(last) ? to.toMillis() - calendar.startOf(last).toMillis() : 0;
  const between = calendar.workingDaysBetween(first + 1, last) * MS_PER_WORKING_DAY;
  return (firstPart + between + lastPart) / MS_PER_HOUR;
}
